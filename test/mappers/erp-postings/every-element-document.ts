/**
 * A SyncProductionPerformance that fills every element and attribute of the V0600 profile reachable
 * from it, built from the generated binding metadata: each element particle once (every branch of a
 * choice); a type inside itself (a Location in a Location) holds only its required content, so the
 * recursion ends; wildcards are left empty.
 * Values: enumerations' first value, a lexically valid value per builtin type, and the few business
 * values the postings need (an operation, an order, a quantity with a unit, dates with an offset).
 */
import type { ParticleMeta, SimpleTypeMeta } from "../../../src/binding/metadata.js";
import { complexType, indexSchemaSet, rootOf } from "../../../src/binding/schema-index.js";
import { schemaSet } from "../../../src/generated/b2mml-v0600/index.js";

const index = indexSchemaSet(schemaSet);
const XS = "{http://www.w3.org/2001/XMLSchema}";
const NS = "http://www.mesa.org/xml/B2MML-V0600";

const BY_PRIMITIVE: Readonly<Record<string, string>> = {
  dateTime: "2026-04-15T10:00:00+02:00",
  date: "2026-04-15",
  time: "10:00:00",
  duration: "PT1H",
  decimal: "5",
  integer: "1",
  nonNegativeInteger: "1",
  positiveInteger: "1",
  int: "1",
  long: "1",
  double: "1.5",
  float: "1.5",
  boolean: "true",
  anyURI: "urn:b2mml:every-element",
  language: "en",
  base64Binary: "QUJD",
  hexBinary: "0A",
};

/** The value an element or attribute gets in the document: business values first, then by type. */
function pickValue(type: string, name: string, parents: readonly string[]): string {
  const parent = parents[parents.length - 1] ?? "";
  const grand = parents[parents.length - 2] ?? "";
  if (name === "ID" && parent === "SegmentResponse") return "10";
  if (name === "ProductionRequestID") return "1004711";
  if (name === "QuantityString") return "5";
  if (name === "UnitOfMeasure" || name === "unitCode") return "KGM";
  if (name === "Key" && parent === "Quantity" && grand === "EquipmentActual") return "CONF_ACTIVITY1";
  if (name === "Key" && parent === "Quantity" && grand === "PersonnelActual") return "CONF_ACTIVITY4";
  if (name === "MaterialDefinitionID") return "4711";
  if (name === "MaterialLotID") return "LOT-1";
  if (name === "MaterialUse") return "Consumed";
  return valueOfType(type, name);
}

function valueOfType(type: string, name: string): string {
  const t = index.types.get(type);
  if (type.startsWith(XS)) return BY_PRIMITIVE[type.slice(XS.length)] ?? `${name}-1`;
  if (t?.kind === "complex") {
    const facets = t.simpleContent?.facets;
    if (facets?.enumeration?.[0] !== undefined) return facets.enumeration[0];
    return t.simpleContent === undefined ? `${name}-1` : valueOfType(t.simpleContent.type, name);
  }
  const simple = t as SimpleTypeMeta | undefined;
  if (simple?.facets.enumeration?.[0] !== undefined) return simple.facets.enumeration[0];
  if (simple?.primitive !== undefined && BY_PRIMITIVE[simple.primitive] !== undefined)
    return BY_PRIMITIVE[simple.primitive] as string;
  if (simple?.base !== undefined) return valueOfType(simple.base, name);
  return `${name}-1`;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

function writeElement(
  name: string,
  type: string,
  parents: readonly string[],
  types: readonly string[],
): string {
  const t = complexType(index, type);
  // a type already expanded above: only its required content (the recursion ends)
  const minimal = types.includes(type);
  const attrs = (t?.attributes ?? [])
    .filter((a) => !minimal || a.use === "required")
    .map((a) => ` ${a.name}="${escapeXml(pickValue(a.type, a.name, [...parents, name]))}"`)
    .join("");
  if (t === undefined || t.simpleContent !== undefined)
    return `<${name}${attrs}>${escapeXml(pickValue(type, name, parents))}</${name}>`;
  const inner: string[] = [];
  const walk = (p: ParticleMeta) => {
    if (minimal && p.min === 0) return;
    if (p.kind === "element") {
      inner.push(writeElement(p.name, p.type, [...parents, name], [...types, type]));
    } else if (p.kind !== "any") for (const q of p.particles) walk(q);
  };
  if (t.content !== null) walk(t.content);
  return `<${name}${attrs}>${inner.join("")}</${name}>`;
}

/** The document (UTF-8 text). */
export function everyElementDocument(): string {
  const root = rootOf(schemaSet, "SyncProductionPerformance").element;
  const xml = writeElement(root.name, root.type, [], []);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(
    /^<SyncProductionPerformance/,
    `<SyncProductionPerformance xmlns="${NS}"`,
  )}\n`;
}
