/**
 * Calendar arithmetic shared by the lexical checks, the IDoc reader and the mappers (internal: not
 * re-exported from the binding's public API).
 *
 * @module
 */

/** Whether a (proleptic Gregorian, XSD-numbered) year is a leap year. */
export function isLeapYear(year: bigint): boolean {
  const y = year < 0n ? year + 1n : year; // -0001 is astronomical year 0
  return y % 4n === 0n && (y % 100n !== 0n || y % 400n === 0n);
}

/**
 * The number of days of `month` (1…12) in `year` (proleptic Gregorian). An XSD-numbered year as a
 * bigint (-0001 is astronomical year 0); for the years 1…9999 of SAP dates and `YYYY-MM-DD` values
 * XSD and astronomical numbering agree, and year 0 counts as a leap year either way.
 */
export function daysInMonth(year: bigint | number, month: number): number {
  if (month === 2) return isLeapYear(BigInt(year)) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
