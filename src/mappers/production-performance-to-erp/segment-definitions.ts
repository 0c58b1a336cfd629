/**
 * The field order of every segment the ERP postings write, read from the IDoc types generated from
 * `xsd/idoc/` (`src/generated/idoc/`, through {@link idocSchema}): the XSD is the one source of field
 * order. A field the mapper sets that the schema does not declare is not in these definitions, and the
 * writer refuses it (`writeIdocXml` throws) instead of dropping it. SAP's parser is lenient about field
 * order inside a segment, not about segment order (reference §3).
 *
 * @module
 */
import { idocSchema, type SegmentSpec } from "../../idoc/idoc-schema.js";
import type { SegmentDefinitions } from "../../idoc/write-idoc-xml.js";

/** The basic types the ERP postings write. */
export type PostingBasicType = "PPCC2PRETTICKET02" | "MBGMCR03";

const POSTING_BASIC_TYPES: readonly PostingBasicType[] = ["PPCC2PRETTICKET02", "MBGMCR03"];

const cache = new Map<PostingBasicType, SegmentDefinitions>();

/**
 * The data segments of one basic type with their fields in schema order (the control record EDI_DC40
 * is the writer's own).
 *
 * @throws {Error} when the generated IDoc types lack the basic type (a build defect)
 */
export function postingSegments(basicType: PostingBasicType): SegmentDefinitions {
  const known = cache.get(basicType);
  if (known !== undefined) return known;
  const idoc = idocSchema().basicTypes.get(basicType);
  if (idoc === undefined) throw new Error(`postingSegments: the generated IDoc types lack ${basicType}`);
  const out: Record<string, readonly string[]> = {};
  collectFieldOrders(idoc, out);
  cache.set(basicType, out);
  return out;
}

function collectFieldOrders(spec: SegmentSpec, out: Record<string, readonly string[]>): void {
  for (const [name, child] of spec.children) {
    if (name === "EDI_DC40" || out[name] !== undefined) continue;
    out[name] = [...child.spec.fields.keys()];
    collectFieldOrders(child.spec, out);
  }
}

/** Every segment this mapper writes (both basic types), with its fields in schema order. */
export const POSTING_SEGMENTS: SegmentDefinitions = Object.assign(
  {},
  ...POSTING_BASIC_TYPES.map((basicType) => postingSegments(basicType)),
);
