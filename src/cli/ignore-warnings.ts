/**
 * `--ignore CODE[,CODE]` and `--quiet`, shared by `b2mml validate` and the map commands: ignored codes drop
 * warnings from the report only; an error is never dropped, and the audit record keeps every issue.
 *
 * @module
 */

/** The option lines of the help texts. */
export const QUIET_IGNORE_HELP = `  --quiet             no summary: only the findings
  --ignore <codes>    leave warnings with these codes (comma-separated) out of the report; an error
                      with such a code is still reported: errors cannot be ignored`;

const CODE = /^[A-Z][A-Z0-9_-]*$/;

/** The codes of `--ignore`, or the usage message when one is not a code. */
export function parseIgnoredCodes(
  value: string | undefined,
): { ok: true; codes: ReadonlySet<string> } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, codes: new Set() };
  const codes = value.split(",");
  const bad = codes.find((c) => !CODE.test(c));
  if (bad !== undefined)
    return {
      ok: false,
      message: `--ignore "${value}": "${bad}" is not a code; expected comma-separated codes such as B2MML-TIME-001`,
    };
  return { ok: true, codes: new Set(codes) };
}

/** The issues without the warnings whose code is ignored; errors all stay. */
export function dropIgnoredWarnings<I extends { readonly code: string; readonly severity?: string }>(
  issues: readonly I[],
  ignored: ReadonlySet<string>,
): readonly I[] {
  if (ignored.size === 0) return issues;
  return issues.filter((i) => i.severity !== "warning" || !ignored.has(i.code));
}

/** A mapping's warnings without those whose code is ignored (a mapping keeps its errors apart). */
export function dropIgnoredCodes<W extends { readonly code: string }>(
  warnings: readonly W[],
  ignored: ReadonlySet<string>,
): readonly W[] {
  return warnings.filter((w) => !ignored.has(w.code));
}

/** The option lines of the map commands' help texts, in their column. */
export const MAP_QUIET_IGNORE_HELP = (indent: number): string =>
  [
    ["--quiet", "no summary of a mapped input: only the findings (a rejection still says nothing"],
    ["", "was written)"],
    ["--ignore <codes>", "leave warnings with these codes (comma-separated) out of stderr; errors cannot"],
    ["", "be ignored; the audit record keeps every warning"],
  ]
    .map(([option, text]) => `  ${(option ?? "").padEnd(indent - 2)}${text}`)
    .join("\n");
