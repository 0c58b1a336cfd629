/**
 * What a mapping to a B2MML document returns: the validated document with its warnings, or every error
 * (no document); in both cases the source fields not carried (`unmapped`).
 *
 * @module
 */
import type { MapIssue } from "../issues.js";
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
