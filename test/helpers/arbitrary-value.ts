/**
 * fast-check arbitraries of values of the generated types, driven by the binding metadata: required
 * particles and attributes always present, optional ones sometimes, at most two occurrences of a
 * repeating one, one branch of a choice, and lexically valid simple values for each builtin primitive
 * and enumeration. Recursion is cut off below `maxDepth` (only required content there).
 */
import fc from "fast-check";
import type {
  ComplexTypeMeta,
  GroupParticleMeta,
  ParticleMeta,
  SimpleTypeMeta,
} from "../../src/binding/metadata.js";
import { indexSchemaSet, type RootMeta, type SchemaIndex } from "../../src/binding/schema-index.js";

const XS = "{http://www.w3.org/2001/XMLSchema}";

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,11}$/);
const decimal = fc
  .tuple(fc.integer({ min: -99999, max: 99999 }), fc.stringMatching(/^[0-9]{0,4}$/))
  .map(([i, f]) => (f === "" ? String(i) : `${i}.${f}`));
const dateTime = fc
  .record({
    y: fc.integer({ min: 2000, max: 2099 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    frac: fc.constantFrom("", ".5", ".250", ".123456"),
    tz: fc.constantFrom("Z", "+01:00", "-04:00", "+05:30"),
  })
  .map(
    ({ y, mo, d, h, mi, frac, tz }) =>
      `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:00${frac}${tz}`,
  );

const BY_PRIMITIVE: Record<string, fc.Arbitrary<string>> = {
  decimal,
  integer: fc.integer({ min: -1000, max: 1000 }).map(String),
  nonNegativeInteger: fc.nat(1000).map(String),
  positiveInteger: fc.integer({ min: 1, max: 1000 }).map(String),
  int: fc.integer({ min: -1000, max: 1000 }).map(String),
  long: fc.integer({ min: -1000, max: 1000 }).map(String),
  double: fc.constantFrom("1.5", "-0.25", "1E3", "0"),
  float: fc.constantFrom("1.5", "-0.25", "1E3", "0"),
  boolean: fc.constantFrom("true", "false", "1", "0"),
  dateTime,
  date: fc.constantFrom("2026-03-29", "2024-02-29"),
  time: fc.constantFrom("08:00:00", "23:59:59.5+01:00"),
  duration: fc.constantFrom("PT6H", "P1DT2H30M", "PT0.5S"),
  anyURI: fc.constantFrom("urn:example:a", "https://example.org/x"),
  language: fc.constantFrom("en", "de-CH"),
  base64Binary: fc.constantFrom("AA==", "SGVsbG8="),
  hexBinary: fc.constantFrom("0A", "FF00"),
};

export class ValueArbitraries {
  private readonly index: SchemaIndex;
  constructor(
    root: RootMeta,
    private readonly maxDepth = 4,
  ) {
    this.index = indexSchemaSet(root.schemaSet);
  }

  simple(type: string, facets?: SimpleTypeMeta["facets"]): fc.Arbitrary<string> {
    if (facets?.enumeration && facets.enumeration.length > 0) return fc.constantFrom(...facets.enumeration);
    if (type.startsWith(XS)) return BY_PRIMITIVE[type.slice(XS.length)] ?? word;
    const meta = this.index.types.get(type);
    if (meta?.kind !== "simple") return word;
    if (meta.facets.enumeration && meta.facets.enumeration.length > 0)
      return fc.constantFrom(...meta.facets.enumeration);
    if (meta.variety === "union") return fc.oneof(...(meta.memberTypes ?? []).map((m) => this.simple(m)));
    if (meta.variety === "list") return word;
    return BY_PRIMITIVE[meta.primitive ?? ""] ?? word;
  }

  value(type: string, depth: number): fc.Arbitrary<unknown> {
    const meta = this.index.types.get(type);
    if (!meta || meta.kind === "simple") return this.simple(type);
    return this.complex(meta, depth);
  }

  private complex(type: ComplexTypeMeta, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const parts: fc.Arbitrary<Record<string, unknown>>[] = [];
    for (const a of type.attributes) {
      const arb = this.simple(a.type).map((v) => ({ [a.prop]: v }));
      parts.push(a.use === "required" ? arb : fc.option(arb, { nil: undefined }).map((v) => v ?? {}));
    }
    if (type.simpleContent) {
      const { prop, type: valueType, facets } = type.simpleContent;
      parts.push(this.simple(valueType, facets).map((v) => ({ [prop]: v })));
    }
    if (type.content) parts.push(this.particle(type.content, depth + 1));
    return fc.tuple(...parts).map((objects) => Object.assign({}, ...objects));
  }

  private count(p: ParticleMeta, depth: number): fc.Arbitrary<number> {
    const max = p.max === "unbounded" ? 2 : Math.min(p.max, 2);
    const min = Math.min(p.min, max);
    return depth > this.maxDepth ? fc.constant(min) : fc.integer({ min, max });
  }

  private particle(p: ParticleMeta, depth: number): fc.Arbitrary<Record<string, unknown>> {
    if (p.kind === "any") return fc.constant({});
    if (p.kind === "element") {
      return this.count(p, depth).chain((n) => {
        if (n === 0) return fc.constant({});
        const one = this.value(p.type, depth);
        return p.max === 1
          ? one.map((v) => ({ [p.prop]: v }))
          : fc.array(one, { minLength: n, maxLength: n }).map((v) => ({ [p.prop]: v }));
      });
    }
    const once = this.groupOnce(p, depth);
    // an occurrence of a repeating group that writes nothing is no occurrence: items are never empty
    const item = once.filter((o) => Object.keys(o).length > 0);
    if (p.prop === undefined)
      return p.min === 0 && depth <= this.maxDepth
        ? fc.option(once, { nil: undefined }).map((v) => v ?? {})
        : once;
    return this.count(p, depth).chain((n) =>
      n === 0
        ? fc.constant({})
        : fc.array(item, { minLength: n, maxLength: n }).map((items) => ({ [p.prop as string]: items })),
    );
  }

  private groupOnce(g: GroupParticleMeta, depth: number): fc.Arbitrary<Record<string, unknown>> {
    if (g.kind === "choice")
      return fc.oneof(
        ...g.particles.map((q) => this.particle({ ...q, min: Math.max(q.min, 1) } as ParticleMeta, depth)),
      );
    return fc
      .tuple(...g.particles.map((q) => this.particle(q, depth)))
      .map((objects) => Object.assign({}, ...objects));
  }
}
