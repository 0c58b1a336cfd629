/**
 * One generated module per namespace: its file name and the alias other modules use for it.
 *
 * @module
 */
import type { IrNamespace } from "../ir/model.js";

export interface ModuleName {
  readonly namespace: string | null;
  /** File name without extension, kebab-case, e.g. `b2mml-v0600`. */
  readonly file: string;
  /** Identifier used to import the module as a namespace, e.g. `B2mmlV0600`. */
  readonly alias: string;
}

/** `http://www.mesa.org/xml/B2MML-V0600` → `b2mml-v0600`; no namespace → `no-namespace`. */
export function moduleFileFor(namespace: string | null): string {
  if (namespace === null) return "no-namespace";
  const segments = namespace.split(/[/:#]+/).filter((s) => s !== "");
  const last = segments[segments.length - 1] ?? "namespace";
  const file = last
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return file === "" ? "namespace" : file;
}

function aliasFor(file: string): string {
  const alias = file
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
  return /^[0-9]/.test(alias) ? `N${alias}` : alias;
}

/** Names every namespace's module; a clash takes a numeric suffix, in namespace order. */
export function nameModules(namespaces: readonly IrNamespace[]): Map<string | null, ModuleName> {
  const names = new Map<string | null, ModuleName>();
  const taken = new Set<string>(["index"]);
  for (const ns of namespaces) {
    const wanted = moduleFileFor(ns.namespace);
    let file = wanted;
    for (let n = 2; taken.has(file); n++) file = `${wanted}-${n}`;
    taken.add(file);
    names.set(ns.namespace, { namespace: ns.namespace, file, alias: aliasFor(file) });
  }
  return names;
}
