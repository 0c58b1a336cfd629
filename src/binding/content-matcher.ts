/**
 * Matches the child elements of an element against its type's content model, greedily (B2MML's
 * content models are deterministic), putting each element's value under its metadata property.
 *
 * @module
 */

import { toAnyElement } from "./any-element.js";
import type { GroupParticleMeta, ParticleMeta } from "./metadata.js";
import { wildcardAllows } from "./schema-index.js";
import type { XmlElement } from "./xml-tree.js";

type Target = Record<string, unknown>;

/** Reads one element's value for its declared type. */
export interface ElementValueReader {
  value(element: XmlElement, type: string, nillable: boolean, path: string): unknown;
}

/** Matches child elements against a content model, greedily (B2MML's content models are deterministic). */
export class ContentMatcher {
  pos = 0;
  constructor(
    private readonly reader: ElementValueReader,
    private readonly children: readonly XmlElement[],
    private readonly paths: readonly string[],
    private readonly targetNs: string | null,
  ) {}

  private current(): XmlElement | undefined {
    return this.children[this.pos];
  }

  /** Whether the particle can start with the element. */
  canStart(p: ParticleMeta, el: XmlElement): boolean {
    if (p.kind === "element") return el.local === p.name && el.ns === p.ns;
    if (p.kind === "any") return wildcardAllows(p.namespace, el.ns, this.targetNs);
    if (p.kind === "choice" || p.kind === "all") return p.particles.some((q) => this.canStart(q, el));
    for (const q of p.particles) {
      if (this.canStart(q, el)) return true;
      if (q.min > 0) return false;
    }
    return false;
  }

  /** Matches one particle (all its occurrences) into the target; returns how many elements it took. */
  particle(p: ParticleMeta, target: Target): number {
    const start = this.pos;
    const max = p.max === "unbounded" ? Number.POSITIVE_INFINITY : p.max;
    if (p.kind === "element" || p.kind === "any") {
      for (let count = 0; count < max; count++) {
        const el = this.current();
        if (!el || !this.canStart(p, el)) break;
        const value =
          p.kind === "element"
            ? this.reader.value(el, p.type, p.nillable === true, this.paths[this.pos] ?? "")
            : toAnyElement(el);
        store(target, p.prop, value, p.kind === "any" || p.max !== 1);
        this.pos++;
      }
      return this.pos - start;
    }
    if (p.prop === undefined) {
      this.groupOnce(p, target);
      return this.pos - start;
    }
    const items: Target[] = [];
    for (let count = 0; count < max; count++) {
      const item: Target = {};
      if (this.groupOnce(p, item) === 0) break;
      items.push(item);
    }
    if (items.length > 0) store(target, p.prop, items, true);
    return this.pos - start;
  }

  private groupOnce(g: GroupParticleMeta, target: Target): number {
    const start = this.pos;
    if (g.kind === "choice") {
      const el = this.current();
      const branch = el ? g.particles.find((q) => this.canStart(q, el)) : undefined;
      if (branch) this.particle(branch, target);
    } else if (g.kind === "all") {
      const done = new Set<ParticleMeta>();
      for (let progress = true; progress; ) {
        progress = false;
        for (const q of g.particles) {
          if (done.has(q) || this.particle(q, target) === 0) continue;
          done.add(q);
          progress = true;
        }
      }
    } else for (const q of g.particles) this.particle(q, target);
    return this.pos - start;
  }
}

function store(target: Target, prop: string, value: unknown, many: boolean) {
  const existing = target[prop];
  if (Array.isArray(existing)) {
    // element values are never arrays; an array is the items of a repeating group
    if (Array.isArray(value)) existing.push(...value);
    else existing.push(value);
  } else if (existing !== undefined)
    target[prop] = [existing, value]; // the same element twice on one object
  else target[prop] = many && !Array.isArray(value) ? [value] : value;
}

export function childPaths(children: readonly XmlElement[], parent: string): string[] {
  const counts = new Map<string, number>();
  for (const c of children) counts.set(c.local, (counts.get(c.local) ?? 0) + 1);
  const seen = new Map<string, number>();
  return children.map((c) => {
    const n = (seen.get(c.local) ?? 0) + 1;
    seen.set(c.local, n);
    return `${parent}/${c.local}${(counts.get(c.local) ?? 0) > 1 ? `[${n}]` : ""}`;
  });
}
