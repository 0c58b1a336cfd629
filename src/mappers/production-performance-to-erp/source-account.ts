/**
 * The account of what the postings did not carry (PERF-POST-006): every value of the document — the
 * text of an element with simple content, every attribute — is either read into a posting (the mapping
 * marks its XPath with {@link carry}) or listed as an {@link UnmappedField} with its XPath and why.
 *
 * Paths are the mapping's XPaths: every element that may repeat by the V0600 profile is indexed
 * (`…/MaterialProducedActual[1]/MaterialLotID[1]`), one that may not is not (`…/SegmentResponse[1]/ID`);
 * an attribute is `…/ID/@schemeID`. Namespace declarations and `xsi:` attributes are no data.
 *
 * @module
 */
import type { ParticleMeta } from "../../binding/metadata.js";
import { complexType, indexSchemaSet, rootOf, type SchemaIndex } from "../../binding/schema-index.js";
import { childElements, textContent, type XmlElement } from "../../binding/xml-tree.js";
import { schemaSet } from "../../generated/b2mml-v0600/index.js";
import type { UnmappedField } from "../shared/unmapped.js";

const XMLNS = "http://www.w3.org/2000/xmlns/";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The XPaths of the values read into a posting. */
export type CarriedPaths = Set<string>;

/** Marks values as carried into a posting (their XPaths, elements or `…/@attribute`). */
export function carry(carried: CarriedPaths | undefined, ...paths: (string | undefined)[]): void {
  if (carried === undefined) return;
  for (const p of paths) if (p !== undefined) carried.add(p);
}

/** One value of the document: its XPath and the element (and attribute) it belongs to. */
export interface SourceValue {
  readonly path: string;
  readonly element: string;
  readonly attribute?: string;
}

interface ChildInfo {
  readonly type: string;
  readonly repeats: boolean;
}

/** The child elements a type may hold: their type and whether they may repeat. */
function childrenOf(index: SchemaIndex, type: string | undefined): ReadonlyMap<string, ChildInfo> {
  const out = new Map<string, ChildInfo>();
  const t = type === undefined ? undefined : complexType(index, type);
  if (t?.content == null) return out;
  const walk = (p: ParticleMeta, repeated: boolean) => {
    const many = repeated || p.max === "unbounded" || p.max > 1;
    if (p.kind === "element") out.set(p.name, { type: p.type, repeats: many });
    else if (p.kind !== "any") for (const q of p.particles) walk(q, many);
  };
  walk(t.content, false);
  return out;
}

/** Every value of the document, in document order, with the mapping's XPaths. */
export function listSourceValues(root: XmlElement): SourceValue[] {
  const index = indexSchemaSet(schemaSet);
  const out: SourceValue[] = [];
  const visit = (element: XmlElement, path: string, type: string | undefined) => {
    for (const a of element.attributes) {
      if (a.ns === XMLNS || a.ns === XSI || (a.prefix === "" && a.local === "xmlns")) continue;
      out.push({ path: `${path}/@${a.local}`, element: element.local, attribute: a.local });
    }
    const children = childElements(element);
    if (children.length === 0) {
      if (textContent(element).trim() !== "") out.push({ path, element: element.local });
      return;
    }
    const known = childrenOf(index, type);
    const counts = new Map<string, number>();
    for (const child of children) {
      const n = (counts.get(child.local) ?? 0) + 1;
      counts.set(child.local, n);
      const info = known.get(child.local);
      const repeats = info?.repeats ?? children.filter((c) => c.local === child.local).length > 1;
      visit(child, `${path}/${child.local}${repeats ? `[${n}]` : ""}`, info?.type);
    }
  };
  let rootType: string | undefined;
  try {
    rootType = rootOf(schemaSet, root.local).element.type;
  } catch {
    rootType = undefined;
  }
  visit(root, `/${root.local}`, rootType);
  return out;
}

/** Why an element and everything in it is not posted, by the element's name. */
const NOT_POSTED: Readonly<Record<string, string>> = {
  Description: "descriptions are not posted",
  ProductionData:
    "ProductionData is posted only as a time ticket's link, DEV_REASON and FIN_CONF (PERF-POST-012, 018)",
  PublishedDate: "no field of the postings takes it",
  ProductionScheduleID: "no field of the postings takes it",
  ResponseState: "the state of a response or performance is not posted",
  PerformanceState: "the state of a response or performance is not posted",
  PhysicalAssetActual: "physical-asset actuals are not posted",
  ConsumableActual: "consumable actuals are not posted",
  ProductProductionRuleID: "no field of the postings takes it",
  MaterialSubLotID: "no field of the postings takes a sub-lot",
};

/** Why the text of an element is not posted, by the element's name (its attributes: the default). */
const TEXT_NOT_POSTED: Readonly<Record<string, string>> = {
  MaterialLotID:
    "BATCH is posted from the first MaterialLotID of a goods movement only (PERF-POST-024); a confirmed yield, scrap or rework has no batch field",
  MaterialDefinitionID:
    "MATERIAL is posted from the first MaterialDefinitionID of a goods movement only (PERF-POST-023); a time ticket confirms the operation, not a material",
};

const PROPERTY = /Property\[\d+\]$/;

/**
 * The values not carried: every value of the document whose XPath the mapping did not mark, with the
 * reason `not-posted` and what the postings lack for it.
 */
export function listUnmapped(root: XmlElement, carried: CarriedPaths): UnmappedField[] {
  return listSourceValues(root)
    .filter((v) => !carried.has(v.path))
    .map((v) => ({ path: v.path, reason: "not-posted", message: explainNotPosted(v) }));
}

function explainNotPosted(v: SourceValue): string {
  const steps = v.path.split("/");
  if (v.attribute === undefined) {
    const own = TEXT_NOT_POSTED[v.element];
    if (own !== undefined) return own;
  }
  for (let i = steps.length - 1; i > 0; i--) {
    const step = steps[i] ?? "";
    const reason = NOT_POSTED[step.replace(/\[\d+\]$/, "")];
    if (reason !== undefined) return reason;
    if (PROPERTY.test(step)) {
      const rest = steps.slice(i + 1).join("/");
      return rest === "ID" || rest === "Value[1]/ValueString"
        ? "a property the postings do not read for this kind of posting (PERF-POST-011 … 061 name the ones read)"
        : `${v.attribute === undefined ? v.element : `the attribute ${v.attribute} of ${v.element}`} of a property is not posted`;
    }
  }
  return v.attribute === undefined
    ? `${v.element} is not read into any posting of this document`
    : `the attribute ${v.attribute} of ${v.element} is not read into any posting of this document`;
}
