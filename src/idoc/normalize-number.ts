/**
 * Normalization of SAP numbers (QUAN, DEC, CURR, FLTP) to exact decimal strings, never through `number`.
 *
 * Accepted (after trimming white space): digits with an optional `.` fraction, the sign after the number
 * as SAP writes it (`12.345-`) or before it (`-12.345`, `+12.345`), and E-notation (`1.000000000000000E+01`,
 * SAP's FLTP form, accepted for every numeric type). Refused: thousands separators, a comma as decimal
 * separator, two signs, anything else.
 *
 * Normal form: an `xs:decimal` lexical value, `-?(0|[1-9][0-9]*)(\.[0-9]+)?`:
 * - a plain number keeps its scale (`1.000` stays `1.000`: the fraction digits are the sender's
 *   precision); leading zeros go (`0012.50` → `12.50`), a bare point is completed (`.5` → `0.5`,
 *   `5.` → `5`), zero has no sign (`0.000-` → `0.000`);
 * - E-notation is converted exactly with decimal.js and written without exponent and without trailing
 *   fraction zeros, which are only the 16-digit format's padding (`1.000000000000000E+01` → `10`,
 *   `1.234500000000000E-03` → `0.0012345`, `0.000000000000000E+00` → `0`). Exponents beyond ±400 (far
 *   outside a double's range) are refused rather than expanded.
 *
 * @module
 */

import { Decimal } from "decimal.js";
import type { NormalizedValue } from "./normalize-date-time.js";
import { sapTrim } from "./sap-trim.js";

const PLAIN = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(-?)$/;
const SCIENTIFIC = /^([+-]?)([0-9]*(?:\.[0-9]*)?)[eE]([+-]?[0-9]+)$/;
const MAX_EXPONENT = 400;

/** Normalizes a numeric field value (see the module documentation); `""` stays `""`. */
export function normalizeNumber(value: string): NormalizedValue {
  const text = sapTrim(value);
  if (text === "") return { ok: true, value: "" };
  const plain = PLAIN.exec(text);
  if (plain) {
    const [, lead = "", int = "", frac, trail = ""] = plain;
    if (lead !== "" && trail !== "") return invalid(text, "a sign both before and after the number");
    if (int === "" && (frac === undefined || frac === "")) return invalid(text, "no digits");
    const negative = lead === "-" || trail === "-";
    const integer = int.replace(/^0+(?=[0-9])/, "") || "0";
    const digits = frac === undefined || frac === "" ? integer : `${integer}.${frac}`;
    const zero = /^[0.]*$/.test(digits);
    return { ok: true, value: negative && !zero ? `-${digits}` : digits };
  }
  const sci = SCIENTIFIC.exec(text);
  if (sci) {
    const [, sign = "", mantissa = "", exponent = "0"] = sci;
    if (!/[0-9]/.test(mantissa)) return invalid(text, "no digits before the exponent");
    if (Math.abs(Number.parseInt(exponent, 10)) > MAX_EXPONENT)
      return invalid(text, `an exponent beyond ±${MAX_EXPONENT}`);
    const decimal = new Decimal(`${sign}${mantissa}e${exponent}`);
    return { ok: true, value: decimal.isZero() ? "0" : decimal.toFixed() };
  }
  return invalid(text, "not a number (digits, '.', a sign before or after, or E-notation)");
}

function invalid(text: string, reason: string): NormalizedValue {
  return { ok: false, reason: `${JSON.stringify(text)}: ${reason}` };
}
