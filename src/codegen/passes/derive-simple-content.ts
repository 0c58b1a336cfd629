/**
 * Derives the value of a complex type with simple content: its simple type comes from a simple base, from
 * a complex base's value, or from an inline simple type; a restriction's facets are merged on top of the
 * inherited ones, an extension keeps them.
 *
 * @module
 */
import type { FacetsMeta } from "../../binding/metadata.js";
import type { IrComplexType } from "../ir/model.js";
import { ANY_SIMPLE_TYPE, isBuiltinSimpleType } from "../xsd/builtins.js";
import type { XsdComplexContent } from "../xsd/model.js";
import { type BuildContext, typeRefOf } from "./build-context.js";
import { mergeFacets } from "./merge-facets.js";

type SimpleContent = Extract<XsdComplexContent, { kind: "simpleContent" }>;

/** `base` is the Clark name of the base type; `baseType` its built form when it is a complex type. */
export function deriveSimpleContent(
  ctx: BuildContext,
  c: SimpleContent,
  base: string,
  baseType: IrComplexType | null,
): NonNullable<IrComplexType["simpleContent"]> {
  let valueType = baseType?.simpleContent?.type;
  let inheritedFacets: FacetsMeta = baseType?.simpleContent?.facets ?? {};
  if (!baseType) {
    valueType = ctx.set.simpleTypes.has(base) || isBuiltinSimpleType(base) ? base : ANY_SIMPLE_TYPE;
    inheritedFacets = {};
  }
  if (c.inlineSimple) valueType = typeRefOf(ctx, { kind: "inlineSimple", def: c.inlineSimple }, "simple");
  const facets = c.derivation === "restriction" ? mergeFacets(inheritedFacets, c.facets) : inheritedFacets;
  return {
    prop: "",
    type: valueType ?? ANY_SIMPLE_TYPE,
    ...(Object.keys(facets).length > 0 ? { facets } : {}),
  };
}
