/**
 * Problems found in a schema, as data: a code, where (file, line, column), the offending QName and what
 * was expected. The CLI renders them; nothing in the generator prints.
 *
 * @module
 */
import { type Issue, parseIssuePath } from "../shared/issue.js";

/** A position in a schema file (1-based). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type CodegenErrorCode =
  | "SCHEMA_FILE_NOT_FOUND"
  | "SCHEMA_NOT_WELL_FORMED"
  | "SCHEMA_ROOT_NOT_SCHEMA"
  | "SCHEMA_LOCATION_REFUSED"
  | "IMPORT_NAMESPACE_MISMATCH"
  | "INCLUDE_NAMESPACE_MISMATCH"
  | "UNSUPPORTED_CONSTRUCT"
  | "INVALID_SCHEMA"
  | "UNRESOLVED_REFERENCE"
  | "DUPLICATE_DEFINITION"
  | "CIRCULAR_DEFINITION"
  | "PROPERTY_NAME_COLLISION"
  | "NO_SCHEMA_FILES";

/** One problem in a schema set, as a pass reports it. */
export interface CodegenProblem {
  readonly code: CodegenErrorCode;
  readonly message: string;
  readonly location?: SourceLocation;
  /** The QName at fault, in prefixed form as written or as `{namespace}local`. */
  readonly qname?: string;
  readonly expected?: string;
}

/**
 * One problem in a schema set: an issue of origin `codegen`, always an error; its path is the schema
 * file's (`line`, `column` and `location` say where in it).
 */
export interface CodegenDiagnostic extends Issue<CodegenErrorCode, "codegen">, CodegenProblem {}

function diagnosticOf(problem: CodegenProblem): CodegenDiagnostic {
  const where = problem.location;
  return {
    ...problem,
    severity: "error",
    origin: "codegen",
    path: where ? parseIssuePath(where.file) : [],
    ...(where ? { line: where.line, column: where.column } : {}),
  };
}

/** Thrown when a schema set cannot be generated; carries every problem found, not only the first. */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  constructor(readonly diagnostics: readonly CodegenDiagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }
}

/** `file:line:column: CODE message (QName)` — one line per diagnostic. */
export function formatDiagnostic(d: CodegenProblem): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : "";
  const what = d.qname ? ` [${d.qname}]` : "";
  const expected = d.expected ? ` (expected ${d.expected})` : "";
  return `${where}${d.code} ${d.message}${what}${expected}`;
}

/** Collects diagnostics during a pass and throws them together at its end. */
export class DiagnosticSink {
  readonly items: CodegenDiagnostic[] = [];
  private readonly seen = new Set<string>();
  /** Records a problem; the same problem at the same place is recorded once. */
  report(problem: CodegenProblem): void {
    const key = formatDiagnostic(problem);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(diagnosticOf(problem));
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new CodegenError(this.items);
  }
}
