/**
 * Exact `xsd:dateTime`, `xsd:date` and `xsd:time` lexical values (XML Schema 1.0 Part 2, 3.2.7–3.2.9).
 *
 * B2MML keeps date-times as strings so that offsets and fractional seconds survive a round trip. These
 * helpers parse such a string into its fields and into an exact instant — whole epoch seconds as a
 * `bigint` and the fraction as decimal digits — so that comparison never goes through `Date` or `number`
 * and never rounds (`2026-03-29T01:30:00.1234567+01:00` keeps all seven fraction digits).
 *
 * Rules followed (XML Schema 1.0, second edition, as libxml2 implements it):
 * - year: at least four digits, a leading zero only when exactly four, optional `-`; year `0000` is not
 *   allowed; `-0001` is 1 BCE (astronomical year 0, a leap year);
 * - month `01`–`12`, day within the month (29 February only in leap years);
 * - hour `00`–`23`, or `24:00:00` (fraction zero only), the first instant of the next day;
 * - minute `00`–`59`, second `00`–`59` with an optional fraction of one or more digits;
 * - offset: absent, `Z`, or `±hh:mm` with `hh` `00`–`14`, `mm` `00`–`59`, at most `14:00`.
 *
 * @module
 */
import { daysInMonth } from "./calendar.js";

/** An `xsd:dateTime` split into its fields, exactly as written (no normalization). */
export interface XsdDateTime {
  /** The lexical value parsed. */
  readonly lexical: string;
  /** The year as written (`-0001` is -1; there is no year 0). */
  readonly year: bigint;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0–24 (24 only as `24:00:00`). */
  readonly hour: number;
  readonly minute: number;
  /** Whole seconds, 0–59. */
  readonly second: number;
  /** The fraction digits as written after the `.` (`"250"` for `.250`; `""` when there is none). */
  readonly fraction: string;
  /** Offset from UTC in minutes (`+01:00` → 60, `Z` → 0); `undefined` when the value has no offset. */
  readonly offsetMinutes: number | undefined;
}

/**
 * A point on the time line: whole seconds since 1970-01-01T00:00:00Z and the fraction of the next
 * second as decimal digits without trailing zeros (`"25"` for `.250`, `""` for none).
 *
 * For a value without an offset, `seconds` counts as if the value were in UTC (its "local" time line).
 */
export interface XsdInstant {
  readonly seconds: bigint;
  readonly fraction: string;
}

/** A lexical value that is not in the lexical space of its type, with the reason. */
export class XsdLexicalError extends Error {
  override readonly name = "XsdLexicalError";
  constructor(
    /** The XSD type name (`dateTime`, `decimal`, …). */
    readonly type: string,
    /** The value that was rejected, as given. */
    readonly lexical: string,
    /** Why, e.g. `day 30 does not exist in 2026-02`. */
    readonly reason: string,
  ) {
    super(`"${lexical}" is not a valid xsd:${type}: ${reason}`);
  }
}

const YEAR = "(-?(?:[1-9][0-9]{4,}|[0-9]{4}))";
const DATE = `${YEAR}-([0-9]{2})-([0-9]{2})`;
const TIME = "([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?";
const ZONE = "(Z|[+-][0-9]{2}:[0-9]{2})?";
const DATE_TIME_RE = new RegExp(`^${DATE}T${TIME}${ZONE}$`);
const DATE_RE = new RegExp(`^${DATE}${ZONE}$`);
const TIME_RE = new RegExp(`^${TIME}${ZONE}$`);

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function checkYear(text: string): Outcome<bigint> {
  const year = BigInt(text);
  if (year === 0n) return { ok: false, reason: "year 0000 is not allowed" };
  return { ok: true, value: year };
}

function checkDate(yearText: string, monthText: string, dayText: string): Outcome<[bigint, number, number]> {
  const year = checkYear(yearText);
  if (!year.ok) return year;
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${monthText} is not in 01–12` };
  const last = daysInMonth(year.value, month);
  if (day < 1 || day > last)
    return { ok: false, reason: `day ${dayText} does not exist in ${yearText}-${monthText} (01–${last})` };
  return { ok: true, value: [year.value, month, day] };
}

function checkTime(
  hourText: string,
  minuteText: string,
  secondText: string,
  fraction: string,
): Outcome<[number, number, number]> {
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  if (hour > 24) return { ok: false, reason: `hour ${hourText} is not in 00–24` };
  if (minute > 59) return { ok: false, reason: `minute ${minuteText} is not in 00–59` };
  if (second > 59) return { ok: false, reason: `second ${secondText} is not in 00–59` };
  if (hour === 24 && (minute !== 0 || second !== 0 || /[1-9]/.test(fraction)))
    return { ok: false, reason: "hour 24 is only allowed as 24:00:00" };
  return { ok: true, value: [hour, minute, second] };
}

function checkZone(zone: string | undefined): Outcome<number | undefined> {
  if (zone === undefined) return { ok: true, value: undefined };
  if (zone === "Z") return { ok: true, value: 0 };
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (minutes > 59) return { ok: false, reason: `offset ${zone}: minutes not in 00–59` };
  if (hours * 60 + minutes > 14 * 60) return { ok: false, reason: `offset ${zone} is beyond ±14:00` };
  return { ok: true, value: (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes) };
}

function parseDateTimeOutcome(lexical: string): Outcome<XsdDateTime> {
  const m = DATE_TIME_RE.exec(lexical);
  if (!m) return { ok: false, reason: "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?" };
  const [, y = "", mo = "", d = "", h = "", mi = "", s = "", fraction = "", zone] = m;
  const date = checkDate(y, mo, d);
  if (!date.ok) return date;
  const time = checkTime(h, mi, s, fraction);
  if (!time.ok) return time;
  const offset = checkZone(zone);
  if (!offset.ok) return offset;
  const [year, month, day] = date.value;
  const [hour, minute, second] = time.value;
  return {
    ok: true,
    value: { lexical, year, month, day, hour, minute, second, fraction, offsetMinutes: offset.value },
  };
}

/**
 * Parses an `xsd:dateTime` lexical value (no surrounding whitespace) into its fields.
 *
 * @example
 * ```ts
 * parseXsdDateTime("2026-03-29T01:30:00.250+01:00").offsetMinutes; // 60
 * ```
 * @throws {@link XsdLexicalError} when the value is not a valid `xsd:dateTime`; its `reason` says why
 */
export function parseXsdDateTime(lexical: string): XsdDateTime {
  const outcome = parseDateTimeOutcome(lexical);
  if (!outcome.ok) throw new XsdLexicalError("dateTime", lexical, outcome.reason);
  return outcome.value;
}

/**
 * Why a string is not a valid `xsd:dateTime`, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * explainXsdDateTime("2025-02-29T00:00:00Z"); // "day 29 does not exist in 2025-02 (01–28)"
 * ```
 */
export function explainXsdDateTime(lexical: string): string | undefined {
  const outcome = parseDateTimeOutcome(lexical);
  return outcome.ok ? undefined : outcome.reason;
}

/** Why a string is not a valid `xsd:date`, or `undefined` when it is one. */
export function explainXsdDate(lexical: string): string | undefined {
  const m = DATE_RE.exec(lexical);
  if (!m) return "expected YYYY-MM-DD(Z|±hh:mm)?";
  const [, y = "", mo = "", d = "", zone] = m;
  const date = checkDate(y, mo, d);
  if (!date.ok) return date.reason;
  const offset = checkZone(zone);
  return offset.ok ? undefined : offset.reason;
}

/** Why a string is not a valid `xsd:time`, or `undefined` when it is one. */
export function explainXsdTime(lexical: string): string | undefined {
  const m = TIME_RE.exec(lexical);
  if (!m) return "expected hh:mm:ss(.s+)?(Z|±hh:mm)?";
  const [, h = "", mi = "", s = "", fraction = "", zone] = m;
  const time = checkTime(h, mi, s, fraction);
  if (!time.ok) return time.reason;
  const offset = checkZone(zone);
  return offset.ok ? undefined : offset.reason;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (astronomical year numbering), exactly. */
function daysFromCivil(astronomicalYear: bigint, month: number, day: number): bigint {
  const y = month <= 2 ? astronomicalYear - 1n : astronomicalYear;
  const era = (y >= 0n ? y : y - 399n) / 400n;
  const yearOfEra = y - era * 400n;
  const dayOfYear = BigInt(Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1);
  const dayOfEra = yearOfEra * 365n + yearOfEra / 4n - yearOfEra / 100n + dayOfYear;
  return era * 146097n + dayOfEra - 719468n;
}

/**
 * The exact instant of a parsed dateTime. With an offset, the instant in UTC; without one, the value's
 * own local time line (as if it were UTC) — compare such values with {@link compareXsdDateTime}, which
 * knows the difference.
 */
export function toXsdInstant(value: XsdDateTime): XsdInstant {
  const astronomical = value.year < 0n ? value.year + 1n : value.year;
  const days = daysFromCivil(astronomical, value.month, value.day);
  const seconds =
    days * 86400n +
    BigInt(value.hour * 3600 + value.minute * 60 + value.second - (value.offsetMinutes ?? 0) * 60);
  return { seconds, fraction: value.fraction.replace(/0+$/, "") };
}

function compareInstants(a: XsdInstant, b: XsdInstant): -1 | 0 | 1 {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  if (fa === fb) return 0;
  return fa < fb ? -1 : 1;
}

const FOURTEEN_HOURS = 14n * 3600n;

/**
 * Compares two dateTimes in the order of XML Schema 1.0 (3.2.7.3), exactly.
 *
 * - both with an offset, or both without: the instants are compared (`-1` earlier, `0` same instant,
 *   `1` later); `2026-03-29T02:00:00+02:00` equals `2026-03-29T00:00:00Z`;
 * - one with and one without an offset: the value without one may lie anywhere from `+14:00` to
 *   `-14:00`; the result is `undefined` (indeterminate) unless the order holds across that whole range.
 *
 * @param a a dateTime lexical value or a parsed value
 * @param b a dateTime lexical value or a parsed value
 * @throws {@link XsdLexicalError} when a string argument is not a valid `xsd:dateTime`
 */
export function compareXsdDateTime(a: string | XsdDateTime, b: string | XsdDateTime): -1 | 0 | 1 | undefined {
  const pa = typeof a === "string" ? parseXsdDateTime(a) : a;
  const pb = typeof b === "string" ? parseXsdDateTime(b) : b;
  const ia = toXsdInstant(pa);
  const ib = toXsdInstant(pb);
  const zonedA = pa.offsetMinutes !== undefined;
  const zonedB = pb.offsetMinutes !== undefined;
  if (zonedA === zonedB) return compareInstants(ia, ib);
  // one side local: earliest reading at +14:00, latest at -14:00
  const local = zonedA ? ib : ia;
  const zoned = zonedA ? ia : ib;
  const earliest = { seconds: local.seconds - FOURTEEN_HOURS, fraction: local.fraction };
  const latest = { seconds: local.seconds + FOURTEEN_HOURS, fraction: local.fraction };
  let order: -1 | 1 | undefined;
  if (compareInstants(zoned, earliest) < 0) order = -1;
  else if (compareInstants(zoned, latest) > 0) order = 1;
  if (order === undefined) return undefined;
  return zonedA ? order : order === -1 ? 1 : -1;
}
