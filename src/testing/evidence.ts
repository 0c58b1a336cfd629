/**
 * Evidence recorded by a test: the requirement IDs it verifies and the digests of the artifacts it
 * compared (inputs, configuration, expected and actual outputs). It travels to the reporter in vitest's
 * `task.meta`, under the key {@link EVIDENCE_META_KEY}.
 *
 * @module
 */
import { TestRunner } from "vitest";
import type { DigestRecord } from "../audit/digest.js";

/** The key of the evidence in a test's `task.meta`. */
export const EVIDENCE_META_KEY = "b2mmlEvidence";

/** What an artifact is to the test. */
export type ArtifactRole = "input" | "configuration" | "expected" | "actual";

/** One artifact of a test, by its digest (never its content). */
export interface EvidenceArtifact {
  readonly role: ArtifactRole;
  /** A name for the artifact (a file path, `idoc.xml`, `config.json`…). */
  readonly name: string;
  readonly digest: DigestRecord;
}

/** The evidence of one test. */
export interface TestEvidence {
  /** Requirement IDs given with {@link requirement} (IDs in the title are found by the reporter). */
  readonly requirements: string[];
  readonly artifacts: EvidenceArtifact[];
  /**
   * Set by {@link markDocumentationCheck}: the test only checks that documents describe the requirements
   * it names, it does not exercise them.
   */
  documentationCheck: boolean;
}

/**
 * The pattern of requirement IDs in test titles and documents: two or more upper-case segments and a
 * number, e.g. `LOIPRO-MAP-012`, `B2MML-TIME-001`, `ACME-IF-7`. (`SHA-256` or `UTF-8` do not match.)
 */
export const REQUIREMENT_ID_PATTERN = /\b[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)+-\d+\b/g;

/** The requirement IDs named in a text (a test title, a document), in order of first appearance. */
export function findRequirementIds(text: string, pattern: RegExp = REQUIREMENT_ID_PATTERN): string[] {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  return [...new Set([...text.matchAll(new RegExp(pattern.source, flags))].map((m) => m[0]))];
}

function currentEvidence(): TestEvidence {
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error("b2mml/testing: call this inside a running vitest test");
  const meta = test.meta as Record<string, unknown>;
  const existing = meta[EVIDENCE_META_KEY] as TestEvidence | undefined;
  if (existing) return existing;
  const created: TestEvidence = { requirements: [], artifacts: [], documentationCheck: false };
  meta[EVIDENCE_META_KEY] = created;
  return created;
}

/**
 * Tags the running test with requirement IDs (in addition to the IDs its title names).
 *
 * ```ts
 * test("order number becomes the request ID", () => {
 *   requirement("ACME-IF-012");
 *   // …
 * });
 * ```
 */
export function requirement(...ids: readonly string[]): void {
  const evidence = currentEvidence();
  for (const id of ids) if (!evidence.requirements.includes(id)) evidence.requirements.push(id);
}

/**
 * Marks the running test as a documentation check: it verifies that a document states the requirements
 * its title names (or {@link requirement} tags), not that the software meets them. The evidence report
 * lists it beside those requirements but never counts it as their test; a requirement with only
 * documentation checks stays `untested`.
 *
 * ```ts
 * it.each(RULES.map((r) => r.id))("docs/rules.md documents %s", (id) => {
 *   markDocumentationCheck();
 *   expect(doc).toContain(`## ${id}`);
 * });
 * ```
 */
export function markDocumentationCheck(): void {
  currentEvidence().documentationCheck = true;
}

/** Records the digest of an artifact of the running test. */
export function recordArtifact(artifact: EvidenceArtifact): void {
  currentEvidence().artifacts.push(artifact);
}

/** The evidence recorded in a test's meta, when there is any. */
export function evidenceOf(meta: unknown): TestEvidence | undefined {
  if (typeof meta !== "object" || meta === null) return undefined;
  const value = (meta as Record<string, unknown>)[EVIDENCE_META_KEY];
  if (typeof value !== "object" || value === null) return undefined;
  const { requirements, artifacts, documentationCheck } = value as Partial<TestEvidence>;
  return {
    requirements: [...(requirements ?? [])],
    artifacts: [...(artifacts ?? [])],
    documentationCheck: documentationCheck === true,
  };
}

/** One test as the report sees it. */
export interface EvidenceTest {
  /** The full name (suites and title). */
  readonly name: string;
  /** The test file, relative to the root. */
  readonly file: string;
  readonly state: "passed" | "failed" | "skipped" | "pending";
  readonly durationMs?: number;
  /** The requirement IDs: named in the title and tagged with `requirement()`. */
  readonly requirements: readonly string[];
  /** Marked with `markDocumentationCheck()`: it checks documents, it does not exercise its requirements. */
  readonly documentationCheck?: true;
  readonly artifacts: readonly EvidenceArtifact[];
  /** The first lines of the failure message, for a failed test. */
  readonly error?: string;
}
