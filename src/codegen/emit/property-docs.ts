/**
 * Writes the TSDoc of a generated property: the schema's own `xsd:documentation` first, then what the
 * XSD says about the value (element or attribute name, XSD type, occurrence, default/fixed values and
 * the effective facets of the value's simple type).
 *
 * @module
 */
import { type FacetsMeta, parseClarkName, XSD_NAMESPACE } from "../../binding/metadata.js";
import type { IrAny, IrAttribute, IrElement, IrElementDecl, IrGroup, IrType } from "../ir/model.js";

/** `1 (required)`, `0..1 (optional)`, `0..* (optional, repeated)`, `1..* (repeated)`, `2..5 (repeated)`. */
export function describeOccurrence(min: number, max: number | "unbounded"): string {
  if (max === 1) return min === 1 ? "1 (required)" : `${min}..1 (optional)`;
  const upper = max === "unbounded" ? "*" : String(max);
  if (min === max) return `${min} (repeated)`;
  return `${min}..${upper} (${min === 0 ? "optional, repeated" : "repeated"})`;
}

/** The XSD name of a type for a reader: `xs:string` for a builtin, the local name otherwise. */
export function describeTypeName(clarkName: string): string {
  const { ns, name } = parseClarkName(clarkName);
  return ns === XSD_NAMESPACE ? `xs:${name}` : name;
}

/** Text as a Markdown code span (backticks in it lengthen the fence). */
function codeSpan(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return text.includes("`") ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** The facets of a value, one phrase each, in a fixed order; `undefined` when there are none. */
export function describeFacets(facets: FacetsMeta | undefined): string | undefined {
  if (!facets) return undefined;
  const parts: string[] = [];
  if (facets.enumeration && facets.enumeration.length > 0)
    parts.push(`enumeration ${facets.enumeration.map((v) => JSON.stringify(v)).join(", ")}`);
  for (const step of facets.pattern ?? []) parts.push(`pattern ${step.map(codeSpan).join(" or ")}`);
  for (const name of ["length", "minLength", "maxLength", "totalDigits", "fractionDigits"] as const) {
    const value = facets[name];
    if (value !== undefined) parts.push(`${name} ${value}`);
  }
  for (const name of ["minInclusive", "maxInclusive", "minExclusive", "maxExclusive"] as const) {
    const value = facets[name];
    if (value !== undefined) parts.push(`${name} ${value}`);
  }
  if (facets.whiteSpace) parts.push(`whiteSpace ${facets.whiteSpace}`);
  return parts.length > 0 ? `Facets: ${parts.join("; ")}.` : undefined;
}

/** The effective facets of the value held by a type: a simple type's, or a complex type's simple content. */
export function findValueFacets(
  typeIndex: ReadonlyMap<string, IrType>,
  clarkName: string,
): FacetsMeta | undefined {
  const t = typeIndex.get(clarkName);
  if (!t) return undefined;
  if (t.kind === "simple") return t.facets;
  if (!t.simpleContent) return undefined;
  return t.simpleContent.facets ?? findValueFacets(typeIndex, t.simpleContent.type);
}

/** Schema documentation as TSDoc paragraphs; `@` escaped so that it never starts a tag. */
function docParagraphs(doc: readonly string[] | undefined): string[] {
  return (doc ?? []).flatMap((p) => [p.replaceAll("@", "\\@"), ""]);
}

function valueSuffix(v: { readonly default?: string; readonly fixed?: string }): string {
  if (v.fixed !== undefined) return `, fixed ${JSON.stringify(v.fixed)}`;
  if (v.default !== undefined) return `, default ${JSON.stringify(v.default)}`;
  return "";
}

function withFacets(lines: string[], facets: FacetsMeta | undefined): string[] {
  const described = describeFacets(facets);
  return described ? [...lines, described] : lines;
}

/** The TSDoc lines of an element property; `inOptional` when a choice or optional group around it makes it optional. */
export function describeElementProperty(
  typeIndex: ReadonlyMap<string, IrType>,
  p: IrElement,
  inOptional: boolean,
): string[] {
  const where = inOptional ? "; optional as part of a choice or an optional group" : "";
  return withFacets(
    [
      ...docParagraphs(p.doc),
      `Element ${codeSpan(p.name)} of type ${codeSpan(describeTypeName(p.type))}, occurs ${describeOccurrence(p.min, p.max)}${where}${p.nillable ? ", nillable" : ""}${valueSuffix(p)}.`,
    ],
    findValueFacets(typeIndex, p.type),
  );
}

/** The TSDoc lines of a global element's entry in `$Elements`. */
export function describeGlobalElement(e: IrElementDecl): string[] {
  return [
    ...docParagraphs(e.doc),
    `Global element ${codeSpan(e.name)} of type ${codeSpan(describeTypeName(e.type))}${e.nillable ? ", nillable" : ""}.`,
  ];
}

/** The TSDoc lines of an attribute property. */
export function describeAttributeProperty(typeIndex: ReadonlyMap<string, IrType>, a: IrAttribute): string[] {
  return withFacets(
    [
      ...docParagraphs(a.doc),
      `Attribute ${codeSpan(a.name)} of type ${codeSpan(describeTypeName(a.type))}, ${a.use}${valueSuffix(a)}.`,
    ],
    findValueFacets(typeIndex, a.type),
  );
}

/** The TSDoc line of an `xsd:any` property. */
export function describeWildcardProperty(p: IrAny): string[] {
  return [
    `Wildcard ${codeSpan("xs:any")} (namespace ${p.namespace}, processContents ${p.processContents}), occurs ${describeOccurrence(p.min, p.max)}: the matched elements as trees.`,
  ];
}

/** The TSDoc line of a repeating model group's property. */
export function describeGroupProperty(g: IrGroup): string[] {
  const named = g.groupName ? ` (group ${codeSpan(g.groupName)})` : "";
  return [
    `Repeating ${g.kind}${named}, occurs ${describeOccurrence(g.min, g.max)}: one item per occurrence.`,
  ];
}

/** The TSDoc lines of the property that holds a simple-content value. */
export function describeSimpleContentProperty(
  typeIndex: ReadonlyMap<string, IrType>,
  content: { readonly type: string; readonly facets?: FacetsMeta },
): string[] {
  return withFacets(
    [`The element's character data, of type ${codeSpan(describeTypeName(content.type))}.`],
    content.facets ?? findValueFacets(typeIndex, content.type),
  );
}

/** The TSDoc line of the `xsd:anyAttribute` property. */
export function describeAnyAttributeProperty(a: {
  readonly namespace: string;
  readonly processContents: string;
}): string[] {
  return [
    `Attributes matched by ${codeSpan("xs:anyAttribute")} (namespace ${a.namespace}, processContents ${a.processContents}), by name.`,
  ];
}

/** The TSDoc line of the `$text` property of mixed content. */
export function describeMixedTextProperty(): string[] {
  return ["Character data between the child elements (mixed content), in document order."];
}
