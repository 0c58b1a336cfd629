/**
 * Builds an intermediate simple type: its variety, base, builtin primitive and effective facets (the
 * facets of the whole derivation chain: a later restriction replaces a facet, patterns add a step).
 *
 * @module
 */
import type { SourceLocation } from "../diagnostics.js";
import type { IrSimpleType } from "../ir/model.js";
import { BUILTIN_LIST_TYPES, BUILTIN_SIMPLE_TYPES, isBuiltinSimpleType } from "../xsd/builtins.js";
import { clark, type QName, XS, type XsdSimpleType } from "../xsd/model.js";
import { type BuildContext, reportUnresolved } from "./build-context.js";
import { mergeFacets } from "./merge-facets.js";

export class SimpleTypeBuilder {
  private readonly built = new Map<XsdSimpleType, IrSimpleType>();
  private readonly building = new Set<XsdSimpleType>();

  constructor(private readonly ctx: BuildContext) {}

  /** The definition behind a simple type reference, or `undefined` for a builtin or an unknown name. */
  private lookup(ref: QName): XsdSimpleType | undefined {
    return this.ctx.set.simpleTypes.get(clark(ref));
  }

  /** Checks a simple type reference (builtin or defined); returns its Clark name. */
  refOf(ref: QName, source: SourceLocation): string {
    const key = clark(ref);
    if (!isBuiltinSimpleType(key) && !this.lookup(ref))
      reportUnresolved(this.ctx, "simple type", ref, source);
    return key;
  }

  /** Builds (once) the intermediate form of a simple type definition. */
  build(def: XsdSimpleType, qname: QName, anonymous: boolean): IrSimpleType {
    const done = this.built.get(def);
    if (done) return done;
    if (this.building.has(def)) {
      this.ctx.sink.report({
        code: "CIRCULAR_DEFINITION",
        message: `simple type ${qname.local} derives from itself`,
        location: def.source,
        qname: clark(qname),
      });
      return this.placeholder(def, qname);
    }
    this.building.add(def);
    const ir = this.buildUncached(def, qname, anonymous);
    this.building.delete(def);
    this.built.set(def, ir);
    return ir;
  }

  private placeholder(def: XsdSimpleType, qname: QName): IrSimpleType {
    return {
      kind: "simple",
      name: qname.local,
      ns: qname.ns,
      variety: "atomic",
      facets: {},
      source: def.source,
    };
  }

  private inlineRef(def: XsdSimpleType): { clark: string; ir: IrSimpleType } {
    const name = this.ctx.anonymousNames.get(def);
    if (!name) throw new Error("internal: an anonymous simple type was not named");
    return { clark: clark(name), ir: this.build(def, name, true) };
  }

  /** What a restriction inherits from its base: variety, primitive and facets. */
  private baseInfo(
    ref: QName,
    source: SourceLocation,
  ): Pick<IrSimpleType, "variety" | "primitive" | "facets" | "itemType" | "memberTypes"> {
    const key = this.refOf(ref, source);
    if (isBuiltinSimpleType(key)) {
      const local = ref.local;
      if (BUILTIN_LIST_TYPES.has(local))
        return {
          variety: "list",
          facets: {},
          itemType: `{${XS}}${BUILTIN_SIMPLE_TYPES.get(local) ?? "anySimpleType"}`,
        };
      return { variety: "atomic", primitive: local, facets: {} };
    }
    const def = this.lookup(ref);
    if (!def) return { variety: "atomic", facets: {} };
    const base = this.build(def, ref, false);
    return {
      variety: base.variety,
      facets: base.facets,
      ...(base.primitive !== undefined ? { primitive: base.primitive } : {}),
      ...(base.itemType !== undefined ? { itemType: base.itemType } : {}),
      ...(base.memberTypes !== undefined ? { memberTypes: base.memberTypes } : {}),
    };
  }

  private buildUncached(def: XsdSimpleType, qname: QName, anonymous: boolean): IrSimpleType {
    const head = {
      kind: "simple" as const,
      name: qname.local,
      ns: qname.ns,
      ...(anonymous ? { anonymous: true as const } : {}),
    };
    const v = def.variety;
    if (v.kind === "list") {
      const itemType = v.inlineItem
        ? this.inlineRef(v.inlineItem).clark
        : v.itemType
          ? this.refOf(v.itemType, v.itemSource)
          : `{${XS}}anySimpleType`;
      return { ...head, variety: "list", itemType, facets: {}, source: def.source };
    }
    if (v.kind === "union") {
      const memberTypes = [
        ...v.memberTypes.map((m) => this.refOf(m, v.memberSource)),
        ...v.inlineMembers.map((m) => this.inlineRef(m).clark),
      ];
      return { ...head, variety: "union", memberTypes, facets: {}, source: def.source };
    }
    let base: string;
    let inherited: ReturnType<SimpleTypeBuilder["baseInfo"]>;
    if (v.inlineBase) {
      const inline = this.inlineRef(v.inlineBase);
      base = inline.clark;
      inherited = {
        variety: inline.ir.variety,
        facets: inline.ir.facets,
        ...(inline.ir.primitive !== undefined ? { primitive: inline.ir.primitive } : {}),
      };
    } else if (v.base) {
      base = clark(v.base);
      inherited = this.baseInfo(v.base, v.baseSource);
    } else {
      this.ctx.sink.report({
        code: "INVALID_SCHEMA",
        message: "a restriction needs a base attribute or an inline simple type",
        location: v.baseSource,
      });
      return this.placeholder(def, qname);
    }
    return {
      ...head,
      ...inherited,
      base,
      facets: mergeFacets(inherited.facets, v.facets),
      source: def.source,
    };
  }
}
