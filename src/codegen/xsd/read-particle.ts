/**
 * Reads particles: element declarations and references, `xsd:sequence`, `xsd:choice`, `xsd:all`, model
 * group references and `xsd:any`.
 *
 * @module
 */
import { attributeValue, type XmlElement } from "../../binding/xml-tree.js";
import type { TypeUse, XsdElementDecl, XsdModelGroup, XsdParticle } from "./model.js";
import {
  localDeclName,
  locate,
  type ReadContext,
  readOccurs,
  reportUnsupported,
  requiredQName,
  resolveQName,
  xsdChildren,
} from "./read-context.js";
import { readDocumentation } from "./read-documentation.js";
import { readSimpleType } from "./read-simple-type.js";

const UNSUPPORTED_ELEMENT_ATTRIBUTES = ["substitutionGroup"];

/** Reads an element declaration (global or local). */
export function readElementDecl(
  ctx: ReadContext,
  element: XmlElement,
  global: boolean,
): XsdElementDecl | null {
  const name = attributeValue(element, "name");
  if (name === undefined) {
    ctx.sink.report({
      code: "INVALID_SCHEMA",
      message: "xsd:element needs a name or ref",
      location: locate(ctx, element),
    });
    return null;
  }
  for (const attr of UNSUPPORTED_ELEMENT_ATTRIBUTES) {
    if (attributeValue(element, attr) !== undefined) {
      ctx.sink.report({
        code: "UNSUPPORTED_CONSTRUCT",
        message: `the ${attr} attribute is not supported`,
        location: locate(ctx, element),
        qname: name,
      });
    }
  }
  let type: TypeUse = { kind: "default" };
  const typeAttr = attributeValue(element, "type");
  if (typeAttr !== undefined) {
    const ref = resolveQName(ctx, element, typeAttr);
    if (ref) type = { kind: "named", ref, source: locate(ctx, element) };
  }
  for (const child of xsdChildren(element)) {
    if (child.local === "complexType")
      type = { kind: "inlineComplex", def: ctx.readComplexType(ctx, child, null) };
    else if (child.local === "simpleType")
      type = { kind: "inlineSimple", def: readSimpleType(ctx, child, null) };
    else if (child.local === "key" || child.local === "keyref" || child.local === "unique") {
      // identity constraints are the validator's business (libxml2), not the binding's
    } else reportUnsupported(ctx, child, "xsd:element");
  }
  const def = attributeValue(element, "default");
  const fixed = attributeValue(element, "fixed");
  const doc = readDocumentation(element);
  return {
    name: global
      ? { ns: ctx.doc.targetNamespace, local: name }
      : localDeclName(ctx, element, name, "element"),
    type,
    nillable: attributeValue(element, "nillable") === "true",
    abstract: attributeValue(element, "abstract") === "true",
    ...(def !== undefined ? { default: def } : {}),
    ...(fixed !== undefined ? { fixed } : {}),
    ...(doc !== undefined ? { doc } : {}),
    source: locate(ctx, element),
  };
}

/** Reads `xsd:sequence`, `xsd:choice` or `xsd:all` with its particles. */
export function readModelGroup(ctx: ReadContext, element: XmlElement): XsdModelGroup {
  const particles: XsdParticle[] = [];
  for (const child of xsdChildren(element)) {
    const particle = readParticle(ctx, child);
    if (particle) particles.push(particle);
  }
  return {
    kind: element.local as "sequence" | "choice" | "all",
    occurs: readOccurs(ctx, element),
    particles,
    source: locate(ctx, element),
  };
}

/** Reads one particle; reports and skips anything that is not one. */
export function readParticle(ctx: ReadContext, element: XmlElement): XsdParticle | null {
  const source = locate(ctx, element);
  switch (element.local) {
    case "element": {
      const refAttr = attributeValue(element, "ref");
      if (refAttr !== undefined) {
        const ref = resolveQName(ctx, element, refAttr);
        return ref ? { kind: "elementRef", occurs: readOccurs(ctx, element), ref, source } : null;
      }
      const decl = readElementDecl(ctx, element, false);
      return decl ? { kind: "element", occurs: readOccurs(ctx, element), decl } : null;
    }
    case "sequence":
    case "choice":
    case "all":
      return readModelGroup(ctx, element);
    case "group": {
      const ref = requiredQName(ctx, element, "ref");
      return ref ? { kind: "groupRef", occurs: readOccurs(ctx, element), ref, source } : null;
    }
    case "any": {
      const pc = attributeValue(element, "processContents");
      return {
        kind: "any",
        occurs: readOccurs(ctx, element),
        namespace: attributeValue(element, "namespace") ?? "##any",
        processContents: pc === "lax" || pc === "skip" ? pc : "strict",
        source,
      };
    }
    default:
      reportUnsupported(ctx, element, "a content model");
      return null;
  }
}
