/**
 * Expands the attribute items of a complex type or attribute group into attribute uses: attribute group
 * references (recursively, a group that contains itself reported as circular), references to global
 * attributes (the reference's `use`, `default` and `fixed` over the declaration's) and local attributes. A
 * later use of the same attribute replaces an earlier one; a `prohibited` use removes it.
 *
 * @module
 */
import type { IrAttribute } from "../ir/model.js";
import { clark, type XsdAnyAttribute, type XsdAttributeItem } from "../xsd/model.js";
import { type BuildContext, reportUnresolved, typeRefOf } from "./build-context.js";

/** The attribute uses expanded so far, the names prohibited, and the wildcard of an attribute group. */
export interface AttributeSet {
  attributes: IrAttribute[];
  prohibited: Set<string>;
  anyAttribute?: XsdAnyAttribute;
}

/** Expands `items` into `into`; `expanding` holds the attribute groups being expanded (cycle check). */
export function expandAttributeUses(
  ctx: BuildContext,
  items: readonly XsdAttributeItem[],
  into: AttributeSet,
  expanding: Set<string> = new Set(),
): void {
  for (const item of items) {
    if (item.kind === "attributeGroupRef") {
      const key = clark(item.ref);
      const group = ctx.set.attributeGroups.get(key);
      if (!group) {
        reportUnresolved(ctx, "attribute group", item.ref, item.source);
        continue;
      }
      if (expanding.has(key)) {
        ctx.sink.report({
          code: "CIRCULAR_DEFINITION",
          message: `attribute group ${item.ref.local} contains itself`,
          location: item.source,
          qname: key,
        });
        continue;
      }
      expanding.add(key);
      expandAttributeUses(ctx, group.attributes, into, expanding);
      expanding.delete(key);
      if (group.anyAttribute) into.anyAttribute = group.anyAttribute;
      continue;
    }
    let attribute: IrAttribute;
    if (item.kind === "attributeRef") {
      const decl = ctx.set.attributes.get(clark(item.ref));
      if (!decl) {
        reportUnresolved(ctx, "attribute", item.ref, item.source);
        continue;
      }
      const fixed = item.fixed ?? decl.fixed;
      const def = item.default ?? decl.default;
      attribute = {
        name: decl.name.local,
        ns: decl.name.ns,
        prop: "",
        type: typeRefOf(ctx, decl.type, "simple"),
        use: item.use === "required" ? "required" : "optional",
        ...(def !== undefined ? { default: def } : {}),
        ...(fixed !== undefined ? { fixed } : {}),
        ...(decl.doc !== undefined ? { doc: decl.doc } : {}),
        source: item.source,
      };
    } else {
      const { decl } = item;
      attribute = {
        name: decl.name.local,
        ns: decl.name.ns,
        prop: "",
        type: typeRefOf(ctx, decl.type, "simple"),
        use: item.use === "required" ? "required" : "optional",
        ...(decl.default !== undefined ? { default: decl.default } : {}),
        ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}),
        ...(decl.doc !== undefined ? { doc: decl.doc } : {}),
        source: decl.source,
      };
    }
    const key = clark({ ns: attribute.ns, local: attribute.name });
    into.attributes = into.attributes.filter((a) => clark({ ns: a.ns, local: a.name }) !== key);
    if ((item.kind === "attribute" || item.kind === "attributeRef") && item.use === "prohibited")
      into.prohibited.add(key);
    else into.attributes.push(attribute);
  }
}
