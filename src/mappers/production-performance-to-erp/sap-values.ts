/**
 * SAP's external forms for the values the postings write (reference §3): QUAN 13,3 quantities with
 * exactly three decimals and a trailing minus, DATS `YYYYMMDD` and TIMS `HHMMSS` in the plant's zone.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import { explainXsdDateTime, parseXsdDateTime, toXsdInstant } from "../../binding/lexical/index.js";
import { offsetSecondsAt } from "../time/time-zone.js";
import type { RoundingRule } from "./posting-config.js";

/** An `xs:decimal` as B2MML writes a QuantityString. */
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

export type SapQuantityResult =
  | { readonly ok: true; readonly value: string; readonly rounded?: string }
  | {
      readonly ok: false;
      readonly reason: "not-a-number" | "precision" | "too-large" | "negative";
      readonly message: string;
    };

const ROUNDING: Readonly<Record<RoundingRule, Decimal.Rounding>> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

/**
 * A decimal string as a SAP QUAN(length, decimals) field: exactly `decimals` fraction digits (zeros
 * appended, never a value change), a trailing minus for negatives, at most `length - decimals` integer
 * digits. More fraction digits than the field holds are an error unless `rounding` is given; the result
 * then says what was rounded. Exact (decimal.js), never through `number`.
 */
export function toSapQuantity(
  lexical: string,
  field: { readonly length: number; readonly decimals: number },
  options: { readonly rounding?: RoundingRule | undefined; readonly allowNegative?: boolean } = {},
): SapQuantityResult {
  const text = lexical.trim();
  if (!DECIMAL.test(text)) return { ok: false, reason: "not-a-number", message: "not a decimal number" };
  let value = new Decimal(text);
  if (value.isNegative() && !value.isZero() && !options.allowNegative)
    return { ok: false, reason: "negative", message: "a negative quantity" };
  let rounded: string | undefined;
  if (value.decimalPlaces() > field.decimals) {
    if (options.rounding === undefined)
      return {
        ok: false,
        reason: "precision",
        message: `${value.decimalPlaces()} decimals, the SAP field holds ${field.decimals}`,
      };
    const next = value.toDecimalPlaces(field.decimals, ROUNDING[options.rounding]);
    rounded = text;
    value = next;
  }
  const digits = value.abs().toFixed(field.decimals);
  const integerDigits = (digits.split(".")[0] ?? "").replace(/^0+(?=\d)/, "").length;
  if (integerDigits > field.length - field.decimals)
    return {
      ok: false,
      reason: "too-large",
      message: `${integerDigits} integer digits, the SAP field holds ${field.length - field.decimals}`,
    };
  const negative = value.isNegative() && !value.isZero();
  const out = negative ? `${digits}-` : digits;
  return rounded === undefined ? { ok: true, value: out } : { ok: true, value: out, rounded };
}

/** QUAN 13,3: YIELD, SCRAP, REWORK, CONF_ACTIVITYn, ENTRY_QNT. */
export const QUAN_13_3 = { length: 13, decimals: 3 } as const;

export type SapDateTimeResult =
  | {
      readonly ok: true;
      /** `YYYYMMDD` in the zone. */
      readonly date: string;
      /** `HHMMSS` in the zone. */
      readonly time: string;
      /** The fraction of a second that TIMS cannot hold (`""` when none). */
      readonly droppedFraction: string;
    }
  | { readonly ok: false; readonly message: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * An `xs:dateTime` with offset → the local date and time in an IANA zone, as SAP DATS/TIMS. The
 * instant is kept; fractions of a second are cut off (TIMS has whole seconds) and returned so the caller
 * can report them. A value without an offset is refused: its instant is unknown.
 */
export function toSapDateTime(lexical: string, zone: string): SapDateTimeResult {
  const reason = explainXsdDateTime(lexical);
  if (reason !== undefined) return { ok: false, message: reason };
  const parsed = parseXsdDateTime(lexical);
  if (parsed.offsetMinutes === undefined)
    return { ok: false, message: "a dateTime without an offset: its instant is unknown" };
  const seconds = toXsdInstant(parsed).seconds;
  const epochMs = Number(seconds) * 1000;
  if (!Number.isSafeInteger(epochMs) || Math.abs(epochMs) > 8.64e15)
    return { ok: false, message: "out of the supported range" };
  const local = new Date(epochMs + offsetSecondsAt(epochMs, zone) * 1000);
  const year = local.getUTCFullYear();
  if (year < 1 || year > 9999) return { ok: false, message: "the year is outside 0001–9999 (DATS)" };
  return {
    ok: true,
    date: `${pad(year, 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`,
    droppedFraction: parsed.fraction.replace(/0+$/, ""),
  };
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 (upper case, no padding) of bytes. */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}
