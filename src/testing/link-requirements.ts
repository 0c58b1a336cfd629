/**
 * The requirement table of the evidence report: each documented requirement with the tests that exercise
 * it and, apart, the documentation checks that name it; the IDs tests name that no requirement source
 * documents (samples, typos) are kept out of the table and listed on their own.
 *
 * @module
 */
import type { EvidenceTest } from "./evidence.js";

/** A test of the report with its anchor (`test-1`, `test-2`… in run order), which the HTML links to. */
export type ReportedTest = EvidenceTest & { readonly anchor: string };

/** The status of a requirement: a failing test wins; `untested` when no test passed nor failed. */
export type RequirementStatus = "passed" | "failed" | "untested";

export interface RequirementEvidence {
  readonly id: string;
  /** Always true: the table holds only the IDs a requirement source names. */
  readonly documented: boolean;
  /** The sources that name it. */
  readonly sources: readonly string[];
  /** From {@link tests} only: documentation checks never make a requirement `passed` or `failed`. */
  readonly status: RequirementStatus;
  /** The tests that exercise it (name it and are not documentation checks). */
  readonly tests: readonly ReportedTest[];
  /** The documentation checks that name it (see `markDocumentationCheck`). */
  readonly documentationChecks: readonly ReportedTest[];
}

/** An ID tests name that no requirement source documents, with those tests. */
export interface IdOutsideSources {
  readonly id: string;
  readonly tests: readonly ReportedTest[];
}

const compareIds = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** Gives each test its anchor, in run order. */
export function anchorTests(tests: readonly EvidenceTest[]): ReportedTest[] {
  return tests.map((test, i) => ({ ...test, anchor: `test-${i + 1}` }));
}

function statusOf(tests: readonly ReportedTest[]): RequirementStatus {
  if (tests.some((t) => t.state === "failed")) return "failed";
  return tests.some((t) => t.state === "passed") ? "passed" : "untested";
}

/** Links each documented requirement to its tests; IDs no source documents go apart. */
export function linkRequirements(
  tests: readonly ReportedTest[],
  documented: ReadonlyMap<string, readonly string[]>,
): { requirements: RequirementEvidence[]; outsideSources: IdOutsideSources[] } {
  const byId = new Map<string, ReportedTest[]>();
  for (const id of documented.keys()) byId.set(id, []);
  for (const test of tests)
    for (const id of test.requirements) {
      const list = byId.get(id) ?? [];
      list.push(test);
      byId.set(id, list);
    }
  const ids = [...byId.keys()].sort(compareIds);
  const requirements = ids
    .filter((id) => documented.has(id))
    .map((id): RequirementEvidence => {
      const named = byId.get(id) ?? [];
      const exercising = named.filter((t) => t.documentationCheck !== true);
      return {
        id,
        documented: true,
        sources: [...(documented.get(id) ?? [])],
        status: statusOf(exercising),
        tests: exercising,
        documentationChecks: named.filter((t) => t.documentationCheck === true),
      };
    });
  const outsideSources = ids
    .filter((id) => !documented.has(id))
    .map((id) => ({ id, tests: byId.get(id) ?? [] }));
  return { requirements, outsideSources };
}
