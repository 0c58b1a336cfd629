/**
 * What a mapping to a B2MML document returns: the validated document with its warnings, or every error
 * (no document); in both cases the source fields not carried (`unmapped`).
 *
 * @module
 */
import type { MapIssue } from "../issues.js";
import type { MappingOutcome } from "./run-mapping.js";
import type { UnmappedField } from "./unmapped.js";

/** A mapping's outcome; `Value` is the typed root of the document it builds (Process or Sync). */
export type DocumentMapResult<Value> =
  | {
      readonly ok: true;
      /** The document, validated against the V0600 profile. */
      readonly xml: string;
      readonly value: Value;
      readonly warnings: readonly MapIssue[];
      /** The source fields not carried into the document, and why. */
      readonly unmapped: readonly UnmappedField[];
      readonly bodId: string;
    }
  | {
      readonly ok: false;
      readonly errors: readonly MapIssue[];
      readonly warnings: readonly MapIssue[];
      readonly unmapped: readonly UnmappedField[];
    };

/** A document mapping's result as the runner's outcome: the one document, its BODID as the key. */
export function documentOutcome<Value>(
  result: DocumentMapResult<Value>,
  summary: (value: Value) => string,
): MappingOutcome {
  if (!result.ok) return result;
  const { xml, warnings, unmapped, bodId, value } = result;
  return { ok: true, outputs: [{ xml }], warnings, unmapped, idempotencyKey: bodId, summary: summary(value) };
}
