/** Numeric, boolean and duration lexical checks; parseXsdDecimal; isValidLexical. */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  explainLexical,
  isValidLexical,
  parseXsdDecimal,
  XSD_LEXICAL_TYPES,
  XsdLexicalError,
} from "../../../src/binding/lexical/index.js";

describe("isValidLexical", () => {
  it.each([
    ["decimal", "12.500", true],
    ["decimal", "-.5", true],
    ["decimal", "+1.", true],
    ["decimal", "12,5", false],
    ["decimal", "1e3", false],
    ["decimal", ".", false],
    ["decimal", "", false],
    ["decimal", " 1", false],
    ["decimal", "NaN", false],
    ["integer", "-0042", true],
    ["integer", "4.0", false],
    ["byte", "-128", true],
    ["byte", "128", false],
    ["unsignedLong", "18446744073709551615", true],
    ["unsignedLong", "18446744073709551616", false],
    ["positiveInteger", "0", false],
    ["nonPositiveInteger", "+0", true],
    ["double", "1.5E-3", true],
    ["double", "INF", true],
    ["double", "-INF", true],
    ["double", "+INF", false],
    ["float", "NaN", true],
    ["float", "1,5", false],
    ["boolean", "true", true],
    ["boolean", "1", true],
    ["boolean", "TRUE", false],
    ["duration", "PT8H30M", true],
    ["duration", "-P1Y2M3DT4H5M6.7S", true],
    ["duration", "P0DT9H", true],
    ["duration", "P", false],
    ["duration", "PT", false],
    ["duration", "P1DT", false],
    ["duration", "P1H", false],
    ["date", "2024-02-29", true],
    ["time", "24:00:00", true],
    ["dateTime", "2024-02-29T24:00:00Z", true],
    ["string", "anything, 12,5", true],
  ] as const)("%s %j → %s", (type, value, want) => {
    expect(isValidLexical(type, value)).toBe(want);
  });

  it("explains with the reason", () => {
    expect(explainLexical("decimal", "12,5")).toBe("the decimal separator must be '.', not ','");
    expect(explainLexical("short", "40000")).toBe("40000 is above the maximum 32767 of xsd:short");
    expect(explainLexical("boolean", "yes")).toBe("expected true, false, 1 or 0");
  });

  it("lists its types", () => {
    expect(XSD_LEXICAL_TYPES).toContain("unsignedByte");
    expect(XSD_LEXICAL_TYPES).toContain("duration");
  });
});

describe("parseXsdDecimal", () => {
  it("keeps every digit and compares by value", () => {
    expect(parseXsdDecimal("12.500").eq(new Decimal("12.5"))).toBe(true);
    expect(parseXsdDecimal("123456789012345678901234567890.000000000000000000001").toFixed()).toBe(
      "123456789012345678901234567890.000000000000000000001",
    );
    expect(parseXsdDecimal("+.5").toString()).toBe("0.5");
    expect(parseXsdDecimal("1.").toString()).toBe("1");
  });

  it("throws a typed error on a non-decimal", () => {
    expect(() => parseXsdDecimal("12,5")).toThrow(XsdLexicalError);
    expect(() => parseXsdDecimal("12,5")).toThrow(
      `"12,5" is not a valid xsd:decimal: the decimal separator must be '.', not ','`,
    );
    expect(() => parseXsdDecimal("Infinity")).toThrow(XsdLexicalError);
  });
});

// ---- properties

/** xsd:decimal's lexical space as the spec writes it (3.2.3.1), an independent reference. */
const REFERENCE_DECIMAL = /^(\+|-)?(\d+(\.\d*)?|\.\d+)$/;

const decimalish = fc.string({ unit: fc.constantFrom(..."0123456789.+-e,E "), maxLength: 8 });

describe("properties", () => {
  it("the decimal check agrees with the spec's regular expression", () => {
    fc.assert(
      fc.property(decimalish, (value) => {
        expect(isValidLexical("decimal", value)).toBe(REFERENCE_DECIMAL.test(value));
      }),
      { numRuns: 5000 },
    );
  });

  it("parseXsdDecimal is exact: every digit survives (reference by string arithmetic)", () => {
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.constantFrom("", "-", "+"), digits, digits, (sign, whole, fraction) => {
        const scaled = BigInt(`${whole}${fraction}`);
        const padded = scaled.toString().padStart(fraction.length + 1, "0");
        const intPart = padded.slice(0, padded.length - fraction.length);
        const fracPart = padded.slice(padded.length - fraction.length).replace(/0+$/, "");
        const reference =
          scaled === 0n
            ? "0"
            : `${sign === "-" ? "-" : ""}${intPart}${fracPart === "" ? "" : `.${fracPart}`}`;
        expect(parseXsdDecimal(`${sign}${whole}.${fraction}`).toFixed()).toBe(reference);
      }),
      { numRuns: 1000 },
    );
  });

  it("integer checks agree with BigInt bounds", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (n) => {
        const text = n.toString();
        expect(isValidLexical("int", text)).toBe(n >= -(2n ** 31n) && n < 2n ** 31n);
        expect(isValidLexical("unsignedLong", text)).toBe(n >= 0n && n < 2n ** 64n);
        expect(isValidLexical("integer", text)).toBe(true);
        expect(isValidLexical("decimal", text)).toBe(true);
      }),
    );
  });
});
