/**
 * `xsd:duration` lexical values (XML Schema 1.0 Part 2, 3.2.6): `-?PnYnMnDTnHnMnS`.
 *
 * @module
 */

const DURATION_RE =
  /^-?P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)S)?)?$/;

/**
 * Why a string is not a valid `xsd:duration`, or `undefined` when it is one. At least one component
 * must be present, and a `T` must be followed by at least one time component (`P1D`, `PT8H30M`,
 * `-P1Y2M`, `PT0.5S`; not `P`, `PT`, `P1DT`).
 */
export function explainXsdDuration(lexical: string): string | undefined {
  if (!DURATION_RE.test(lexical) || /^-?P$/.test(lexical) || lexical.endsWith("T"))
    return "expected -?PnYnMnDTnHnMnS with at least one component (e.g. PT8H30M)";
  return undefined;
}
