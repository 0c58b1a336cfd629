/**
 * Reads `xsd:complexType`: a model group directly inside, `xsd:complexContent` or `xsd:simpleContent`
 * (extension or restriction), attributes and `xsd:anyAttribute`.
 *
 * @module
 */
import { attributeValue, type XmlElement } from "../../binding/xml-tree.js";
import type { QName, XsdComplexContent, XsdComplexType, XsdParticle } from "./model.js";
import { checkNoStrayChildren, readAttributeItems } from "./read-attributes.js";
import { locate, type ReadContext, requiredQName, xsdChildren } from "./read-context.js";
import { readParticle } from "./read-particle.js";
import { readFacets, readSimpleType } from "./read-simple-type.js";

const PARTICLE_NAMES = new Set(["sequence", "choice", "all", "group"]);
const ATTRIBUTE_NAMES = ["attribute", "attributeGroup", "anyAttribute"];

function firstParticle(ctx: ReadContext, parent: XmlElement): XsdParticle | null {
  const child = xsdChildren(parent).find((c) => PARTICLE_NAMES.has(c.local));
  return child ? readParticle(ctx, child) : null;
}

export function readComplexType(ctx: ReadContext, element: XmlElement, name: QName | null): XsdComplexType {
  const source = locate(ctx, element);
  const children = xsdChildren(element);
  const derived = children.find((c) => c.local === "complexContent" || c.local === "simpleContent");
  let mixed = attributeValue(element, "mixed") === "true";
  let content: XsdComplexContent;
  let attributeParent = element;
  if (derived) {
    checkNoStrayChildren(ctx, element, new Set([derived.local]));
    if (derived.local === "complexContent" && attributeValue(derived, "mixed") === "true") mixed = true;
    const [method] = xsdChildren(derived);
    checkNoStrayChildren(ctx, derived, new Set(["extension", "restriction"]));
    const base = method ? requiredQName(ctx, method, "base") : null;
    if (!method || !base) {
      ctx.sink.report({
        code: "INVALID_SCHEMA",
        message: `xsd:${derived.local} needs an extension or restriction with a base`,
        location: locate(ctx, derived),
      });
      content = { kind: "implicit", particle: null };
    } else {
      attributeParent = method;
      const derivation = method.local as "extension" | "restriction";
      if (derived.local === "complexContent") {
        checkNoStrayChildren(ctx, method, new Set([...PARTICLE_NAMES, ...ATTRIBUTE_NAMES]));
        content = {
          kind: "complexContent",
          derivation,
          base,
          baseSource: locate(ctx, method),
          particle: firstParticle(ctx, method),
        };
      } else {
        const inline = xsdChildren(method).find((c) => c.local === "simpleType");
        const facets =
          derivation === "restriction"
            ? readFacets(ctx, method, new Set(["simpleType", ...ATTRIBUTE_NAMES]))
            : {};
        if (derivation === "extension") checkNoStrayChildren(ctx, method, new Set(ATTRIBUTE_NAMES));
        content = {
          kind: "simpleContent",
          derivation,
          base,
          baseSource: locate(ctx, method),
          facets,
          ...(inline ? { inlineSimple: readSimpleType(ctx, inline, null) } : {}),
        };
      }
    }
  } else {
    checkNoStrayChildren(ctx, element, new Set([...PARTICLE_NAMES, ...ATTRIBUTE_NAMES]));
    content = { kind: "implicit", particle: firstParticle(ctx, element) };
  }
  const { items, anyAttribute } = readAttributeItems(ctx, attributeParent);
  return {
    name,
    abstract: attributeValue(element, "abstract") === "true",
    mixed,
    content,
    attributes: items,
    ...(anyAttribute ? { anyAttribute } : {}),
    source,
  };
}
