/**
 * Normalization of SAP dates (DATS) and times (TIMS).
 *
 * | in | out |
 * | --- | --- |
 * | `20260329` (YYYYMMDD) | `2026-03-29` |
 * | `2026-03-29` (RFC-XML / ISO form) | `2026-03-29` |
 * | `00000000`, `0000-00-00`, empty | `""` (initial: no date) |
 * | `143000` (HHMMSS) | `14:30:00` |
 * | `14:30:00` | `14:30:00` |
 * | `240000` | `24:00:00` (end of the day, as SAP means it; ISO 8601 and `xs:time` allow it) |
 * | `000000`, empty | `""` (initial; SAP cannot tell it from midnight: with a date, read it as 00:00:00) |
 *
 * A date that is not a calendar date (`20260230`), a time out of range (`246000`, `240001`) or any other
 * form is refused, never repaired. White space around the value is trimmed first.
 *
 * @module
 */

import { daysInMonth } from "../binding/lexical/calendar.js";
import { sapTrim } from "./sap-trim.js";

/** The outcome of normalizing one value: the normal form, or why the value cannot be read. */
export type NormalizedValue =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: string };

/** Normalizes a DATS value to `YYYY-MM-DD` (see the module documentation). */
export function normalizeDate(value: string): NormalizedValue {
  const text = sapTrim(value);
  if (text === "" || text === "00000000" || text === "0000-00-00") return { ok: true, value: "" };
  const match = /^([0-9]{4})-?([0-9]{2})-?([0-9]{2})$/.exec(text);
  const dashes = text.length === 10;
  if (!match || (text.includes("-") && !dashes))
    return { ok: false, reason: `${JSON.stringify(text)}: not a date YYYYMMDD` };
  const [, y = "", m = "", d = ""] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `${JSON.stringify(text)}: no such calendar date` };
  return { ok: true, value: `${y}-${m}-${d}` };
}

/** Normalizes a TIMS value to `HH:MM:SS`, `24:00:00` for the end of the day (see the module documentation). */
export function normalizeTime(value: string): NormalizedValue {
  const text = sapTrim(value);
  if (text === "" || text === "000000") return { ok: true, value: "" };
  const match = /^([0-9]{2}):?([0-9]{2}):?([0-9]{2})$/.exec(text);
  if (!match || (text.includes(":") && text.length !== 8))
    return { ok: false, reason: `${JSON.stringify(text)}: not a time HHMMSS` };
  const [, h = "", m = "", s = ""] = match;
  const endOfDay = h === "24" && m === "00" && s === "00";
  if (!endOfDay && (Number(h) > 23 || Number(m) > 59 || Number(s) > 59))
    return { ok: false, reason: `${JSON.stringify(text)}: no such time of day` };
  return { ok: true, value: `${h}:${m}:${s}` };
}
