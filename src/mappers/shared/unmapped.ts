/**
 * The account every mapper gives of the source fields it did not carry into its output: one entry per
 * field (or per segment / element that was left out whole), with where it was and why. Shared by the
 * mappers from IDocs (LOIPRO → ProductionSchedule, IDoc → ProductionPerformance) and the mapper from
 * ProductionPerformance to ERP postings; the CLI prints it under `--report-unmapped` and `--strict`
 * makes every entry an `UNMAPPED_FIELD` error (see {@link unmappedAsIssues}).
 *
 * Shape of a mapper's result: `unmapped: readonly UnmappedField[]` beside `warnings`, on success and on
 * rejection alike, in source order (document order of the input).
 *
 * @module
 */

import { parseIssuePath } from "../../shared/issue.js";
import type { MapIssue } from "../issues.js";

/**
 * Why a source field was not carried. The mappers from IDocs use the codes below; other mappers may add
 * their own (kebab-case, documented in their mapping doc).
 *
 * - `no-b2mml-home`: the field is a known field of its segment but the mapping has no place for it.
 * - `segment-not-mapped`: the field's segment type is not mapped at all (e.g. E1AFABL, a Z-segment).
 * - `segment-skipped`: the segment is mapped in general but this occurrence was left out by a
 *   documented rule (e.g. a deleted component); the reason's rule is in `message`.
 * - `unknown-field`: the reader's schema does not declare the field (it warned `IDOC_UNKNOWN_FIELD`).
 * - `unknown-segment`: the reader's schema does not know the segment (it warned `IDOC_UNKNOWN_SEGMENT`).
 */
export type UnmappedReason =
  | "no-b2mml-home"
  | "segment-not-mapped"
  | "segment-skipped"
  | "unknown-field"
  | "unknown-segment"
  | (string & {});

/** One source field (or whole segment / element) that is not in the output. */
export interface UnmappedField {
  /**
   * Where in the source: the IDoc path of the field (`IDOC[1]/E1AFKOL/LODIV`), of the segment when it
   * was left out whole and has no fields, or an XPath for B2MML input.
   */
  readonly path: string;
  /** Why it was not carried: a stable code ({@link UnmappedReason}). */
  readonly reason: UnmappedReason;
  /** The same for people, e.g. `deleted component (LOIPRO-MAP-031)`. */
  readonly message: string;
}

/** The issue code `--strict` turns every unmapped field into. */
export const UNMAPPED_FIELD = "UNMAPPED_FIELD";

/** Every entry as an `UNMAPPED_FIELD` issue at its path (for `--strict`). */
export function unmappedAsIssues(unmapped: readonly UnmappedField[]): MapIssue[] {
  return unmapped.map((u) => ({
    code: UNMAPPED_FIELD,
    severity: "error",
    origin: "mapping",
    path: parseIssuePath(u.path),
    message: `not carried into the output: ${u.message}`,
    expected: "every source field carried, or not sent",
    received: u.reason,
  }));
}

/** `path: unmapped reason message`, as the CLI prints it under `--report-unmapped`. */
export function formatUnmapped(u: UnmappedField): string {
  return `${u.path}: unmapped ${u.reason} ${u.message}`;
}
