/**
 * Pass 4, build: turns the component model into the intermediate model, namespace by namespace.
 *
 * Needs: the component model and the collected types. Guarantees: every type built once (derivation
 * resolved, groups expanded, facets merged), every reference checked (an unresolved one is reported where
 * it is written, also inside groups and attribute groups no type uses), property names assigned.
 *
 * @module
 */
import type { DiagnosticSink } from "../diagnostics.js";
import type { IrElementDecl, IrNamespace, IrSchemaSet, IrType } from "../ir/model.js";
import { clark, type XsdComplexType, type XsdSchemaSet, type XsdSimpleType } from "../xsd/model.js";
import { assignPropertyNames } from "./assign-property-names.js";
import { ComplexTypeBuilder } from "./build-complex-type.js";
import { type BuildContext, typeRefOf } from "./build-context.js";
import { SimpleTypeBuilder } from "./build-simple-type.js";
import type { CollectedTypes } from "./collect-types.js";

export function buildIr(set: XsdSchemaSet, collected: CollectedTypes, sink: DiagnosticSink): IrSchemaSet {
  const ctx: BuildContext = { set, anonymousNames: collected.anonymousNames, sink };
  const complex = new ComplexTypeBuilder(ctx);
  const simple = new SimpleTypeBuilder(ctx);
  const byNamespace = new Map<string | null, IrNamespace>();
  const namespaceOf = (ns: string | null): IrNamespace => {
    let entry = byNamespace.get(ns);
    if (!entry) {
      entry = { namespace: ns, types: [], elements: [] };
      byNamespace.set(ns, entry);
    }
    return entry;
  };
  for (const ns of set.namespaces) namespaceOf(ns);

  const typeIndex = new Map<string, IrType>();
  for (const t of collected.ordered) {
    const ir =
      t.kind === "complex"
        ? complex.build(t.def as XsdComplexType, t.qname, t.anonymous)
        : simple.build(t.def as XsdSimpleType, t.qname, t.anonymous);
    typeIndex.set(clark(t.qname), ir);
    namespaceOf(t.qname.ns).types.push(ir);
  }
  for (const ir of typeIndex.values()) if (ir.kind === "complex") assignPropertyNames(ir, sink);

  const elements = [...set.elements.values()].sort(
    (a, b) =>
      set.files.indexOf(a.source.file) - set.files.indexOf(b.source.file) ||
      a.source.line - b.source.line ||
      a.source.column - b.source.column,
  );
  for (const decl of elements) {
    const ir: IrElementDecl = {
      name: decl.name.local,
      ns: decl.name.ns,
      type: typeRefOf(ctx, decl.type, "complex"),
      ...(decl.nillable ? { nillable: true as const } : {}),
      source: decl.source,
    };
    namespaceOf(decl.name.ns).elements.push(ir);
  }
  // References inside definitions that no type uses are still checked.
  for (const group of set.groups.values()) if (group.particle) complex.content.build(group.particle);
  for (const ag of set.attributeGroups.values())
    complex.expandAttributes(ag.attributes, { attributes: [], prohibited: new Set() });
  for (const attr of set.attributes.values()) typeRefOf(ctx, attr.type, "simple");

  return { namespaces: [...byNamespace.values()], typeIndex };
}
