/**
 * One file's validation for `b2mml validate`, as cloneable data (it crosses threads with `--jobs`): the
 * file is read under the input limit, validated, and every outcome is data; only a bug throws.
 *
 * @module
 */

import { DEFAULT_READER_LIMITS } from "../binding/xml-model.js";
import type { ValidationIssue } from "../validation/issues.js";
import type { B2mmlRelease } from "../validation/release.js";
import type { RuleSelection } from "../validation/rules/rule-selection.js";
import { SchemaSetError } from "../validation/schema-set-error.js";
import { validateDocument } from "../validation/validate-document.js";
import { type InputErrorCode, readInputFile, STDIN_PATH } from "./read-input.js";

/** The options of `b2mml validate` that reach the validation of one file. */
export interface ValidateFileOptions {
  /** `--rules`: `true` for every rule, a selection for `--rules=<list>`. */
  readonly rules: boolean | RuleSelection;
  readonly release?: B2mmlRelease;
  /** The `--schemas` folder. */
  readonly schemas?: string;
  /** The input limit (bytes) for the read and the hardened reader; the reader's default when absent. */
  readonly maxInputBytes?: number;
}

/** What the report and the audit record need of a validated document: plain data, it crosses threads. */
export interface ValidatedResult {
  readonly release: B2mmlRelease | undefined;
  readonly outcome: "valid" | "invalid" | "unusable";
  readonly issues: readonly ValidationIssue[];
  /** The set's folder and files (the audit record digests them). */
  readonly schemaSet:
    | { readonly dir: string; readonly files: readonly { readonly file: string; readonly sha256: string }[] }
    | undefined;
}

/**
 * One file's outcome. `bytes` is the input as validated (for `--audit`); a worker sends it only on request.
 * - `unreadable`: the input was refused (missing, not a file, over the limit);
 * - `schema-unavailable`: the file's release has no built-in schema set (`--schemas` needed);
 * - `schema-error`: the schema set cannot be loaded (the CLI stops with exit 4);
 * - `worker-exited`: the worker thread validating the file stopped without answering (a crash, out of
 *   memory).
 */
export type FileOutcome =
  | {
      readonly kind: "validated";
      readonly file: string;
      readonly result: ValidatedResult;
      readonly bytes?: Uint8Array;
    }
  | {
      readonly kind: "unreadable";
      readonly file: string;
      readonly code: InputErrorCode;
      readonly message: string;
      /** What was found: the system error code (`ENOENT`…) of an unreadable file, the size of a large one. */
      readonly received?: string;
    }
  | { readonly kind: "schema-unavailable"; readonly file: string; readonly message: string }
  | { readonly kind: "schema-error"; readonly file: string; readonly message: string }
  | { readonly kind: "worker-exited"; readonly file: string; readonly message: string };

/**
 * Reads and validates one file (`-`: the `stdin` bytes, read beforehand). A {@link SchemaSetError} is an
 * outcome; any other exception is a bug and is thrown.
 */
export function validateFile(file: string, options: ValidateFileOptions, stdin?: Uint8Array): FileOutcome {
  let bytes: Uint8Array;
  if (file === STDIN_PATH && stdin !== undefined) bytes = stdin;
  else {
    const read = readInputFile(file, options.maxInputBytes ?? DEFAULT_READER_LIMITS.maxInputBytes);
    if (!read.ok)
      return {
        kind: "unreadable",
        file,
        code: read.code,
        message: read.message,
        ...(read.received !== undefined ? { received: read.received } : {}),
      };
    bytes = read.bytes;
  }
  const { release, schemas, maxInputBytes } = options;
  try {
    const result = validateDocument(bytes, {
      file,
      rules: options.rules,
      ...(maxInputBytes !== undefined ? { reader: { maxInputBytes } } : {}),
      ...(release ? { release } : {}),
      ...(schemas !== undefined ? { schemas: { dir: schemas, ...(release ? { release } : {}) } } : {}),
    });
    return { kind: "validated", file, result, bytes };
  } catch (error) {
    if (!(error instanceof SchemaSetError)) throw error;
    if (error.code === "SCHEMA_SET_UNAVAILABLE")
      return { kind: "schema-unavailable", file, message: error.message };
    return { kind: "schema-error", file, message: error.message };
  }
}
