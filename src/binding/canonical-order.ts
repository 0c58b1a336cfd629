/**
 * Canonical XML 1.0 ordering for the writer's canonical mode: attributes by namespace URI and local
 * name, namespace declarations by prefix, both compared by Unicode code point.
 *
 * @module
 */
import type { NamespaceDeclaration } from "./read.js";

/** An attribute as written (` name="value"`), with its expanded name for canonical ordering. */
export interface WrittenAttribute {
  readonly ns: string | null;
  readonly local: string;
  readonly text: string;
}

/** Compares by Unicode code point (UTF-16 code-unit order differs for characters above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Sorts attributes in place in C14N order: namespace URI (unqualified first), then local name. */
export function sortAttributesCanonically(list: WrittenAttribute[]): WrittenAttribute[] {
  return list.sort(
    (a, b) => compareCodePoints(a.ns ?? "", b.ns ?? "") || compareCodePoints(a.local, b.local),
  );
}

/** Namespace declarations in C14N order: the default namespace first, then by prefix; no `xmlns=""`. */
export function sortDeclarationsCanonically(
  declared: readonly NamespaceDeclaration[],
): NamespaceDeclaration[] {
  return declared
    .filter((d) => d.prefix !== "" || d.uri !== "")
    .sort((a, b) => compareCodePoints(a.prefix, b.prefix));
}
