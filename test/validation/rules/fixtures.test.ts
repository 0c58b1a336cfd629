/**
 * Rules over the fixtures: every valid/<case>/document.xml passes every rule; every
 * rules/<case>/document.xml is XSD-valid against the profile and gives exactly the issues in its
 * expected.json (positions there are the `<` of the element; see ./positions.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseXmlTree } from "../../../src/binding/xml-tree.js";
import { validateXsd } from "../../../src/validation/index.js";
import { runRules } from "../../../src/validation/rules/index.js";
import { disposeValidators, loadProfileV0600 } from "../../helpers/libxml2-schema.js";
import { repoRoot } from "../../helpers/paths.js";
import { READER_COLUMN_OFFSET } from "./positions.js";

const fixturesDir = path.join(repoRoot, "fixtures/b2mml-v0600");

function listCases(kind: "valid" | "rules"): string[] {
  return fs
    .readdirSync(path.join(fixturesDir, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

afterAll(() => {
  disposeValidators();
});

describe("valid fixtures pass every rule", () => {
  it.each(listCases("valid"))("valid/%s", (name) => {
    const xml = fs.readFileSync(path.join(fixturesDir, "valid", name, "document.xml"), "utf8");
    expect(runRules(parseXmlTree(xml))).toEqual([]);
  });
});

describe("rule-breaking fixtures", () => {
  const cases = listCases("rules");

  it("exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)("rules/%s is XSD-valid and gives its expected issues", (name) => {
    const file = path.join(fixturesDir, "rules", name, "document.xml");
    expect(validateXsd(fs.readFileSync(file), { schemas: loadProfileV0600(), file }).issues).toEqual([]);
    const expected: { column: number }[] = JSON.parse(
      fs.readFileSync(path.join(fixturesDir, "rules", name, "expected.json"), "utf8"),
    );
    expect(expected.length).toBeGreaterThan(0);
    const issues = runRules(parseXmlTree(fs.readFileSync(file, "utf8"))).map(
      ({ code, line, column, path, message, expected, received }) => ({
        code,
        line,
        column: column - READER_COLUMN_OFFSET,
        path,
        message,
        expected,
        received,
      }),
    );
    expect(issues).toEqual(expected);
  });
});
