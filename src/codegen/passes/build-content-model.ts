/**
 * Builds the intermediate content model of a complex type: element references and model group
 * references expanded, nesting normalized.
 *
 * Normalization (each rule keeps the language the content model accepts):
 * - a group without particles (such as an empty `Extended:*` extension group) is dropped;
 * - a group that occurs exactly once inside a group of the same kind is spliced into it;
 * - a group with a single particle that occurs exactly once is replaced by that particle;
 * - an optional group (`0..1`) around a single element or wildcard becomes that particle with
 *   `minOccurs` 0.
 *
 * @module
 */
import type { SourceLocation } from "../diagnostics.js";
import type { IrElement, IrGroup, IrParticle } from "../ir/model.js";
import { clark, type Occurs, type XsdElementDecl, type XsdParticle } from "../xsd/model.js";
import { type BuildContext, reportUnresolved, typeRefOf } from "./build-context.js";

export class ContentModelBuilder {
  private readonly expanding = new Set<string>();

  constructor(private readonly ctx: BuildContext) {}

  /** Builds a particle; `null` when it contributes nothing. */
  build(particle: XsdParticle): IrParticle | null {
    const ctx = this.ctx;
    switch (particle.kind) {
      case "element":
        return this.elementParticle(particle.decl, particle.occurs, particle.decl.source);
      case "elementRef": {
        const decl = ctx.set.elements.get(clark(particle.ref));
        if (!decl) {
          reportUnresolved(ctx, "element", particle.ref, particle.source);
          return null;
        }
        return this.elementParticle(decl, particle.occurs, particle.source);
      }
      case "groupRef": {
        const key = clark(particle.ref);
        const group = ctx.set.groups.get(key);
        if (!group) {
          reportUnresolved(ctx, "group", particle.ref, particle.source);
          return null;
        }
        if (this.expanding.has(key)) {
          ctx.sink.report({
            code: "CIRCULAR_DEFINITION",
            message: `group ${particle.ref.local} contains itself`,
            location: particle.source,
            qname: key,
          });
          return null;
        }
        if (!group.particle) return null;
        this.expanding.add(key);
        const body = this.build(group.particle);
        this.expanding.delete(key);
        if (!body) return null;
        return this.normalizeSingle({
          groupName: particle.ref.local,
          kind: body.kind === "element" || body.kind === "any" ? "sequence" : body.kind,
          min: particle.occurs.min,
          max: particle.occurs.max,
          particles: body.kind === "element" || body.kind === "any" ? [body] : body.particles,
          source: particle.source,
        });
      }
      case "any":
        return {
          kind: "any",
          prop: "",
          min: particle.occurs.min,
          max: particle.occurs.max,
          namespace: particle.namespace,
          processContents: particle.processContents,
          source: particle.source,
        };
      case "sequence":
      case "choice":
      case "all": {
        const particles: IrParticle[] = [];
        for (const child of particle.particles) {
          const built = this.build(child);
          if (!built) continue;
          if (built.kind === particle.kind && built.min === 1 && built.max === 1)
            particles.push(...built.particles);
          else particles.push(built);
        }
        return this.normalizeSingle({
          kind: particle.kind,
          min: particle.occurs.min,
          max: particle.occurs.max,
          particles,
          source: particle.source,
        });
      }
    }
  }

  private elementParticle(decl: XsdElementDecl, occurs: Occurs, source: SourceLocation): IrElement {
    return {
      kind: "element",
      name: decl.name.local,
      ns: decl.name.ns,
      prop: "",
      min: occurs.min,
      max: occurs.max,
      type: typeRefOf(this.ctx, decl.type, "complex"),
      ...(decl.nillable ? { nillable: true as const } : {}),
      ...(decl.default !== undefined ? { default: decl.default } : {}),
      ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}),
      ...(decl.doc !== undefined ? { doc: decl.doc } : {}),
      source,
    };
  }

  /** Drops an empty group and unwraps a group around a single particle where that changes nothing. */
  private normalizeSingle(group: IrGroup): IrParticle | null {
    if (group.particles.length === 0) return null;
    const [only] = group.particles;
    if (group.particles.length !== 1 || !only) return group;
    if (group.min === 1 && group.max === 1) return only;
    const leaf = only.kind === "element" || only.kind === "any";
    if (group.max === 1 && group.min === 0 && leaf && only.min <= 1) return { ...only, min: 0 };
    return group;
  }

  /** The top of a content model is always a group. */
  buildTop(particle: XsdParticle | null): IrGroup | null {
    const built = particle ? this.build(particle) : null;
    if (!built) return null;
    if (built.kind === "sequence" || built.kind === "choice" || built.kind === "all") return built;
    return { kind: "sequence", min: 1, max: 1, particles: [built], source: built.source };
  }
}

/** A deep copy (properties are assigned per type, so an inherited content model must not be shared). */
export function cloneParticle<T extends IrParticle>(particle: T): T {
  if (particle.kind === "sequence" || particle.kind === "choice" || particle.kind === "all")
    return { ...particle, particles: particle.particles.map(cloneParticle) };
  return { ...particle };
}
