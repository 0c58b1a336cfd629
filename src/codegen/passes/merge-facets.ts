/**
 * Merges facets along a derivation chain: one restriction step's facets on top of the inherited ones. A
 * later facet replaces an inherited one of the same name; patterns add a step (a value must match one
 * pattern of every step); enumerations replace the inherited list.
 *
 * @module
 */
import type { FacetsMeta } from "../../binding/metadata.js";
import type { XsdFacets } from "../xsd/model.js";

const NUMERIC_FACETS = ["length", "minLength", "maxLength", "totalDigits", "fractionDigits"] as const;
const VALUE_FACETS = ["minInclusive", "maxInclusive", "minExclusive", "maxExclusive"] as const;

/** Applies one restriction step's facets on top of inherited ones. */
export function mergeFacets(inherited: FacetsMeta, own: XsdFacets): FacetsMeta {
  const merged: {
    -readonly [K in keyof FacetsMeta]: FacetsMeta[K];
  } = { ...inherited };
  if (own.enumeration) merged.enumeration = [...own.enumeration];
  if (own.pattern) merged.pattern = [...(inherited.pattern ?? []), [...own.pattern]];
  for (const facet of NUMERIC_FACETS) {
    const value = own[facet]?.[0];
    if (value !== undefined) merged[facet] = Number(value);
  }
  for (const facet of VALUE_FACETS) {
    const value = own[facet]?.[0];
    if (value !== undefined) merged[facet] = value;
  }
  const ws = own.whiteSpace?.[0];
  if (ws === "preserve" || ws === "replace" || ws === "collapse") merged.whiteSpace = ws;
  return merged;
}
