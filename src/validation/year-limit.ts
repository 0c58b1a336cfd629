/**
 * Years beyond 2147483647 in `xs:dateTime` and `xs:date` values: XML Schema 1.0 allows a year of any number
 * of digits, and native libxml2 accepts years up to 2^63 - 1, but the WebAssembly build that validates here
 * has a 32-bit `long` and calls every value with a year beyond ±2147483647 invalid. The value is checked by
 * the binding's exact lexical parser (bigint years); when it is valid there, libxml2's
 * `XSD_INVALID_VALUE` is replaced by {@link YEAR_BEYOND_ENGINE_LIMIT}: the document is still reported
 * invalid (libxml2 could not check the value's facets), but the issue names the engine's limit instead of
 * calling a valid value invalid.
 *
 * @module
 */
import { explainXsdDate, explainXsdDateTime } from "../binding/lexical/index.js";
import type { ValidationIssue } from "./issues.js";

/** The code of an issue about a year the validating engine cannot represent. */
export const YEAR_BEYOND_ENGINE_LIMIT = "XSD_YEAR_BEYOND_ENGINE_LIMIT";

/** The largest year magnitude libxml2's WebAssembly build represents (its `long` is 32 bits). */
export const ENGINE_MAX_YEAR = 2147483647n;

const ATOMIC = /'([^']*)' is not a valid value of the atomic type 'xs:(dateTime|date)'/;

/** The issue, reclassified when libxml2 refused a lexically valid value only for the size of its year. */
export function explainYearBeyondEngine(issue: ValidationIssue): ValidationIssue {
  if (issue.code !== "XSD_INVALID_VALUE") return issue;
  const match = ATOMIC.exec(issue.message);
  const value = match?.[1];
  const type = match?.[2];
  if (value === undefined || type === undefined) return issue;
  const explain = type === "date" ? explainXsdDate : explainXsdDateTime;
  if (explain(value) !== undefined) return issue;
  const yearText = /^-?\d+/.exec(value)?.[0] ?? "0";
  const year = BigInt(yearText);
  if ((year < 0n ? -year : year) <= ENGINE_MAX_YEAR) return issue;
  return {
    ...issue,
    code: YEAR_BEYOND_ENGINE_LIMIT,
    message:
      `'${value}' is a valid xs:${type} (XML Schema 1.0 allows any number of year digits), but its year ` +
      `${yearText} is beyond ±${ENGINE_MAX_YEAR}, the largest year the WebAssembly build of libxml2 can ` +
      "represent: the value could not be validated further (facets), so the document is not reported valid. " +
      `(libxml2: ${issue.message})`,
    expected: `an xs:${type} with a year within ±${ENGINE_MAX_YEAR} (the validating engine's limit)`,
    received: value,
  };
}
