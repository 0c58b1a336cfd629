/**
 * A local SAP date and time (no zone) in a plant's or system's IANA zone → an `xs:dateTime` with the
 * offset in force on that date (daylight saving time included).
 *
 * Rules (docs/mapping-loipro.md, LOIPRO-MAP-050 … 054):
 * - `24:00:00` is the end of the day: the next day at `00:00:00`, resolved in the zone like any time.
 * - A local time in a daylight-saving **gap** (it never happens on the wall clock) is shifted forward by
 *   the length of the gap (02:30 on a spring-forward night in Europe/Berlin → 03:30+02:00): `"gap"`.
 * - A local time in an **overlap** (it happens twice) takes the earlier instant, i.e. the offset in force
 *   before the change (02:30 on a fall-back night in Europe/Berlin → 02:30+02:00): `"overlap"`.
 * - The offset is written `±hh:mm`, `Z` for zero.
 *
 * @module
 */
import { daysInMonth } from "../../binding/lexical/calendar.js";
import { offsetSecondsAt } from "./time-zone.js";

/** A calendar date `YYYY-MM-DD` (years 0001–9999). */
export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A time `HH:MM:SS`, `24:00:00` included. */
export const LOCAL_TIME = /^(\d{2}):(\d{2}):(\d{2})$/;

export type ZonedDateTimeResult =
  | {
      readonly ok: true;
      /** `2026-03-29T03:30:00+02:00`. */
      readonly value: string;
      /** The instant, milliseconds since the epoch (for comparisons). */
      readonly epochMs: number;
      /** How a time in a gap or overlap was resolved. */
      readonly adjustment?: { readonly kind: "gap" | "overlap"; readonly shiftSeconds: number };
    }
  | { readonly ok: false; readonly reason: "date" | "time" | "offset"; readonly message: string };

const DAY_MS = 86_400_000;

/** Checks a `YYYY-MM-DD` date; returns a reason when it is not a real calendar date. */
export function explainLocalDate(date: string): string | undefined {
  const m = LOCAL_DATE.exec(date);
  if (m === null) return "not a date YYYY-MM-DD";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return "year 0000 does not exist";
  if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
  if (d < 1 || d > daysInMonth(y, mo)) return `day ${m[3]} does not exist in ${m[1]}-${m[2]}`;
  return undefined;
}

/** Checks an `HH:MM:SS` time (`24:00:00` allowed); returns a reason when it is not one. */
export function explainLocalTime(time: string): string | undefined {
  const m = LOCAL_TIME.exec(time);
  if (m === null) return "not a time HH:MM:SS";
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h === 24 && mi === 0 && s === 0) return undefined;
  if (h > 23 || mi > 59 || s > 59) return "hour, minute or second out of range";
  return undefined;
}

/** Milliseconds of a wall-clock time read as if it were UTC (day overflow allowed). */
function epochOf(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/**
 * Converts a local date (`YYYY-MM-DD`) and time (`HH:MM:SS`, `24:00:00` allowed) in `zone` to an
 * `xs:dateTime` with offset.
 */
export function toZonedDateTime(date: string, time: string, zone: string): ZonedDateTimeResult {
  const dateReason = explainLocalDate(date);
  if (dateReason !== undefined) return { ok: false, reason: "date", message: dateReason };
  const timeReason = explainLocalTime(time);
  if (timeReason !== undefined) return { ok: false, reason: "time", message: timeReason };
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi, s] = time.split(":").map(Number) as [number, number, number];
  // 24:00:00 → the next day 00:00:00 (Date arithmetic carries the day over)
  const wall = epochOf(y, mo, d, h, mi, s);
  const before = offsetSecondsAt(wall - DAY_MS, zone);
  const after = offsetSecondsAt(wall + DAY_MS, zone);
  const fits = (offset: number) => offsetSecondsAt(wall - offset * 1000, zone) === offset;
  const candidates = [...new Set([before, after])].filter(fits);
  let offset: number;
  let adjustment: { kind: "gap" | "overlap"; shiftSeconds: number } | undefined;
  let local = wall;
  if (candidates.length === 0) {
    // gap: read the wall time with the offset before the change, show it with the offset after it
    offset = after;
    local = wall + (after - before) * 1000;
    adjustment = { kind: "gap", shiftSeconds: after - before };
  } else if (candidates.length === 2) {
    offset = before; // overlap: the earlier instant, the offset in force before the change
    adjustment = { kind: "overlap", shiftSeconds: 0 };
  } else {
    offset = candidates[0] as number;
  }
  if (offset % 60 !== 0)
    return {
      ok: false,
      reason: "offset",
      message: `${zone} has an offset of ${offset} s on ${date}, which xs:dateTime cannot express`,
    };
  const epochMs = local - offset * 1000;
  const value = `${formatWall(local)}${formatOffset(offset)}`;
  return adjustment === undefined ? { ok: true, value, epochMs } : { ok: true, value, epochMs, adjustment };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatWall(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(
    t.getUTCHours(),
  )}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

function formatOffset(seconds: number): string {
  if (seconds === 0) return "Z";
  const abs = Math.abs(seconds);
  return `${seconds < 0 ? "-" : "+"}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}
