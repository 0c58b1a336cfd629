/**
 * vitest helpers for validation packs: mapping tests of your own configuration against golden documents,
 * document assertions (XSD and business rules), requirement IDs and evidence. The evidence reporter is
 * `b2mml/testing/reporter`.
 *
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { test } from "vitest";
 * import { expectMapping, expectValidDocument } from "b2mml/testing";
 *
 * test("[ACME-IF-012] a released order maps to the golden schedule", () => {
 *   const config = JSON.parse(readFileSync("config.json", "utf8"));
 *   const { actual } = expectMapping({
 *     input: readFileSync("cases/order/idoc.xml"),
 *     config,
 *     expected: readFileSync("cases/order/expected.xml"),
 *   });
 *   expectValidDocument(actual, { release: "V0600", rules: true });
 * });
 * ```
 *
 * @module
 */
export {
  type ArtifactRole,
  EVIDENCE_META_KEY,
  type EvidenceArtifact,
  evidenceOf,
  findRequirementIds,
  markDocumentationCheck,
  REQUIREMENT_ID_PATTERN,
  recordArtifact,
  requirement,
  type TestEvidence,
} from "./evidence.js";
export {
  buildEvidenceReport,
  describeEnvironment,
  type EnvironmentOptions,
  EVIDENCE_REPORT_FORMAT,
  type EvidenceEnvironment,
  type EvidenceReport,
  type EvidenceTest,
  type IdOutsideSources,
  type ReportedTest,
  type RequirementEvidence,
  type RequirementStatus,
  scanRequirementSources,
} from "./evidence-report.js";
export {
  type ExpectMappingOptions,
  expectMapping,
  GoldenMismatchError,
  type MappingComparison,
  type MappingFunction,
  mapProductionSchedule,
} from "./expect-mapping.js";
export {
  DocumentAssertionError,
  type ExpectDocumentOptions,
  type ExpectedIssue,
  expectIssues,
  expectValidDocument,
} from "./expect-validation.js";
export { diffLines } from "./line-diff.js";
export { renderEvidenceHtml } from "./render-html.js";
