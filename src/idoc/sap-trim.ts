/**
 * Trimming as the IDoc reader does it: leading and trailing blanks, tabs, CRs and LFs only (not the other
 * characters `String.prototype.trim` removes, such as NBSP).
 *
 * @module
 */

/** `value` without leading and trailing `[ \t\r\n]`; `undefined` gives `""`. */
export function sapTrim(value: string | undefined): string {
  return (value ?? "").replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}
