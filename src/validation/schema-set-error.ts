/**
 * The error thrown when a schema set cannot be used: a file that does not compile, a reference that leaves
 * the set's directory, or a release without a built-in set. The CLI maps it to exit code 4.
 *
 * @module
 */

/**
 * - `SCHEMA_SET_UNLOADABLE`: the set exists but cannot be read or compiled (libxml2 error, a missing file,
 *   an include/import outside the directory, a network location);
 * - `SCHEMA_SET_UNAVAILABLE`: no schema set for what was asked (a release without a built-in set and no
 *   directory given).
 */
export type SchemaSetErrorCode = "SCHEMA_SET_UNLOADABLE" | "SCHEMA_SET_UNAVAILABLE";

/**
 * Why a file of the set was not read:
 * - `SCHEMA_FILE_OUTSIDE_SET`: a symbolic link (the file's, or a folder's on its way) leads out of the
 *   set's directory;
 * - `INPUT_TOO_LARGE`: larger than the limit (64 MiB), found while reading;
 * - `NOT_A_FILE`: a directory, FIFO, socket or device named `*.xsd`;
 * - `FILE_NOT_FOUND`, `FILE_UNREADABLE`: missing, or not readable (permissions, …).
 */
export type SchemaSetProblemCode =
  | "SCHEMA_FILE_OUTSIDE_SET"
  | "INPUT_TOO_LARGE"
  | "NOT_A_FILE"
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE";

/** One problem found while loading a set: where (file, 1-based line and column; 0 when unknown) and what. */
export interface SchemaSetProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Set for a file that was not read (see {@link SchemaSetProblemCode}). */
  readonly code?: SchemaSetProblemCode;
}

export class SchemaSetError extends Error {
  override readonly name = "SchemaSetError";
  readonly code: SchemaSetErrorCode;
  readonly problems: readonly SchemaSetProblem[];

  constructor(code: SchemaSetErrorCode, summary: string, problems: readonly SchemaSetProblem[] = []) {
    const listed = problems.map((p) => `\n  ${p.file}:${p.line}:${p.column}: ${p.message}`).join("");
    super(`${summary}${listed}`);
    this.code = code;
    this.problems = problems;
  }
}
