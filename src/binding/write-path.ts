/**
 * The writer's XPaths, in the validator's form (`/A/B[2]/@c`): local names, and a 1-based index only
 * where an element has siblings of the same name, counted over everything its parent writes (elements of
 * several properties, items of a repeating group, wildcard elements by their names).
 *
 * @module
 */
import type { AnyElement, ParticleMeta } from "./metadata.js";
import { isNcName } from "./xml-name.js";

/**
 * The element names among the children of one element, for XPaths: a name that occurs more than once
 * gets a 1-based index (`Description[2]`), as in the validator's paths.
 */
export class Siblings {
  private readonly counts = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  /** The next child named `name`: `name`, or `name[i]` when it has siblings of that name. */
  step(name: string): string {
    const i = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, i);
    return (this.counts.get(name) ?? 0) > 1 ? `${name}[${i}]` : name;
  }
}

/** The name of a wildcard element as its XPath step: `*` when it is no name the writer would write. */
export function anyStep(value: unknown): string {
  const name = (value as Partial<AnyElement> | null)?.name;
  return typeof name === "string" && isNcName(name) ? name : "*";
}

/** Counts the element names that `p` writes for `obj` (wildcard elements by their names). */
export function countChildNames(p: ParticleMeta, obj: Record<string, unknown>, siblings: Siblings): void {
  if (p.kind === "element" || p.kind === "any") {
    const raw = obj[p.prop];
    if (raw === undefined) return;
    if (p.kind === "element") siblings.add(p.name, Array.isArray(raw) ? raw.length : 1);
    else if (Array.isArray(raw)) for (const v of raw) siblings.add(anyStep(v));
    return;
  }
  if (p.prop === undefined) {
    for (const q of p.particles) countChildNames(q, obj, siblings);
    return;
  }
  const items = obj[p.prop];
  if (Array.isArray(items))
    for (const item of items as Record<string, unknown>[])
      for (const q of p.particles) countChildNames(q, item, siblings);
}
