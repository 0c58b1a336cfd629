/**
 * What a field value may hold at all, checked before it is normalized: the characters (no NUL or other
 * C0 control character, no lone surrogate, no U+FFFE/U+FFFF; tab, CR and LF only inside text fields), the SAP field
 * length of its type (`CHAR40`, `ALPHA12`, `UNIT3`: from the project's IDoc schemas, `xsd/idoc`), and
 * for numbers the SAP range (`QUAN13_3`: at most 10 integer and 3 fraction digits; FLTP: a finite
 * double). A value outside these is an error naming the field: never cut, rounded or passed on.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import type { SapDataType } from "./sap-data-type.js";
import { sapTrim } from "./sap-trim.js";

/** Why a value cannot be taken. */
export interface FieldValueProblem {
  readonly code: "IDOC_INVALID_CHARACTER" | "IDOC_VALUE_TOO_LONG" | "IDOC_VALUE_OUT_OF_RANGE";
  readonly message: string;
}

/** Kinds whose values are texts: tab, CR and LF may stand inside. Every other kind is a key or a number. */
const TEXT_KINDS: ReadonlySet<string> = new Set(["CHAR"]);
/** Kinds whose schema length is a character count (numbers and dates have their own rules). */
const LENGTH_KINDS: ReadonlySet<string> = new Set(["CHAR", "ALPHA", "MATN1", "UPPER", "UNIT"]);
/** The largest finite double, as an exact decimal. */
const MAX_DOUBLE = new Decimal("1.7976931348623157e308");

/**
 * The first problem of a raw value, or `undefined` when it may be normalized.
 *
 * @param normalized the value's normal form when it has one (numbers are range-checked on it)
 */
export function checkFieldValue(
  raw: string,
  type: SapDataType | undefined,
  normalized?: string,
): FieldValueProblem | undefined {
  const character = findBadCharacter(raw, type === undefined || TEXT_KINDS.has(type.kind));
  if (character !== undefined) return { code: "IDOC_INVALID_CHARACTER", message: character };
  if (type === undefined) return undefined;
  const value = sapTrim(raw);
  if (LENGTH_KINDS.has(type.kind) && type.length !== undefined && value.length > type.length)
    return {
      code: "IDOC_VALUE_TOO_LONG",
      message: `${value.length} characters, more than the SAP field length ${type.length} (${type.typeName})`,
    };
  if (normalized !== undefined && normalized !== "") return checkRange(normalized, type);
  return undefined;
}

function findBadCharacter(raw: string, text: boolean): string | undefined {
  const value = text ? raw : sapTrim(raw);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (text && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return `the control character U+${hex(c)} at character ${i + 1}${c === 0x09 || c === 0x0a || c === 0x0d ? " inside a key or number" : ""}`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `a lone surrogate U+${hex(c)} at character ${i + 1} (not a Unicode character)`;
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return `a lone surrogate U+${hex(c)} at character ${i + 1} (not a Unicode character)`;
    if (c === 0xfffe || c === 0xffff)
      return `the noncharacter U+${hex(c)} at character ${i + 1} (not allowed in XML 1.0)`;
  }
  return undefined;
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, "0");
}

/** `QUAN13_3` → 13 digits, 3 of them decimals; `DEC5` → 5, 0. */
function precisionOf(typeName: string): { digits: number; decimals: number } | undefined {
  const match = /^(?:QUAN|DEC)(\d+)(?:_(\d+))?$/.exec(typeName);
  if (!match) return undefined;
  return { digits: Number(match[1]), decimals: Number(match[2] ?? 0) };
}

function checkRange(normalized: string, type: SapDataType): FieldValueProblem | undefined {
  if (type.kind === "FLTP") {
    if (new Decimal(normalized).abs().greaterThan(MAX_DOUBLE))
      return {
        code: "IDOC_VALUE_OUT_OF_RANGE",
        message: "beyond the range of an SAP floating point number (FLTP, a finite double)",
      };
    return undefined;
  }
  if (type.kind !== "QUAN" && type.kind !== "DEC") return undefined;
  const precision = precisionOf(type.typeName);
  if (precision === undefined) return undefined;
  const [integer = "", fraction = ""] = normalized.replace(/^-/, "").split(".");
  const integerDigits = integer === "0" ? 0 : integer.length;
  const fractionDigits = fraction.replace(/0+$/, "").length;
  const maxInteger = precision.digits - precision.decimals;
  if (integerDigits > maxInteger || fractionDigits > precision.decimals)
    return {
      code: "IDOC_VALUE_OUT_OF_RANGE",
      message: `${integerDigits} integer and ${fractionDigits} fraction digits; ${type.typeName} holds at most ${maxInteger} and ${precision.decimals}`,
    };
  return undefined;
}
