/**
 * What every reader of XSD constructs shares: the document being read, QName resolution with the
 * chameleon rule, source locations and diagnostics.
 *
 * @module
 */
import { attributeValue, childElements, type XmlElement } from "../../binding/xml-tree.js";
import type { DiagnosticSink, SourceLocation } from "../diagnostics.js";
import type { SchemaDocument } from "./load-schema-documents.js";
import { type Occurs, type QName, XS, type XsdComplexType } from "./model.js";

export interface ReadContext {
  readonly doc: SchemaDocument;
  readonly sink: DiagnosticSink;
  /** Reads an inline `xsd:complexType` (injected, so that particle and type readers import no cycle). */
  readonly readComplexType: (ctx: ReadContext, element: XmlElement, name: QName | null) => XsdComplexType;
}

export function locate(ctx: ReadContext, element: XmlElement): SourceLocation {
  return { file: ctx.doc.file, line: element.line, column: element.column };
}

/**
 * Resolves a QName-valued attribute (`type`, `base`, `ref` …) against the prefixes in scope. In a chameleon
 * document, an unqualified name takes the includer's namespace.
 */
export function resolveQName(ctx: ReadContext, element: XmlElement, value: string): QName | null {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(":");
  const prefix = colon < 0 ? "" : trimmed.slice(0, colon);
  const local = colon < 0 ? trimmed : trimmed.slice(colon + 1);
  let ns: string | null;
  if (prefix === "xml") ns = "http://www.w3.org/XML/1998/namespace";
  else {
    const bound = element.scope.get(prefix);
    if (bound === undefined && prefix !== "") {
      ctx.sink.report({
        code: "INVALID_SCHEMA",
        message: `the prefix "${prefix}" is not declared`,
        location: locate(ctx, element),
        qname: trimmed,
      });
      return null;
    }
    ns = bound === undefined || bound === "" ? null : bound;
  }
  if (ns === null && ctx.doc.declaredNamespace === null) ns = ctx.doc.targetNamespace;
  return { ns, local };
}

/** Reads a QName attribute that must be present. */
export function requiredQName(ctx: ReadContext, element: XmlElement, attribute: string): QName | null {
  const value = attributeValue(element, attribute);
  if (value === undefined) {
    ctx.sink.report({
      code: "INVALID_SCHEMA",
      message: `xsd:${element.local} needs a ${attribute} attribute`,
      location: locate(ctx, element),
    });
    return null;
  }
  return resolveQName(ctx, element, value);
}

/** Reads `minOccurs`/`maxOccurs` (default 1/1). */
export function readOccurs(ctx: ReadContext, element: XmlElement): Occurs {
  const parse = (name: string): number | "unbounded" => {
    const raw = attributeValue(element, name);
    if (raw === undefined) return 1;
    const value = raw.trim();
    if (name === "maxOccurs" && value === "unbounded") return "unbounded";
    if (!/^\d+$/.test(value)) {
      ctx.sink.report({
        code: "INVALID_SCHEMA",
        message: `${name} must be a non-negative integer${name === "maxOccurs" ? " or unbounded" : ""}`,
        location: locate(ctx, element),
        qname: value,
      });
      return 1;
    }
    return Number(value);
  };
  const min = parse("minOccurs");
  return { min: min === "unbounded" ? 1 : min, max: parse("maxOccurs") };
}

/** The XSD child elements, annotations left out. */
export function xsdChildren(element: XmlElement): XmlElement[] {
  return childElements(element).filter((child) => child.ns === XS && child.local !== "annotation");
}

/** Reports an XSD construct that the generator does not handle. */
export function reportUnsupported(ctx: ReadContext, element: XmlElement, where: string): void {
  ctx.sink.report({
    code: "UNSUPPORTED_CONSTRUCT",
    message: `xsd:${element.local} is not supported in ${where}`,
    location: locate(ctx, element),
    qname: `${element.prefix ? `${element.prefix}:` : ""}${element.local}`,
  });
}

/** The qualified name of a local element or attribute declaration, after `form`/`*FormDefault`. */
export function localDeclName(
  ctx: ReadContext,
  element: XmlElement,
  name: string,
  kind: "element" | "attribute",
): QName {
  const form = attributeValue(element, "form");
  const qualified =
    form !== undefined
      ? form === "qualified"
      : kind === "element"
        ? ctx.doc.elementFormQualified
        : ctx.doc.attributeFormQualified;
  return { ns: qualified ? ctx.doc.targetNamespace : null, local: name };
}
