/**
 * Trimming as the IDoc reader does it: leading and trailing blanks, tabs, CRs and LFs only (not the other
 * characters `String.prototype.trim` removes, such as NBSP).
 *
 * @module
 */

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * `value` without leading and trailing `[ \t\r\n]`; `undefined` gives `""`. Linear in the length (a
 * regular expression anchored at the end is quadratic on long runs of blanks inside a value).
 */
export function sapTrim(value: string | undefined): string {
  const text = value ?? "";
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
