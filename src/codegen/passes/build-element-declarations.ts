/**
 * The pass `build-element-declarations` (see `PASSES` in `pass-list.ts`): adds every global element
 * declaration to its namespace in the intermediate model, in schema order (file in load order, then
 * position).
 *
 * Needs: the component model, the anonymous type names and the namespace entries of the built types.
 * Guarantees: every global element once, with its type's Clark name (a named type checked where it is
 * written) and `nillable`.
 *
 * @module
 */
import type { IrElementDecl, IrSchemaSet } from "../ir/model.js";
import { type BuildContext, typeRefOf } from "./build-context.js";
import { namespaceEntryOf } from "./build-types.js";

export function buildElementDeclarations(ctx: BuildContext, ir: IrSchemaSet): void {
  const { set } = ctx;
  const elements = [...set.elements.values()].sort(
    (a, b) =>
      set.files.indexOf(a.source.file) - set.files.indexOf(b.source.file) ||
      a.source.line - b.source.line ||
      a.source.column - b.source.column,
  );
  for (const decl of elements) {
    const element: IrElementDecl = {
      name: decl.name.local,
      ns: decl.name.ns,
      type: typeRefOf(ctx, decl.type, "complex"),
      ...(decl.nillable ? { nillable: true as const } : {}),
      ...(decl.doc !== undefined ? { doc: decl.doc } : {}),
      source: decl.source,
    };
    namespaceEntryOf(ir, decl.name.ns).elements.push(element);
  }
}
