/**
 * The project's own rule requirements in the evidence report (issue #12): a child vitest runs the rule
 * tests (test/validation/rules/) with the reporter and docs/rules.md as the requirement source. Each rule
 * of the catalogue is linked to the tests that exercise it; the checks that docs/rules.md lists the rules
 * are documentation checks beside it, never its tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EvidenceReport } from "../../src/testing/index.js";
import { RULES } from "../../src/validation/rules/index.js";
import { repoRoot } from "../helpers/paths.js";
import { runWithReporter } from "./helpers/run-with-reporter.js";

let dir = "";
let report: EvidenceReport;
let run: { status: number | null; output: string };
let traceability: EvidenceReport;
let traceabilityRun: { status: number | null; output: string };

/** Runs the test files `include` in a child vitest with the reporter; returns its report. */
const runRequirements = (name: string, include: string[], requirementSources: string[]) =>
  runWithReporter(include, { outputDir: path.join(dir, name), root: repoRoot, requirementSources });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-project-requirements-"));
  ({ run, report } = runRequirements("rules", ["test/validation/rules/*.test.ts"], ["docs/rules.md"]));
  ({ run: traceabilityRun, report: traceability } = runRequirements(
    "traceability",
    ["test/mappers/requirement-ids.test.ts"],
    ["docs/mapping-*.md"],
  ));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The cases of rules.test.ts per rule ID (their titles start with the ID). */
const RULE_CASES: Record<string, number> = {
  "B2MML-TIME-001": 7,
  "B2MML-TIME-002": 3,
  "B2MML-TIME-003": 3,
  "B2MML-VALUE-001": 2,
  "B2MML-UOM-001": 1,
  "B2MML-ID-001": 3,
  "B2MML-ID-002": 2,
};

describe("the rule catalogue's requirements", () => {
  test("each rule is passed by the rule cases exercising it, titled with its ID", () => {
    expect(run.status, run.output).toBe(0);
    expect(Object.keys(RULE_CASES)).toEqual(RULES.map((r) => r.id));
    for (const rule of RULES) {
      const row = report.requirements.find((r) => r.id === rule.id);
      expect(row?.status, rule.id).toBe("passed");
      const cases = (row?.tests ?? []).filter(
        (t) =>
          t.file === "test/validation/rules/rules.test.ts" &&
          t.name.startsWith(`business rules > ${rule.id}: `) &&
          t.state === "passed",
      );
      expect(cases.length, rule.id).toBe(RULE_CASES[rule.id]);
    }
  });

  test("the checks that docs/rules.md lists each rule are documentation checks, never its tests", () => {
    for (const rule of RULES) {
      const row = report.requirements.find((r) => r.id === rule.id);
      expect(row?.documentationChecks.map((t) => `${t.file} > ${t.name}`)).toEqual([
        `test/validation/rules/docs.test.ts > docs/rules.md > documents ${rule.id} with its statement`,
      ]);
      expect(row?.tests.filter((t) => t.file.endsWith("docs.test.ts"))).toEqual([]);
    }
  });

  test("an ID that only tests name (an unknown ID a test refuses) is kept out of the table", () => {
    expect(report.outsideSources.map((o) => [o.id, o.tests.map((t) => t.name)])).toEqual([
      ["B2MML-ID-009", ['parseRuleSelection > "all,-B2MML-ID-009" is refused']],
      ["B2MML-NOPE-001", ['parseRuleSelection > "B2MML-NOPE-001" is refused']],
    ]);
    expect(report.requirements.some((r) => r.id === "B2MML-ID-009")).toBe(false);
    // docs/rules.md no longer names an unknown ID as its example (NO-SUCH-RULE is not an ID's shape)
    expect(report.requirements.some((r) => r.id === "B2MML-NOPE-001")).toBe(false);
  });
});

describe("the mapping requirements' traceability checks (test/mappers/requirement-ids.test.ts)", () => {
  test("are documentation checks: run alone, they leave every mapping requirement not tested", () => {
    expect(traceabilityRun.status, traceabilityRun.output).toBe(0);
    const ids = traceability.requirements.map((r) => r.id);
    const mapping = /^(LOIPRO-MAP|PERF-MAP|PERF-POST)-\d{3}$/;
    expect(ids.filter((id) => mapping.test(id)).length).toBeGreaterThan(90);
    expect(traceability.withoutPassingTest).toEqual(ids);
    for (const r of traceability.requirements) {
      expect([r.status, r.tests], r.id).toEqual(["untested", []]);
      expect(
        r.documentationChecks.map((t) => t.name.replace(/^.* > /, "")),
        r.id,
      ).toEqual(mapping.test(r.id) ? [`${r.id} is covered by a test title`] : []);
    }
  });
});
