/**
 * What the build passes share: the component model, the anonymous type names, diagnostics, and the
 * lookups that report an unresolved reference where it is written.
 *
 * @module
 */
import type { DiagnosticSink, SourceLocation } from "../diagnostics.js";
import { ANY_SIMPLE_TYPE, ANY_TYPE, isBuiltinSimpleType } from "../xsd/builtins.js";
import { clark, type QName, type TypeUse, type XsdSchemaSet } from "../xsd/model.js";
import type { XsdTypeDef } from "./collect-types.js";

export interface BuildContext {
  readonly set: XsdSchemaSet;
  readonly anonymousNames: ReadonlyMap<XsdTypeDef, QName>;
  readonly sink: DiagnosticSink;
}

export function reportUnresolved(ctx: BuildContext, kind: string, ref: QName, source: SourceLocation): void {
  ctx.sink.report({
    code: "UNRESOLVED_REFERENCE",
    message: `${kind} ${ref.local} is not defined${ref.ns ? ` in namespace ${ref.ns}` : " (no namespace)"}`,
    location: source,
    qname: clark(ref),
  });
}

/** The Clark name of a type use; checks that a named type exists. */
export function typeRefOf(ctx: BuildContext, use: TypeUse, fallback: "complex" | "simple"): string {
  switch (use.kind) {
    case "named": {
      const key = clark(use.ref);
      if (key === ANY_TYPE || isBuiltinSimpleType(key)) return key;
      if (ctx.set.complexTypes.has(key) || ctx.set.simpleTypes.has(key)) return key;
      reportUnresolved(ctx, "type", use.ref, use.source);
      return key;
    }
    case "inlineComplex":
    case "inlineSimple": {
      const name = ctx.anonymousNames.get(use.def);
      if (!name)
        throw new Error("internal: an anonymous type was not named by the name-anonymous-types pass");
      return clark(name);
    }
    case "default":
      return fallback === "complex" ? ANY_TYPE : ANY_SIMPLE_TYPE;
  }
}
