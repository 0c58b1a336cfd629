/**
 * Assertions on documents: valid for a release (XSD and business rules), or carrying exactly the
 * expected issues. Each records the document's digest (C14N 1.0 when it is well-formed) as evidence.
 *
 * @module
 */
import { C14N_10 } from "../audit/c14n-method.js";
import { canonicalizeXml } from "../audit/canonicalize-xml.js";
import { type DigestRecord, digest, digestBytes } from "../audit/digest.js";
import { renderIssuePath } from "../shared/issue.js";
import type { ValidationIssue } from "../validation/issues.js";
import type { B2mmlRelease } from "../validation/release.js";
import type { SchemaSet, SchemaSetSource } from "../validation/schema-set-loader.js";
import { type DocumentValidationResult, validateDocument } from "../validation/validate-document.js";
import { recordArtifact } from "./evidence.js";

export interface ExpectDocumentOptions {
  /** The release the document must be valid for. @default detected from the root namespace */
  readonly release?: B2mmlRelease;
  /** The schema set. @default the release's set (the built-in profile for V0600) */
  readonly schemas?: SchemaSet | SchemaSetSource;
  /** Business rules: `true` for all, or rule IDs. @default true */
  readonly rules?: boolean | readonly string[];
  /** A name for the document in messages and evidence. @default "document" */
  readonly name?: string;
}

/** An expected issue: its code, and optionally its path and severity. */
export interface ExpectedIssue {
  readonly code: string;
  readonly path?: string;
  readonly severity?: "error" | "warning";
}

/** Thrown by the assertions of this module when a document does not meet them. */
export class DocumentAssertionError extends Error {
  override readonly name = "DocumentAssertionError";
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[]) {
    super(message);
    this.issues = issues;
  }
}

const formatIssue = (i: ValidationIssue) =>
  `  ${i.line}:${i.column} ${i.severity} ${i.code} ${renderIssuePath(i)}: ${i.message}`;

function validate(xml: string | Uint8Array, options: ExpectDocumentOptions): DocumentValidationResult {
  const result = validateDocument(xml, {
    rules: options.rules ?? true,
    ...(options.release ? { release: options.release } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.name ? { file: options.name } : {}),
  });
  let record: DigestRecord;
  try {
    record = digestBytes(canonicalizeXml(xml), "sha256", C14N_10);
  } catch {
    record = digest(xml); // not well-formed or refused: the octets as given
  }
  recordArtifact({ role: "input", name: options.name ?? "document", digest: record });
  return result;
}

/**
 * Asserts a document is valid: XSD (libxml2, against the release's schema set) and business rules.
 * Warnings do not fail it.
 *
 * @throws {@link DocumentAssertionError} listing the issues when it is not
 */
export function expectValidDocument(
  xml: string | Uint8Array,
  options: ExpectDocumentOptions = {},
): DocumentValidationResult {
  const result = validate(xml, options);
  if (result.outcome !== "valid")
    throw new DocumentAssertionError(
      `${options.name ?? "the document"} is ${result.outcome}${result.release ? ` (${result.release})` : ""}:\n${result.issues.map(formatIssue).join("\n")}`,
      result.issues,
    );
  return result;
}

const matches = (issue: ValidationIssue, want: ExpectedIssue) =>
  issue.code === want.code &&
  (want.path === undefined || renderIssuePath(issue) === want.path) &&
  (want.severity === undefined || issue.severity === want.severity);

/**
 * Asserts a document has exactly the expected issues (in any order): each expected issue matches one
 * issue found, and no issue is left over. An expected issue given as a string is a code.
 *
 * @throws {@link DocumentAssertionError} naming the missing and the unexpected issues
 */
export function expectIssues(
  xml: string | Uint8Array,
  expected: readonly (string | ExpectedIssue)[],
  options: ExpectDocumentOptions = {},
): DocumentValidationResult {
  const result = validate(xml, options);
  const left = [...result.issues];
  const missing: ExpectedIssue[] = [];
  for (const item of expected) {
    const want = typeof item === "string" ? { code: item } : item;
    const at = left.findIndex((issue) => matches(issue, want));
    if (at < 0) missing.push(want);
    else left.splice(at, 1);
  }
  if (missing.length > 0 || left.length > 0) {
    const lines = [
      ...missing.map((m) => `  missing:    ${m.severity ?? ""} ${m.code} ${m.path ?? ""}`.replace(/ +$/, "")),
      ...left.map((i) => `  unexpected:${formatIssue(i).slice(1)}`),
    ];
    throw new DocumentAssertionError(
      `${options.name ?? "the document"}: the issues differ from the expected ones:\n${lines.join("\n")}`,
      result.issues,
    );
  }
  return result;
}
