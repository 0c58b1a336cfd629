/**
 * The result of validating one file, as the CLI's renderers see it.
 *
 * @module
 */
import type { ValidationIssue } from "../../validation/issues.js";

export interface FileReport {
  readonly file: string;
  /** The release the document was validated against, when known. */
  readonly release?: string;
  /** `valid`: no error; `invalid`: XSD or rule errors; `unusable`: unreadable, not well-formed or refused. */
  readonly outcome: "valid" | "invalid" | "unusable";
  readonly issues: readonly ValidationIssue[];
}
