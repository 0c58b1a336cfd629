/**
 * Quantities never go through `number`: any decimal, written as SAP may write it (trailing minus, padding,
 * leading zeros, FLTP E-notation), normalizes to a plain decimal string with exactly the same value.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { expect, test } from "vitest";
import { normalizeField, normalizeNumber } from "../../src/idoc/index.js";

const XS_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A decimal as sign, integer digits and fraction digits (up to 40 significant digits, beyond a double). */
const decimalParts = fc.record({
  negative: fc.boolean(),
  int: fc.stringMatching(/^[0-9]{1,25}$/),
  frac: fc.stringMatching(/^[0-9]{0,15}$/),
});

/** FLTP-like E-notation of a non-negative decimal, exact (mantissa padded to at least 16 digits). */
function toENotation(value: Decimal): string {
  const [mantissa = "", exponent = ""] = value.toExponential().split("e");
  const [head = "", tail = ""] = mantissa.split(".");
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${head}.${tail.padEnd(15, "0")}E${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
}

test("every SAP spelling of a decimal normalizes to the same exact value", () => {
  fc.assert(
    fc.property(
      decimalParts,
      fc.constantFrom("trailing", "leading", "padded", "zeros", "e"),
      ({ negative, int, frac }, form) => {
        const plain = frac === "" ? int : `${int}.${frac}`;
        const expected = new Decimal(`${negative ? "-" : ""}${plain}`);
        const sign = negative ? "-" : "";
        const written = {
          trailing: `${plain}${negative ? "-" : ""}`,
          leading: `${sign}${plain}`,
          padded: `   ${plain}${negative ? "-" : ""}  `,
          zeros: `${sign}000${plain}`,
          e: `${sign}${toENotation(expected.abs())}`,
        }[form];
        const result = normalizeNumber(written);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value).toMatch(XS_DECIMAL);
        expect(new Decimal(result.value).equals(expected)).toBe(true);
        // the field path gives the same for every numeric SAP type
        for (const kind of ["QUAN", "DEC", "FLTP"] as const)
          expect(normalizeField(written, { kind, typeName: kind })).toEqual(result);
      },
    ),
  );
});

test("the normalized value is a string, never a number", () => {
  const result = normalizeNumber("12345678901234567890.123456789-");
  expect(result).toEqual({ ok: true, value: "-12345678901234567890.123456789" });
});
