/**
 * Builds an intermediate complex type: the complete content model and attribute list after derivation.
 *
 * - extension (complex content): the base's content followed by the extension's, as XSD defines it;
 *   the base's attributes followed by the new ones;
 * - restriction (complex content): the restriction's own content; the base's attributes with the
 *   restriction's uses replacing them and `prohibited` ones removed;
 * - simple content: the value's simple type (the base's value type for a complex base), with a
 *   restriction's facets kept beside it (`derive-simple-content.ts`).
 *
 * Attribute uses are expanded by `expand-attribute-uses.ts`.
 *
 * @module
 */
import type { IrComplexType, IrGroup } from "../ir/model.js";
import { ANY_TYPE, isBuiltinSimpleType } from "../xsd/builtins.js";
import { clark, type QName, type XsdComplexType } from "../xsd/model.js";
import { ContentModelBuilder, cloneParticle } from "./build-content-model.js";
import { type BuildContext, reportUnresolved } from "./build-context.js";
import { deriveSimpleContent } from "./derive-simple-content.js";
import { type AttributeSet, expandAttributeUses } from "./expand-attribute-uses.js";

export class ComplexTypeBuilder {
  private readonly built = new Map<XsdComplexType, IrComplexType>();
  private readonly building = new Set<XsdComplexType>();
  readonly content: ContentModelBuilder;

  constructor(private readonly ctx: BuildContext) {
    this.content = new ContentModelBuilder(ctx);
  }

  build(def: XsdComplexType, qname: QName, anonymous: boolean): IrComplexType {
    const done = this.built.get(def);
    if (done) return done;
    if (this.building.has(def)) {
      this.ctx.sink.report({
        code: "CIRCULAR_DEFINITION",
        message: `complex type ${qname.local} derives from itself`,
        location: def.source,
        qname: clark(qname),
      });
      return {
        kind: "complex",
        name: qname.local,
        ns: qname.ns,
        content: null,
        attributes: [],
        source: def.source,
      };
    }
    this.building.add(def);
    const ir = this.buildUncached(def, qname, anonymous);
    this.building.delete(def);
    this.built.set(def, ir);
    return ir;
  }

  private baseComplex(
    base: QName,
    source: { file: string; line: number; column: number },
  ): IrComplexType | null {
    const key = clark(base);
    const def = this.ctx.set.complexTypes.get(key);
    if (!def) {
      if (key !== ANY_TYPE && !isBuiltinSimpleType(key) && !this.ctx.set.simpleTypes.has(key))
        reportUnresolved(this.ctx, "type", base, source);
      return null;
    }
    return this.build(def, base, false);
  }

  private buildUncached(def: XsdComplexType, qname: QName, anonymous: boolean): IrComplexType {
    const c = def.content;
    const set: AttributeSet = { attributes: [], prohibited: new Set() };
    let content: IrGroup | null = null;
    let simpleContent: IrComplexType["simpleContent"];
    let base: string | undefined;
    let derivation: "extension" | "restriction" | undefined;
    let inheritedAny: IrComplexType["anyAttribute"];

    if (c.kind === "implicit") {
      content = this.content.buildTop(c.particle);
    } else {
      base = clark(c.base);
      derivation = c.derivation;
      const baseType = this.baseComplex(c.base, c.baseSource);
      if (baseType) {
        set.attributes = baseType.attributes.map((a) => ({ ...a }));
        inheritedAny = baseType.anyAttribute ? { ...baseType.anyAttribute } : undefined;
      }
      if (c.kind === "complexContent") {
        const own = this.content.buildTop(c.particle);
        if (c.derivation === "extension" && baseType?.content) {
          const inherited = cloneParticle(baseType.content);
          content = own
            ? { kind: "sequence", min: 1, max: 1, particles: [inherited, own], source: own.source }
            : inherited;
          content = spliceSequences(content);
        } else content = own;
      } else {
        simpleContent = deriveSimpleContent(this.ctx, c, base, baseType);
      }
    }
    expandAttributeUses(this.ctx, def.attributes, set);
    const attributes = set.attributes.filter((a) => !set.prohibited.has(clark({ ns: a.ns, local: a.name })));
    // the type's own wildcard, else one from its attribute groups, else the base's
    const any = def.anyAttribute ?? set.anyAttribute ?? inheritedAny;
    return {
      kind: "complex",
      name: qname.local,
      ns: qname.ns,
      ...(anonymous ? { anonymous: true as const } : {}),
      ...(def.abstract ? { abstract: true as const } : {}),
      ...(def.mixed ? { mixed: true as const } : {}),
      ...(base !== undefined && base !== ANY_TYPE ? { base } : {}),
      ...(derivation !== undefined && base !== ANY_TYPE ? { derivation } : {}),
      content,
      attributes,
      ...(any
        ? { anyAttribute: { prop: "", namespace: any.namespace, processContents: any.processContents } }
        : {}),
      ...(simpleContent ? { simpleContent } : {}),
      source: def.source,
    };
  }
}

/** Splices a sequence that occurs once into the enclosing sequence. */
function spliceSequences(group: IrGroup): IrGroup {
  if (group.kind !== "sequence") return group;
  const particles = group.particles.flatMap((p) =>
    p.kind === "sequence" && p.min === 1 && p.max === 1 ? p.particles : [p],
  );
  return { ...group, particles };
}
