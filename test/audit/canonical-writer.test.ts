/**
 * Canonical by construction: the binding writer's `canonical` output is byte for byte libxml2's Canonical
 * XML 1.0 of the same document, for every valid V0600 fixture.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { digest } from "../../src/audit/digest.js";
import { read } from "../../src/binding/read.js";
import { type RootMeta, rootOf } from "../../src/binding/schema-index.js";
import { write } from "../../src/binding/write.js";
import { parseXmlTree } from "../../src/binding/xml-tree.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { canonicalWithoutBlanks } from "../helpers/canonical.js";
import { repoRoot } from "../helpers/paths.js";

const validDir = path.join(repoRoot, "fixtures/b2mml-v0600/valid");
const cases = readdirSync(validDir).sort();

describe("canonical writer over the valid V0600 fixtures", () => {
  test.each(cases)("%s: write(…, { canonical: true }) is libxml2's C14N 1.0 of the same document", (name) => {
    const xml = readFileSync(path.join(validDir, name, "document.xml"), "utf8");
    const root = rootOf(schemaSet, parseXmlTree(xml).local);
    const { value, issues, namespaces } = read(xml, root);
    expect(issues).toEqual([]);
    const canonical = write(value, root, { namespaces, canonical: true });
    // the same document written the ordinary way (declaration, indentation, <a/>), canonicalized by libxml2
    const plain = write(value, root, { namespaces });
    expect(canonical).toBe(canonicalizeXml(plain).toString("utf8"));
    // canonical output is a fixed point of canonicalization
    expect(canonical).toBe(canonicalizeXml(canonical).toString("utf8"));
    // and it is the input's C14N once the whitespace between elements (not part of the value) is left out
    expect(canonical).toBe(canonicalWithoutBlanks(xml));
    // `indent` and `declaration` are ignored in canonical mode
    expect(write(value, root, { namespaces, canonical: true, indent: "  ", declaration: true })).toBe(
      canonical,
    );
    // one hash pass gives the digest of the canonical form
    expect(digest(canonical, { canonicalization: "c14n", alreadyCanonical: true })).toEqual(
      digest(plain, { canonicalization: "c14n" }),
    );
  });

  test("attributes in C14N order (namespace URI, then local name; unqualified first) and declarations by prefix", () => {
    const xml = readFileSync(path.join(validDir, "process-production-schedule", "document.xml"), "utf8");
    // an untyped root: the value read is unknown
    const root: RootMeta = rootOf(schemaSet, "ProcessProductionSchedule");
    const { value } = read(xml, root);
    const namespaces = [
      { prefix: "z", uri: "urn:z" },
      { prefix: "", uri: "http://www.mesa.org/xml/B2MML-V0600" },
      { prefix: "a", uri: "urn:a" },
    ];
    const canonical = write(value, root, { namespaces, canonical: true });
    expect(canonical).toMatch(
      /^<ProcessProductionSchedule xmlns="http:\/\/www\.mesa\.org\/xml\/B2MML-V0600" xmlns:a="urn:a" xmlns:z="urn:z"/,
    );
    expect(canonical).toBe(canonicalizeXml(write(value, root, { namespaces })).toString("utf8"));
  });
});
