/**
 * Choosing and excluding rules by ID (issue #18): the selection text of `--rules=<list>`, `runRules` with
 * `only` and `exclude`, `validateDocument` with a selection; and B2MML-ID-001 flags only what breaks
 * meaning: the positive fixtures under fixtures/b2mml-v0600/rules-pass/ leave optional IDs out, are valid
 * against the profile and MESA's V0600, and pass every rule.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseXmlTree } from "../../../src/binding/xml-tree.js";
import {
  parseRuleSelection,
  RULES,
  runRules,
  validateDocument,
  validateXsd,
} from "../../../src/validation/index.js";
import {
  disposeValidators,
  loadMesaV0600,
  loadProfileV0600,
  sharedAvailable,
} from "../../helpers/libxml2-schema.js";
import { repoRoot } from "../../helpers/paths.js";

const IDS = RULES.map((rule) => rule.id);
const KNOWN = `known IDs: ${IDS.join(", ")}`;

afterAll(() => disposeValidators());

describe("parseRuleSelection", () => {
  it.each([
    ["all", {}],
    ["B2MML-TIME-001", { only: ["B2MML-TIME-001"] }],
    ["B2MML-TIME-001,B2MML-UOM-001", { only: ["B2MML-TIME-001", "B2MML-UOM-001"] }],
    [" B2MML-TIME-001 , B2MML-UOM-001 ", { only: ["B2MML-TIME-001", "B2MML-UOM-001"] }],
    ["all,-B2MML-ID-001", { exclude: ["B2MML-ID-001"] }],
    ["-B2MML-ID-001", { exclude: ["B2MML-ID-001"] }],
    ["-B2MML-ID-001,-B2MML-ID-002", { exclude: ["B2MML-ID-001", "B2MML-ID-002"] }],
    [
      "B2MML-TIME-001,B2MML-TIME-002,-B2MML-ID-001",
      { only: ["B2MML-TIME-001", "B2MML-TIME-002"], exclude: ["B2MML-ID-001"] },
    ],
  ])("%j", (text, selection) => {
    expect(parseRuleSelection(text, IDS)).toEqual({ ok: true, selection });
  });

  it.each([
    ["B2MML-NOPE-001", "RULES_UNKNOWN_ID", "unknown rule ID B2MML-NOPE-001", "B2MML-NOPE-001"],
    ["all,-B2MML-ID-009", "RULES_UNKNOWN_ID", "unknown rule ID B2MML-ID-009", "B2MML-ID-009"],
    ["b2mml-time-001", "RULES_UNKNOWN_ID", "unknown rule ID b2mml-time-001", "b2mml-time-001"],
    ["", "RULES_BAD_SELECTION", 'an empty item in ""', ""],
    ["B2MML-TIME-001,", "RULES_BAD_SELECTION", 'an empty item in "B2MML-TIME-001,"', "B2MML-TIME-001,"],
    ["-", "RULES_BAD_SELECTION", 'an empty item in "-"', "-"],
    [
      "B2MML-ID-001,-B2MML-ID-001",
      "RULES_BAD_SELECTION",
      "rule B2MML-ID-001 is both chosen and left out",
      "B2MML-ID-001,-B2MML-ID-001",
    ],
  ])("%j is refused", (text, code, message, received) => {
    expect(parseRuleSelection(text, IDS)).toEqual({
      ok: false,
      code,
      message,
      expected: `all, rule IDs or -ID, comma-separated; ${KNOWN}`,
      received,
    });
  });
});

describe("runRules and validateDocument with a selection", () => {
  const V0600 = "http://www.mesa.org/xml/B2MML-V0600";
  // XSD-valid: an empty request ID (ID-001) and an end without offset (TIME-002)
  const xml = `<ProcessProductionSchedule xmlns="${V0600}" releaseID="6.0">
<ApplicationArea><CreationDateTime>2026-03-27T16:05:12+01:00</CreationDateTime></ApplicationArea>
<DataArea><Process/><ProductionSchedule><ProductionRequest><ID></ID>
<StartTime>2026-03-29T06:00:00+02:00</StartTime><EndTime>2026-03-29T07:00:00</EndTime>
</ProductionRequest></ProductionSchedule></DataArea></ProcessProductionSchedule>`;
  const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

  it.each([
    [{}, ["B2MML-TIME-002", "B2MML-ID-001"]],
    [{ exclude: ["B2MML-ID-001"] }, ["B2MML-TIME-002"]],
    [{ only: ["B2MML-ID-001", "B2MML-TIME-002"], exclude: ["B2MML-TIME-002"] }, ["B2MML-ID-001"]],
    [{ only: [] }, []],
  ])("runRules(%j)", (selection, want) => {
    expect(codes(runRules(parseXmlTree(xml), selection)).sort()).toEqual([...want].sort());
  });

  it("refuses an unknown excluded ID, naming the known ones", () => {
    expect(() => runRules(parseXmlTree(xml), { exclude: ["B2MML-NOPE-001"] })).toThrow(
      new RangeError(`unknown rule ID B2MML-NOPE-001; known: ${IDS.join(", ")}`),
    );
  });

  it.each([
    [true, ["B2MML-ID-001", "B2MML-TIME-002"]],
    [["B2MML-TIME-002"], ["B2MML-TIME-002"]],
    [{ exclude: ["B2MML-TIME-002"] }, ["B2MML-ID-001"]],
    [{ exclude: ["B2MML-TIME-002", "B2MML-ID-001"] }, []],
  ] as const)("validateDocument(rules: %j)", (rules, want) => {
    const result = validateDocument(xml, { rules });
    expect(codes(result.issues)).toEqual(want);
    expect(result.outcome).toBe(want.length === 0 ? "valid" : "invalid");
  });
});

describe("optional IDs left out pass B2MML-ID-001 (fixtures/b2mml-v0600/rules-pass/)", () => {
  const dir = path.join(repoRoot, "fixtures/b2mml-v0600/rules-pass");
  const cases = fs.readdirSync(dir).sort();

  it("exist", () => expect(cases.length).toBeGreaterThanOrEqual(3));

  it.each(cases)("%s is valid against the profile and passes every rule", (name) => {
    const file = path.join(dir, name, "document.xml");
    const bytes = fs.readFileSync(file);
    expect(validateXsd(bytes, { schemas: loadProfileV0600(), file }).issues).toEqual([]);
    expect(runRules(parseXmlTree(bytes))).toEqual([]);
  });

  it.skipIf(!sharedAvailable).each(cases)(
    "%s is valid against MESA's V0600 (skipped without ../shared)",
    (name) => {
      const file = path.join(dir, name, "document.xml");
      expect(validateXsd(fs.readFileSync(file), { schemas: loadMesaV0600(), file }).issues).toEqual([]);
    },
  );
});
