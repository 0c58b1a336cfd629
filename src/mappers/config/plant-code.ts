/**
 * The one rule for a plant code (WERKS) in a configuration: the keys of `plants`, `postings.plant` and
 * the keys of `postings.storageLocations` are all checked by {@link explainPlantCode}, so no
 * configuration accepts a plant another refuses.
 *
 * The rule is the project's IDoc type `WERKS_D` (`xsd/idoc/sap-data-types.xsd`): CHAR, whose white space
 * the IDoc reader collapses, and no length enforced (CHAR4 in the DDIC, but a real S/4 demo system sends
 * the 5-character plant `HZ001`). So a configured plant must be a value an IDoc field can hold after
 * that collapse: not empty, no leading or trailing white space, words separated by single spaces, no
 * control characters. Anything else could never match a plant of a message.
 *
 * @module
 */

/** What a plant code looks like, for the `expected` of an issue and the JSON Schema's pattern. */
export const PLANT_CODE_EXPECTED =
  "a plant code (WERKS): not empty, no leading, trailing or repeated white space, no control characters";

const PLANT_CODE = /^[^\s\p{Cc}]+(?: [^\s\p{Cc}]+)*$/u;

/** Why `code` is not a plant code; `undefined` when it is one. */
export function explainPlantCode(code: unknown): string | undefined {
  if (typeof code !== "string") return "not a string";
  if (code === "") return "empty";
  if (/\p{Cc}/u.test(code)) return "contains a control character";
  if (code.trim() !== code) return "leading or trailing white space";
  if (!PLANT_CODE.test(code)) return "white space other than single spaces between characters";
  return undefined;
}
