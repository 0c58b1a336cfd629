/**
 * The pass `collect-types` (see `PASSES` in `pass-list.ts`): lists every type definition of the set, named
 * and anonymous, in schema order.
 *
 * Needs: the XSD component model. Guarantees: every type definition once, in a deterministic order: by
 * file (load order), then position; an anonymous type right after the component that holds it, in the
 * order it appears. An anonymous type carries the name its place asks for, built from the path of names
 * that leads to it (`ProcessProductionScheduleType_DataArea`, `E_Type` for a global element E, `T_attr`
 * for an attribute's inline simple type); clashes are resolved by the next pass
 * ({@link nameAnonymousTypes}).
 *
 * @module
 */
import type { SourceLocation } from "../diagnostics.js";
import type {
  QName,
  TypeUse,
  XsdAttributeItem,
  XsdComplexType,
  XsdParticle,
  XsdSchemaSet,
  XsdSimpleType,
} from "../xsd/model.js";

export type XsdTypeDef = XsdComplexType | XsdSimpleType;

export interface CollectedType {
  /** A named type's name; for an anonymous type, the name its place asks for (it may still clash). */
  readonly qname: QName;
  readonly def: XsdTypeDef;
  readonly kind: "complex" | "simple";
  readonly anonymous: boolean;
}

function compareSources(files: readonly string[]) {
  const order = new Map(files.map((f, i) => [f, i]));
  return (a: SourceLocation, b: SourceLocation) =>
    (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column;
}

export function collectTypes(set: XsdSchemaSet): CollectedType[] {
  const ordered: CollectedType[] = [];
  const compare = compareSources(set.files);

  // Anonymous types are listed right after the component that holds them, in the order they appear.
  const visitTypeUse = (use: TypeUse, ns: string | null, path: string) => {
    if (use.kind === "inlineComplex") {
      ordered.push({ qname: { ns, local: path }, def: use.def, kind: "complex", anonymous: true });
      visitComplex(use.def, ns, path);
    } else if (use.kind === "inlineSimple") {
      ordered.push({ qname: { ns, local: path }, def: use.def, kind: "simple", anonymous: true });
      visitSimple(use.def, ns, path);
    }
  };
  const visitSimple = (def: XsdSimpleType, ns: string | null, path: string) => {
    const v = def.variety;
    if (v.kind === "restriction" && v.inlineBase)
      visitTypeUse({ kind: "inlineSimple", def: v.inlineBase }, ns, `${path}_base`);
    if (v.kind === "list" && v.inlineItem)
      visitTypeUse({ kind: "inlineSimple", def: v.inlineItem }, ns, `${path}_item`);
    if (v.kind === "union")
      v.inlineMembers.forEach((m, i) => {
        visitTypeUse({ kind: "inlineSimple", def: m }, ns, `${path}_member${i + 1}`);
      });
  };
  const visitAttributes = (items: readonly XsdAttributeItem[], ns: string | null, path: string) => {
    for (const item of items) {
      if (item.kind === "attribute") visitTypeUse(item.decl.type, ns, `${path}_${item.decl.name.local}`);
    }
  };
  const visitParticle = (particle: XsdParticle | null, ns: string | null, path: string) => {
    if (!particle) return;
    if (particle.kind === "element")
      visitTypeUse(particle.decl.type, ns, `${path}_${particle.decl.name.local}`);
    else if (particle.kind === "sequence" || particle.kind === "choice" || particle.kind === "all")
      for (const p of particle.particles) visitParticle(p, ns, path);
  };
  const visitComplex = (def: XsdComplexType, ns: string | null, path: string) => {
    const c = def.content;
    if (c.kind === "simpleContent") {
      if (c.inlineSimple) visitTypeUse({ kind: "inlineSimple", def: c.inlineSimple }, ns, `${path}_value`);
    } else visitParticle(c.particle, ns, path);
    visitAttributes(def.attributes, ns, path);
  };

  type Global = { source: SourceLocation; visit: () => void };
  const globals: Global[] = [];
  for (const [key, def] of set.complexTypes) {
    const qname = def.name ?? { ns: null, local: key };
    globals.push({
      source: def.source,
      visit: () => {
        ordered.push({ qname, def, kind: "complex", anonymous: false });
        visitComplex(def, qname.ns, qname.local);
      },
    });
  }
  for (const [key, def] of set.simpleTypes) {
    const qname = def.name ?? { ns: null, local: key };
    globals.push({
      source: def.source,
      visit: () => {
        ordered.push({ qname, def, kind: "simple", anonymous: false });
        visitSimple(def, qname.ns, qname.local);
      },
    });
  }
  for (const decl of set.elements.values())
    globals.push({
      source: decl.source,
      visit: () => visitTypeUse(decl.type, decl.name.ns, `${decl.name.local}_Type`),
    });
  for (const group of set.groups.values())
    globals.push({
      source: group.source,
      visit: () => visitParticle(group.particle, group.name.ns, group.name.local),
    });
  for (const ag of set.attributeGroups.values())
    globals.push({
      source: ag.source,
      visit: () => visitAttributes(ag.attributes, ag.name.ns, ag.name.local),
    });
  for (const attr of set.attributes.values())
    globals.push({
      source: attr.source,
      visit: () => visitTypeUse(attr.type, attr.name.ns, `${attr.name.local}_Type`),
    });

  globals.sort((a, b) => compare(a.source, b.source));
  for (const g of globals) g.visit();
  return ordered;
}
