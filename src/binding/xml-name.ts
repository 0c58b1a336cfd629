/**
 * XML names (XML 1.0 fifth edition §2.3, Namespaces in XML 1.0 §3): what the writer checks before it
 * writes a name that comes from a value (wildcard content, `anyAttribute` keys, namespace prefixes)
 * rather than from the generated metadata.
 *
 * @module
 */

const START =
  "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D" +
  "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const REST = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NC_NAME = new RegExp(`^[${START}][${REST}]*$`, "u");

/** What the writer expects of such a name, for `expected` in problems. */
export const NC_NAME_EXPECTED = "an XML name without a colon (NCName)";

/** Whether `name` is an NCName: an XML name without a colon (`Note`, `x-1`, `Größe`). */
export function isNcName(name: string): boolean {
  return NC_NAME.test(name);
}
