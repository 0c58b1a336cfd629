/**
 * Lexical values of XML Schema built-in types, exactly: checks for every type a B2MML `DataType` can
 * name with a checkable lexical space, and parsers into exact values for callers who need arithmetic
 * ({@link parseXsdDecimal} → decimal.js `Decimal`, {@link parseXsdDateTime} / {@link toXsdInstant} →
 * bigint seconds and fraction digits, {@link compareXsdDateTime}).
 *
 * The checks take the lexical value itself: whitespace is not part of any lexical space here, so a
 * caller holding element text whose type collapses whitespace trims it first (see
 * {@link collapseXsdWhitespace}).
 *
 * @module
 */
import { explainXsdDate, explainXsdDateTime, explainXsdTime } from "./xsd-datetime.js";
import {
  explainXsdBoolean,
  explainXsdDecimal,
  explainXsdDouble,
  explainXsdInteger,
  isXsdIntegerType,
  XSD_INTEGER_TYPES,
} from "./xsd-decimal.js";
import { explainXsdDuration } from "./xsd-duration.js";

export * from "./xsd-datetime.js";
export * from "./xsd-decimal.js";
export * from "./xsd-duration.js";

/** The XML Schema built-in types whose lexical space {@link isValidLexical} checks. */
export const XSD_LEXICAL_TYPES = [
  "string",
  "decimal",
  ...(Object.keys(XSD_INTEGER_TYPES) as (keyof typeof XSD_INTEGER_TYPES)[]),
  "float",
  "double",
  "boolean",
  "dateTime",
  "date",
  "time",
  "duration",
] as const;

/** A type name accepted by {@link isValidLexical}. */
export type XsdLexicalType = (typeof XSD_LEXICAL_TYPES)[number];

/** Whether a name is one of {@link XSD_LEXICAL_TYPES}. */
export function isXsdLexicalType(type: string): type is XsdLexicalType {
  return (XSD_LEXICAL_TYPES as readonly string[]).includes(type);
}

/**
 * Why a value is not in the lexical space of an XML Schema type, or `undefined` when it is.
 * `string` accepts everything.
 *
 * @example
 * ```ts
 * explainLexical("decimal", "12,5"); // "the decimal separator must be '.', not ','"
 * ```
 */
export function explainLexical(type: XsdLexicalType, lexical: string): string | undefined {
  if (isXsdIntegerType(type)) return explainXsdInteger(type, lexical);
  switch (type) {
    case "string":
      return undefined;
    case "decimal":
      return explainXsdDecimal(lexical);
    case "float":
    case "double":
      return explainXsdDouble(lexical);
    case "boolean":
      return explainXsdBoolean(lexical);
    case "dateTime":
      return explainXsdDateTime(lexical);
    case "date":
      return explainXsdDate(lexical);
    case "time":
      return explainXsdTime(lexical);
    case "duration":
      return explainXsdDuration(lexical);
  }
  return undefined;
}

/**
 * Whether a value is in the lexical space of an XML Schema type (exact; no whitespace around it).
 *
 * @example
 * ```ts
 * isValidLexical("decimal", "12.500"); // true
 * isValidLexical("decimal", "12,5"); // false
 * isValidLexical("dateTime", "2024-02-29T24:00:00Z"); // true
 * ```
 */
export function isValidLexical(type: XsdLexicalType, lexical: string): boolean {
  return explainLexical(type, lexical) === undefined;
}

/**
 * XML Schema's `whiteSpace="collapse"`: tabs, line feeds and carriage returns become spaces, runs of
 * spaces become one, and leading and trailing spaces go. Every type here but `string` collapses.
 */
export function collapseXsdWhitespace(text: string): string {
  return text.replace(/[\t\n\r ]+/g, " ").replace(/^ | $/g, "");
}
