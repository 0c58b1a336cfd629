/**
 * The one result shape of every mapping: what it made with its warnings, or every error (nothing made);
 * in both cases the source values not carried (`unmapped`). Each mapping names only what it makes.
 *
 * @module
 */
import type { MapIssue } from "../issues.js";
import type { UnmappedField } from "./unmapped.js";

/** Mapped: `Made` (a document, IDocs, outputs) with the warnings and the values not carried. */
export type MapSuccess<Made> = {
  readonly ok: true;
  readonly warnings: readonly MapIssue[];
  /** The source values not carried into the output, and why. */
  readonly unmapped: readonly UnmappedField[];
} & Made;

/** Rejected: every error, the warnings, the values not carried; nothing made. */
export interface MapRejection {
  readonly ok: false;
  readonly errors: readonly MapIssue[];
  readonly warnings: readonly MapIssue[];
  readonly unmapped: readonly UnmappedField[];
}

export type MappingResult<Made> = MapSuccess<Made> | MapRejection;
