/**
 * Reads `xsd:simpleType`: restriction (with facets), list and union.
 *
 * @module
 */
import { attributeValue, type XmlElement } from "../../binding/xml-tree.js";
import type { QName, XsdFacets, XsdSimpleType } from "./model.js";
import { locate, type ReadContext, reportUnsupported, resolveQName, xsdChildren } from "./read-context.js";

/** The constraining facets of XSD 1.0. */
export const FACET_NAMES = new Set([
  "enumeration",
  "pattern",
  "length",
  "minLength",
  "maxLength",
  "minInclusive",
  "maxInclusive",
  "minExclusive",
  "maxExclusive",
  "totalDigits",
  "fractionDigits",
  "whiteSpace",
]);

/** Collects the facet children of a restriction; other children are left to the caller. */
export function readFacets(
  ctx: ReadContext,
  restriction: XmlElement,
  allowed: ReadonlySet<string>,
): XsdFacets {
  const facets: Record<string, string[]> = {};
  for (const child of xsdChildren(restriction)) {
    if (!FACET_NAMES.has(child.local)) {
      if (!allowed.has(child.local)) reportUnsupported(ctx, child, "a restriction");
      continue;
    }
    const value = attributeValue(child, "value");
    if (value === undefined) {
      ctx.sink.report({
        code: "INVALID_SCHEMA",
        message: `xsd:${child.local} needs a value`,
        location: locate(ctx, child),
      });
      continue;
    }
    const values = facets[child.local] ?? [];
    values.push(value);
    facets[child.local] = values;
  }
  return facets;
}

export function readSimpleType(ctx: ReadContext, element: XmlElement, name: QName | null): XsdSimpleType {
  const source = locate(ctx, element);
  const [variety, ...extra] = xsdChildren(element);
  for (const child of extra) reportUnsupported(ctx, child, "xsd:simpleType");
  if (variety?.local === "list") {
    const itemAttr = attributeValue(variety, "itemType");
    const inline = xsdChildren(variety).find((c) => c.local === "simpleType");
    const itemType = itemAttr === undefined ? undefined : resolveQName(ctx, variety, itemAttr);
    return {
      name,
      source,
      variety: {
        kind: "list",
        itemSource: locate(ctx, variety),
        ...(itemType ? { itemType } : {}),
        ...(inline ? { inlineItem: readSimpleType(ctx, inline, null) } : {}),
      },
    };
  }
  if (variety?.local === "union") {
    const members = (attributeValue(variety, "memberTypes") ?? "").split(/\s+/).filter((m) => m !== "");
    const memberTypes: QName[] = [];
    for (const member of members) {
      const q = resolveQName(ctx, variety, member);
      if (q) memberTypes.push(q);
    }
    const inlineMembers = xsdChildren(variety)
      .filter((c) => c.local === "simpleType")
      .map((c) => readSimpleType(ctx, c, null));
    return {
      name,
      source,
      variety: { kind: "union", memberTypes, memberSource: locate(ctx, variety), inlineMembers },
    };
  }
  if (variety?.local === "restriction") {
    const baseAttr = attributeValue(variety, "base");
    const base = baseAttr === undefined ? null : resolveQName(ctx, variety, baseAttr);
    const inline = xsdChildren(variety).find((c) => c.local === "simpleType");
    return {
      name,
      source,
      variety: {
        kind: "restriction",
        baseSource: locate(ctx, variety),
        ...(base ? { base } : {}),
        ...(inline ? { inlineBase: readSimpleType(ctx, inline, null) } : {}),
        facets: readFacets(ctx, variety, new Set(["simpleType"])),
      },
    };
  }
  ctx.sink.report({
    code: "INVALID_SCHEMA",
    message: "xsd:simpleType needs a restriction, list or union",
    location: source,
    ...(name ? { qname: name.local } : {}),
  });
  return {
    name,
    source,
    variety: { kind: "union", memberTypes: [], memberSource: source, inlineMembers: [] },
  };
}
