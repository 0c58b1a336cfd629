/**
 * Quantities stay exact decimal strings: parsed only to check them and to take the magnitude of a
 * negative (by-product) quantity, never through `number`.
 *
 * @module
 */

/** A plain decimal as the IDoc reader normalizes it: optional leading minus, digits, optional fraction. */
export const PLAIN_DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** A checked quantity: its exact lexical form, the magnitude, and whether it is below zero. */
export interface ExactQuantity {
  /** As received (normalized by the reader), e.g. `-12.345`. */
  readonly lexical: string;
  /** Without the sign, digits unchanged: `12.345`. */
  readonly magnitude: string;
  /** True when the value is below zero (`-0.000` is not). */
  readonly negative: boolean;
}

/** Parses a normalized quantity; `undefined` when it is not a plain decimal. */
export function parseExactQuantity(lexical: string): ExactQuantity | undefined {
  if (!PLAIN_DECIMAL.test(lexical)) return undefined;
  const signed = lexical.startsWith("-");
  const magnitude = signed ? lexical.slice(1) : lexical;
  return { lexical, magnitude, negative: signed && /[1-9]/.test(magnitude) };
}
