/**
 * Problems found in a schema, as data: a code, where (file, line, column), the offending QName and what
 * was expected. The CLI renders them; nothing in the generator prints.
 *
 * @module
 */

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

/** One problem in a schema set. */
export interface CodegenDiagnostic {
  readonly code: CodegenErrorCode;
  readonly message: string;
  readonly location?: SourceLocation;
  /** The QName at fault, in prefixed form as written or as `{namespace}local`. */
  readonly qname?: string;
  readonly expected?: string;
}

/** Thrown when a schema set cannot be generated; carries every problem found, not only the first. */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  constructor(readonly diagnostics: readonly CodegenDiagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }
}

/** `file:line:column: CODE message (QName)` — one line per diagnostic. */
export function formatDiagnostic(d: CodegenDiagnostic): string {
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
  report(diagnostic: CodegenDiagnostic): void {
    const key = formatDiagnostic(diagnostic);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(diagnostic);
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new CodegenError(this.items);
  }
}
