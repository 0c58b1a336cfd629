/**
 * The builtin datatypes of XML Schema 1.0 Part 2, with the type each is derived from.
 *
 * @module
 */
import { XS } from "./model.js";

/** Builtin simple type → its base (`anySimpleType` for the primitives). */
export const BUILTIN_SIMPLE_TYPES: ReadonlyMap<string, string | null> = new Map([
  ["anySimpleType", null],
  ["string", "anySimpleType"],
  ["boolean", "anySimpleType"],
  ["decimal", "anySimpleType"],
  ["float", "anySimpleType"],
  ["double", "anySimpleType"],
  ["duration", "anySimpleType"],
  ["dateTime", "anySimpleType"],
  ["time", "anySimpleType"],
  ["date", "anySimpleType"],
  ["gYearMonth", "anySimpleType"],
  ["gYear", "anySimpleType"],
  ["gMonthDay", "anySimpleType"],
  ["gDay", "anySimpleType"],
  ["gMonth", "anySimpleType"],
  ["hexBinary", "anySimpleType"],
  ["base64Binary", "anySimpleType"],
  ["anyURI", "anySimpleType"],
  ["QName", "anySimpleType"],
  ["NOTATION", "anySimpleType"],
  ["normalizedString", "string"],
  ["token", "normalizedString"],
  ["language", "token"],
  ["NMTOKEN", "token"],
  ["NMTOKENS", "NMTOKEN"],
  ["Name", "token"],
  ["NCName", "Name"],
  ["ID", "NCName"],
  ["IDREF", "NCName"],
  ["IDREFS", "IDREF"],
  ["ENTITY", "NCName"],
  ["ENTITIES", "ENTITY"],
  ["integer", "decimal"],
  ["nonPositiveInteger", "integer"],
  ["negativeInteger", "nonPositiveInteger"],
  ["long", "integer"],
  ["int", "long"],
  ["short", "int"],
  ["byte", "short"],
  ["nonNegativeInteger", "integer"],
  ["unsignedLong", "nonNegativeInteger"],
  ["unsignedInt", "unsignedLong"],
  ["unsignedShort", "unsignedInt"],
  ["unsignedByte", "unsignedShort"],
  ["positiveInteger", "nonNegativeInteger"],
]);

/** The builtin list types (their values are whitespace-separated lists). */
export const BUILTIN_LIST_TYPES: ReadonlySet<string> = new Set(["NMTOKENS", "IDREFS", "ENTITIES"]);

export const ANY_TYPE = `{${XS}}anyType`;
export const ANY_SIMPLE_TYPE = `{${XS}}anySimpleType`;

/** Whether a Clark name is a builtin simple type. */
export function isBuiltinSimpleType(clarkName: string): boolean {
  return clarkName.startsWith(`{${XS}}`) && BUILTIN_SIMPLE_TYPES.has(clarkName.slice(XS.length + 2));
}
