/**
 * The pass `build-types` (see `PASSES` in `pass-list.ts`): turns every collected type definition into its
 * intermediate form, namespace by namespace.
 *
 * Needs: the component model, the types in schema order and the anonymous type names. Guarantees: every
 * type built once (derivation resolved, model groups and element and attribute references expanded,
 * facets merged), each reference a type makes checked where it is written; a namespace entry for every
 * namespace of the set, types in schema order.
 *
 * @module
 */
import type { IrNamespace, IrSchemaSet, IrType } from "../ir/model.js";
import { clark, type XsdComplexType, type XsdSimpleType } from "../xsd/model.js";
import { ComplexTypeBuilder } from "./build-complex-type.js";
import type { BuildContext } from "./build-context.js";
import { SimpleTypeBuilder } from "./build-simple-type.js";
import type { CollectedType } from "./collect-types.js";

/** The namespace entry of `ns` in the intermediate model, added at the end when missing. */
export function namespaceEntryOf(ir: IrSchemaSet, ns: string | null): IrNamespace {
  let entry = ir.namespaces.find((n) => n.namespace === ns);
  if (!entry) {
    entry = { namespace: ns, types: [], elements: [] };
    ir.namespaces.push(entry);
  }
  return entry;
}

export function buildTypes(ctx: BuildContext, ordered: readonly CollectedType[]): IrSchemaSet {
  const complex = new ComplexTypeBuilder(ctx);
  const simple = new SimpleTypeBuilder(ctx);
  const typeIndex = new Map<string, IrType>();
  const ir: IrSchemaSet = { namespaces: [], typeIndex };
  for (const ns of ctx.set.namespaces) namespaceEntryOf(ir, ns);
  for (const t of ordered) {
    const built =
      t.kind === "complex"
        ? complex.build(t.def as XsdComplexType, t.qname, t.anonymous)
        : simple.build(t.def as XsdSimpleType, t.qname, t.anonymous);
    typeIndex.set(clark(t.qname), built);
    namespaceEntryOf(ir, t.qname.ns).types.push(built);
  }
  return ir;
}
