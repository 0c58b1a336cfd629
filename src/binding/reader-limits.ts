/**
 * The hardened reader's limits for one call: the defaults, overridden by the caller's options. Internal to
 * the reader (`xml-tree.ts`) and its cheap pre-check (`xml-plain-check.ts`).
 *
 * @module
 */
import type { Limits } from "./xml-builder.js";
import { DEFAULT_READER_LIMITS, type ReaderOptions } from "./xml-model.js";

/**
 * The limits of `options`, each default where not given.
 *
 * @throws `RangeError` for a limit that is not a non-negative number
 */
export function resolveLimits(options: ReaderOptions): Limits {
  const limits: Limits = { ...DEFAULT_READER_LIMITS };
  for (const key of Object.keys(limits) as (keyof Limits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!(value >= 0)) throw new RangeError(`${key} must be a non-negative number, got ${value}`);
    limits[key] = value;
  }
  return limits;
}
