/**
 * The IDoc types the reader knows, built once from the metadata generated from `xsd/idoc/`
 * (`src/generated/idoc/`): for every basic type (`LOIPRO01`, `LOIPRO05`) the tree of segment
 * specifications, and a catalogue of segments by name for segments met outside their place or in an IDoc
 * of a basic type without a schema.
 *
 * A segment's particles are split by type: an element of a simple type is a field (with its SAP data
 * type), an element of a complex type is a child segment (with its position and occurrence).
 *
 * @module
 */
import type { ComplexTypeMeta, ParticleMeta, TypeMeta } from "../binding/metadata.js";
import { $schema } from "../generated/idoc/no-namespace.js";
import { type SapDataType, sapDataTypeOf } from "./sap-data-type.js";

/** Where a child segment may stand under its parent, and how often. */
export interface ChildSegmentSpec {
  readonly spec: SegmentSpec;
  /** Position among the parent's child segments in schema order (0-based). */
  readonly order: number;
  readonly min: number;
  readonly max: number;
  /** A child added by the user's definitions (`loadIdocSchema`): its position is not checked. */
  readonly unordered?: boolean;
}

/** What the schema says about one segment type at one place. */
export interface SegmentSpec {
  /** Segment (element) name: `E1AFKOL`, `IDOC`, `EDI_DC40`. */
  readonly name: string;
  readonly fields: ReadonlyMap<string, SapDataType>;
  readonly children: ReadonlyMap<string, ChildSegmentSpec>;
  /**
   * True for the IDOC of a basic type without a schema: child segments it does not list are looked up
   * in the catalogue without being reported as misplaced.
   */
  readonly open?: boolean;
}

/** The reader's view of the project's IDoc schemas. */
export interface IdocSchema {
  /** Basic type → the specification of its `IDOC` element. */
  readonly basicTypes: ReadonlyMap<string, SegmentSpec>;
  /** Segment name → a specification (the newest basic type's where several declare it). */
  readonly catalogue: ReadonlyMap<string, SegmentSpec>;
}

let cached: IdocSchema | undefined;

/** The schema of the IDoc types the project reads (built on first use, then shared). */
export function idocSchema(): IdocSchema {
  cached ??= buildIdocSchema($schema.types, $schema.elements);
  return cached;
}

/**
 * Builds the reader's view from schema metadata.
 *
 * @param additions segments of the user's definitions (`loadIdocSchema`), each with the name of its
 *   complex type in `types`: one named like a segment of the schema adds its fields and child segments to
 *   that segment wherever it is declared; any other becomes a segment of the catalogue
 */
export function buildIdocSchema(
  types: Readonly<Record<string, TypeMeta>>,
  elements: Readonly<Record<string, { readonly type: string }>>,
  additions: readonly { readonly name: string; readonly type: string }[] = [],
): IdocSchema {
  const built = new Map<string, SegmentSpec>();
  const catalogue = new Map<string, SegmentSpec>();

  const segmentSpec = (name: string, typeName: string): SegmentSpec => {
    const key = `${name} ${typeName}`;
    const known = built.get(key);
    if (known) return known;
    const type = types[typeName];
    const fields = new Map<string, SapDataType>();
    const children = new Map<string, ChildSegmentSpec>();
    const spec: SegmentSpec = { name, fields, children };
    built.set(key, spec);
    const particles: { name: string; type: string; min: number; max: number }[] = [];
    if (type?.kind === "complex") collectElements(type, particles);
    for (const particle of particles) {
      const particleType = types[particle.type];
      if (particleType?.kind === "complex") {
        if (children.has(particle.name)) continue;
        children.set(particle.name, {
          spec: segmentSpec(particle.name, particle.type),
          order: children.size,
          min: particle.min,
          max: particle.max,
        });
      } else {
        const dataType = sapDataTypeOf(particle.type, types);
        if (dataType && !fields.has(particle.name)) fields.set(particle.name, dataType);
      }
    }
    catalogue.set(name, spec);
    return spec;
  };

  const basicTypes = new Map<string, SegmentSpec>();
  for (const [rootName, decl] of Object.entries(elements).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rootSpec = segmentSpec(rootName, decl.type);
    const idoc = rootSpec.children.get("IDOC");
    if (idoc) basicTypes.set(rootName, idoc.spec);
  }
  const standard = new Set(catalogue.keys());
  for (const { name, type } of additions) {
    if (!standard.has(name)) {
      segmentSpec(name, type);
      continue;
    }
    const added = segmentSpec(name, type);
    for (const spec of built.values()) {
      if (spec.name !== name || spec === added) continue;
      const fields = spec.fields as Map<string, SapDataType>;
      const children = spec.children as Map<string, ChildSegmentSpec>;
      for (const [field, type] of added.fields) if (!fields.has(field)) fields.set(field, type);
      for (const [child, entry] of added.children)
        if (!children.has(child)) children.set(child, { ...entry, unordered: true });
    }
    catalogue.set(name, [...built.values()].find((s) => s.name === name && s !== added) ?? added);
  }
  return { basicTypes, catalogue };
}

function collectElements(
  type: ComplexTypeMeta,
  out: { name: string; type: string; min: number; max: number }[],
): void {
  const walk = (particle: ParticleMeta) => {
    if (particle.kind === "element") {
      out.push({
        name: particle.name,
        type: particle.type,
        min: particle.min,
        max: particle.max === "unbounded" ? Number.POSITIVE_INFINITY : particle.max,
      });
    } else if (particle.kind !== "any") for (const child of particle.particles) walk(child);
  };
  if (type.content) walk(type.content);
}

/** The specification of the `IDOC` of a basic type without a schema: its control record, nothing else. */
export function openIdocSpec(schema: IdocSchema): SegmentSpec {
  const control = schema.catalogue.get("EDI_DC40");
  const children = new Map<string, ChildSegmentSpec>();
  if (control) children.set("EDI_DC40", { spec: control, order: 0, min: 1, max: 1 });
  return { name: "IDOC", fields: new Map(), children, open: true };
}
