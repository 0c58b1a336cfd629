/**
 * The pass `read-schema-set` (see `PASSES` in `pass-list.ts`): turns loaded schema documents into the XSD
 * component model.
 *
 * Needs: the documents from the `load-schema-documents` pass. Guarantees: every global component once,
 * keyed by Clark name, with its source position; a name defined twice in one namespace by different files
 * is reported.
 *
 * @module
 */
import { attributeValue, type XmlElement } from "../../binding/xml-tree.js";
import type { DiagnosticSink, SourceLocation } from "../diagnostics.js";
import type { SchemaDocument } from "./load-schema-documents.js";
import {
  clark,
  type QName,
  type XsdAttributeDecl,
  type XsdAttributeGroupDef,
  type XsdComplexType,
  type XsdElementDecl,
  type XsdGroupDef,
  type XsdSchemaSet,
  type XsdSimpleType,
} from "./model.js";
import { readAttributeDecl, readAttributeItems } from "./read-attributes.js";
import { readComplexType } from "./read-complex-type.js";
import { locate, type ReadContext, reportUnsupported, xsdChildren } from "./read-context.js";
import { readElementDecl, readModelGroup } from "./read-particle.js";
import { readSimpleType } from "./read-simple-type.js";

class Registry<T extends { readonly source: SourceLocation }> {
  readonly map = new Map<string, T>();
  /**
   * @param symbols the symbol space: registries that share one (simple and complex types do) see each
   *   other's names
   */
  constructor(
    private readonly kind: string,
    private readonly sink: DiagnosticSink,
    private readonly symbols: Map<string, { readonly source: SourceLocation }> = new Map(),
  ) {}
  add(name: QName, component: T): void {
    const key = clark(name);
    const existing = this.symbols.get(key);
    if (existing) {
      this.sink.report({
        code: "DUPLICATE_DEFINITION",
        message: `${this.kind} ${name.local} is already defined at ${existing.source.file}:${existing.source.line}`,
        location: component.source,
        qname: key,
      });
      return;
    }
    this.map.set(key, component);
    this.symbols.set(key, component);
  }
}

export function readSchemaSet(documents: readonly SchemaDocument[], sink: DiagnosticSink): XsdSchemaSet {
  // simple and complex types share one symbol space
  const typeSymbols = new Map<string, { readonly source: SourceLocation }>();
  const complexTypes = new Registry<XsdComplexType>("type", sink, typeSymbols);
  const simpleTypes = new Registry<XsdSimpleType>("type", sink, typeSymbols);
  const elements = new Registry<XsdElementDecl>("element", sink);
  const groups = new Registry<XsdGroupDef>("group", sink);
  const attributeGroups = new Registry<XsdAttributeGroupDef>("attributeGroup", sink);
  const attributes = new Registry<XsdAttributeDecl>("attribute", sink);
  const namespaces = new Set<string | null>();

  for (const doc of documents) {
    namespaces.add(doc.targetNamespace);
    const ctx: ReadContext = { doc, sink, readComplexType };
    const named = (element: XmlElement): QName | null => {
      const name = attributeValue(element, "name");
      if (name === undefined) {
        sink.report({
          code: "INVALID_SCHEMA",
          message: `a global xsd:${element.local} needs a name`,
          location: locate(ctx, element),
        });
        return null;
      }
      return { ns: doc.targetNamespace, local: name };
    };
    for (const child of xsdChildren(doc.root)) {
      switch (child.local) {
        case "include":
        case "import":
        case "redefine":
        case "override":
          break; // handled (or reported) by the load pass
        case "element": {
          const decl = readElementDecl(ctx, child, true);
          if (decl) elements.add(decl.name, decl);
          break;
        }
        case "complexType": {
          const name = named(child);
          if (name) complexTypes.add(name, readComplexType(ctx, child, name));
          break;
        }
        case "simpleType": {
          const name = named(child);
          if (name) simpleTypes.add(name, readSimpleType(ctx, child, name));
          break;
        }
        case "group": {
          const name = named(child);
          if (!name) break;
          const body = xsdChildren(child).find(
            (c) => c.local === "sequence" || c.local === "choice" || c.local === "all",
          );
          groups.add(name, {
            name,
            particle: body ? readModelGroup(ctx, body) : null,
            source: locate(ctx, child),
          });
          break;
        }
        case "attributeGroup": {
          const name = named(child);
          if (!name) break;
          const { items, anyAttribute } = readAttributeItems(ctx, child);
          attributeGroups.add(name, {
            name,
            attributes: items,
            ...(anyAttribute ? { anyAttribute } : {}),
            source: locate(ctx, child),
          });
          break;
        }
        case "attribute": {
          const decl = readAttributeDecl(ctx, child, true);
          if (decl) attributes.add(decl.name, decl);
          break;
        }
        default:
          reportUnsupported(ctx, child, "a schema");
      }
    }
  }
  return {
    files: [...new Set(documents.map((d) => d.file))],
    complexTypes: complexTypes.map,
    simpleTypes: simpleTypes.map,
    elements: elements.map,
    groups: groups.map,
    attributeGroups: attributeGroups.map,
    attributes: attributes.map,
    namespaces: [...namespaces],
  };
}
