/**
 * The pass `check-unreferenced-definitions` (see `PASSES` in `pass-list.ts`): the references inside model
 * groups, attribute groups and global attributes are checked even where no type uses them, so that a mistake
 * in a definition is reported before a type ever refers to it (an unresolved one where it is written, a
 * circular group as such).
 *
 * Needs: the component model and the anonymous type names. Guarantees, together with the passes before
 * it: every reference of the schema set checked. Builds nothing: what it expands is thrown away.
 *
 * @module
 */
import { ContentModelBuilder } from "./build-content-model.js";
import { type BuildContext, typeRefOf } from "./build-context.js";
import { expandAttributeUses } from "./expand-attribute-uses.js";

export function checkUnreferencedDefinitions(ctx: BuildContext): void {
  const { set } = ctx;
  const content = new ContentModelBuilder(ctx);
  for (const group of set.groups.values()) if (group.particle) content.build(group.particle);
  for (const ag of set.attributeGroups.values())
    expandAttributeUses(ctx, ag.attributes, { attributes: [], prohibited: new Set() });
  for (const attr of set.attributes.values()) typeRefOf(ctx, attr.type, "simple");
}
