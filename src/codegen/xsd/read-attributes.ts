/**
 * Reads attribute declarations, attribute uses, attribute group references and `xsd:anyAttribute`.
 *
 * @module
 */
import { attributeValue, type XmlElement } from "../../binding/xml-tree.js";
import type { TypeUse, XsdAnyAttribute, XsdAttributeDecl, XsdAttributeItem } from "./model.js";
import {
  localDeclName,
  locate,
  type ReadContext,
  reportUnsupported,
  requiredQName,
  resolveQName,
  xsdChildren,
} from "./read-context.js";
import { readDocumentation } from "./read-documentation.js";
import { readSimpleType } from "./read-simple-type.js";

function readAttributeType(ctx: ReadContext, element: XmlElement): TypeUse {
  const typeAttr = attributeValue(element, "type");
  if (typeAttr !== undefined) {
    const ref = resolveQName(ctx, element, typeAttr);
    return ref ? { kind: "named", ref, source: locate(ctx, element) } : { kind: "default" };
  }
  const inline = xsdChildren(element).find((c) => c.local === "simpleType");
  return inline ? { kind: "inlineSimple", def: readSimpleType(ctx, inline, null) } : { kind: "default" };
}

/** Reads an attribute declaration; `global` decides how its name is qualified. */
export function readAttributeDecl(
  ctx: ReadContext,
  element: XmlElement,
  global: boolean,
): XsdAttributeDecl | null {
  const name = attributeValue(element, "name");
  if (name === undefined) {
    ctx.sink.report({
      code: "INVALID_SCHEMA",
      message: "xsd:attribute needs a name",
      location: locate(ctx, element),
    });
    return null;
  }
  const def = attributeValue(element, "default");
  const fixed = attributeValue(element, "fixed");
  const doc = readDocumentation(element);
  return {
    name: global
      ? { ns: ctx.doc.targetNamespace, local: name }
      : localDeclName(ctx, element, name, "attribute"),
    type: readAttributeType(ctx, element),
    ...(def !== undefined ? { default: def } : {}),
    ...(fixed !== undefined ? { fixed } : {}),
    ...(doc !== undefined ? { doc } : {}),
    source: locate(ctx, element),
  };
}

function readUse(element: XmlElement): "optional" | "required" | "prohibited" {
  const use = attributeValue(element, "use");
  return use === "required" || use === "prohibited" ? use : "optional";
}

export function readAnyAttribute(element: XmlElement): XsdAnyAttribute {
  const pc = attributeValue(element, "processContents");
  return {
    namespace: attributeValue(element, "namespace") ?? "##any",
    processContents: pc === "lax" || pc === "skip" ? pc : "strict",
  };
}

/**
 * Reads the attribute part of a complex type, extension, restriction or attribute group: the children
 * `xsd:attribute`, `xsd:attributeGroup` and `xsd:anyAttribute` (other children are the caller's).
 */
export function readAttributeItems(
  ctx: ReadContext,
  parent: XmlElement,
): { items: XsdAttributeItem[]; anyAttribute?: XsdAnyAttribute } {
  const items: XsdAttributeItem[] = [];
  let anyAttribute: XsdAnyAttribute | undefined;
  for (const child of xsdChildren(parent)) {
    if (child.local === "attribute") {
      const refAttr = attributeValue(child, "ref");
      if (refAttr !== undefined) {
        const ref = resolveQName(ctx, child, refAttr);
        const def = attributeValue(child, "default");
        const fixed = attributeValue(child, "fixed");
        if (ref)
          items.push({
            kind: "attributeRef",
            ref,
            use: readUse(child),
            ...(def !== undefined ? { default: def } : {}),
            ...(fixed !== undefined ? { fixed } : {}),
            source: locate(ctx, child),
          });
        continue;
      }
      const decl = readAttributeDecl(ctx, child, false);
      if (decl) items.push({ kind: "attribute", decl, use: readUse(child) });
    } else if (child.local === "attributeGroup") {
      const ref = requiredQName(ctx, child, "ref");
      if (ref) items.push({ kind: "attributeGroupRef", ref, source: locate(ctx, child) });
    } else if (child.local === "anyAttribute") {
      anyAttribute = readAnyAttribute(child);
    }
  }
  return anyAttribute ? { items, anyAttribute } : { items };
}

/** Children that may stand beside attributes in a type definition; anything else is reported. */
export function checkNoStrayChildren(
  ctx: ReadContext,
  parent: XmlElement,
  allowed: ReadonlySet<string>,
): void {
  for (const child of xsdChildren(parent)) {
    if (!allowed.has(child.local)) reportUnsupported(ctx, child, `xsd:${parent.local}`);
  }
}
