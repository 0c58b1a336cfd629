/**
 * Exact numeric and boolean lexical values of XML Schema 1.0 Part 2: `xsd:decimal` and the integer
 * types derived from it, `xsd:float`/`xsd:double` and `xsd:boolean`.
 *
 * Quantities stay strings in B2MML; {@link parseXsdDecimal} gives callers who need arithmetic (unit
 * conversion, totals) an exact decimal.js `Decimal`, never a `number`.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import { XsdLexicalError } from "./xsd-datetime.js";

/** `xsd:decimal`: optional sign, digits with an optional `.`; at least one digit (`1.`, `.5`, `+0.50`). */
export const XSD_DECIMAL_PATTERN = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** `xsd:integer`: optional sign and digits. */
export const XSD_INTEGER_PATTERN = /^[+-]?[0-9]+$/;

/** `xsd:double` / `xsd:float` (XML Schema 1.0: `INF`, `-INF` and `NaN`, but not `+INF`). */
export const XSD_DOUBLE_PATTERN = /^(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?|-?INF|NaN)$/;

/** The integer types derived from `xsd:decimal`, with their inclusive bounds (`undefined`: unbounded). */
export const XSD_INTEGER_TYPES = {
  integer: [undefined, undefined],
  nonNegativeInteger: [0n, undefined],
  positiveInteger: [1n, undefined],
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  unsignedLong: [0n, 2n ** 64n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
} as const satisfies Record<string, readonly [bigint | undefined, bigint | undefined]>;

/** The name of an integer type derived from `xsd:decimal`. */
export type XsdIntegerType = keyof typeof XSD_INTEGER_TYPES;

/** Whether a type name is one of {@link XSD_INTEGER_TYPES}. */
export function isXsdIntegerType(type: string): type is XsdIntegerType {
  return Object.hasOwn(XSD_INTEGER_TYPES, type);
}

/** Why a string is not a valid `xsd:decimal`, or `undefined` when it is one. */
export function explainXsdDecimal(lexical: string): string | undefined {
  if (XSD_DECIMAL_PATTERN.test(lexical)) return undefined;
  if (/^[+-]?[0-9]*,[0-9]*$/.test(lexical) && /[0-9]/.test(lexical))
    return "the decimal separator must be '.', not ','";
  if (/[Ee]/.test(lexical) && XSD_DOUBLE_PATTERN.test(lexical)) return "exponent notation is not allowed";
  return "expected an optional sign, digits and an optional '.' (e.g. 12.5)";
}

/** Why a string is not a valid value of an integer type, or `undefined` when it is one. */
export function explainXsdInteger(type: XsdIntegerType, lexical: string): string | undefined {
  if (!XSD_INTEGER_PATTERN.test(lexical)) return "expected an optional sign and digits only (e.g. 42)";
  const value = BigInt(lexical);
  const [min, max] = XSD_INTEGER_TYPES[type];
  if (min !== undefined && value < min) return `${lexical} is below the minimum ${min} of xsd:${type}`;
  if (max !== undefined && value > max) return `${lexical} is above the maximum ${max} of xsd:${type}`;
  return undefined;
}

/** Why a string is not a valid `xsd:double`/`xsd:float` lexical value, or `undefined` when it is one. */
export function explainXsdDouble(lexical: string): string | undefined {
  if (XSD_DOUBLE_PATTERN.test(lexical)) return undefined;
  if (/^[+-]?[0-9]*,[0-9]*$/.test(lexical) && /[0-9]/.test(lexical))
    return "the decimal separator must be '.', not ','";
  return "expected a decimal with an optional exponent, INF, -INF or NaN (e.g. 1.5E3)";
}

/** Why a string is not a valid `xsd:boolean`, or `undefined` when it is one (`true`, `false`, `1`, `0`). */
export function explainXsdBoolean(lexical: string): string | undefined {
  return /^(?:true|false|1|0)$/.test(lexical) ? undefined : "expected true, false, 1 or 0";
}

/**
 * Parses an `xsd:decimal` lexical value (no surrounding whitespace) into an exact decimal.js `Decimal`.
 * All digits are kept (the constructor does not round); `12.500` and `12.5` are equal values.
 *
 * @example
 * ```ts
 * parseXsdDecimal("12.500").times(4).toString(); // "50"
 * ```
 * @throws {@link XsdLexicalError} when the value is not a valid `xsd:decimal` (`12,5`, `1e3`, `NaN`, …)
 */
export function parseXsdDecimal(lexical: string): Decimal {
  const reason = explainXsdDecimal(lexical);
  if (reason !== undefined) throw new XsdLexicalError("decimal", lexical, reason);
  // decimal.js accepts "1." and ".5" and keeps every digit
  return new Decimal(lexical);
}
