/**
 * Round trip over every valid fixture: read → write → read gives an equal value, and the written XML is
 * C14N-equal to the input (Canonical XML 1.0 by libxml2, comments aside; whitespace between elements of
 * element-only content is not part of the value, so both sides are parsed without blank text nodes).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { read } from "../../src/binding/read.js";
import { type RootMeta, rootOf } from "../../src/binding/schema-index.js";
import { write } from "../../src/binding/write.js";
import { parseXmlTree } from "../../src/binding/xml-tree.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { canonicalWithoutBlanks } from "../helpers/canonical.js";
import { repoRoot } from "../helpers/paths.js";

const validDir = path.join(repoRoot, "fixtures/b2mml-v0600/valid");
const cases = readdirSync(validDir).sort();

describe("binding round trip over the valid V0600 fixtures", () => {
  test.each(cases)("%s: read → write → read is equal, and the output is C14N-equal to the input", (name) => {
    const xml = readFileSync(path.join(validDir, name, "document.xml"), "utf8");
    const root = rootOf(schemaSet, parseXmlTree(xml).local);
    const first = read(xml, root);
    expect(first.issues).toEqual([]);
    const written = write(first.value, root, { namespaces: first.namespaces });
    const second = read(written, root);
    expect(second.issues).toEqual([]);
    expect(second.value).toEqual(first.value);
    expect(canonicalWithoutBlanks(written)).toBe(canonicalWithoutBlanks(xml));
    // and indented output differs only in ignorable whitespace
    expect(
      canonicalWithoutBlanks(write(first.value, root, { namespaces: first.namespaces, indent: "  " })),
    ).toBe(canonicalWithoutBlanks(xml));
  });
});

describe("binding values", () => {
  const xml = readFileSync(path.join(validDir, "process-production-schedule", "document.xml"), "utf8");
  const root: RootMeta = rootOf(schemaSet, "ProcessProductionSchedule");
  const { value } = read<Record<string, unknown>>(xml, root);

  test("elements with maxOccurs > 1 are arrays even when they occur once; values keep their lexical form", () => {
    const dataArea = value?.DataArea as { ProductionSchedule: unknown[] };
    expect(Array.isArray(dataArea.ProductionSchedule)).toBe(true);
    expect(JSON.stringify(value)).toContain('"12.500"');
    expect(JSON.stringify(value)).toContain('"2026-03-29T01:30:00.250+01:00"');
  });

  test("object key order never matters to the writer", () => {
    const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(write(reversed, root)).toBe(write(value, root));
  });
});
