/**
 * Lookups over a schema set's metadata: types and global elements by Clark name, built once per set.
 *
 * @module
 */
import {
  type ComplexTypeMeta,
  type ElementDeclMeta,
  type SchemaSetMeta,
  type TypeMeta,
  toClarkName,
  XSD_NAMESPACE,
} from "./metadata.js";

export interface SchemaIndex {
  readonly set: SchemaSetMeta;
  readonly types: ReadonlyMap<string, TypeMeta>;
  readonly elements: ReadonlyMap<string, ElementDeclMeta>;
}

const cache = new WeakMap<SchemaSetMeta, SchemaIndex>();

/** The index of a schema set (cached per set object). */
export function indexSchemaSet(set: SchemaSetMeta): SchemaIndex {
  const cached = cache.get(set);
  if (cached) return cached;
  const types = new Map<string, TypeMeta>();
  const elements = new Map<string, ElementDeclMeta>();
  for (const module of set.modules) {
    for (const t of Object.values(module.types)) types.set(toClarkName(t.ns, t.name), t);
    for (const e of Object.values(module.elements)) elements.set(toClarkName(e.ns, e.name), e);
  }
  const index = { set, types, elements };
  cache.set(set, index);
  return index;
}

/**
 * A document root: a global element declaration and the schema set it belongs to. `T` is the generated
 * type of a document with this root (from a typed schema set, see {@link rootOf}); `unknown` when not known.
 */
export interface RootMeta<T = unknown> {
  readonly element: ElementDeclMeta;
  readonly schemaSet: SchemaSetMeta;
  /** Never set at run time: carries `T` for the type checker (`write` takes only a `T`). */
  readonly $type?: T;
}

/** The document type of a root: `RootValue<typeof root>` (`unknown` for an untyped root). */
export type RootValue<R> = R extends RootMeta<infer T> ? T : never;

/**
 * The root metadata of a global element, by local name (and namespace when two namespaces declare it).
 * With a generated (typed) schema set and a literal name, the root carries the document's type:
 * `rootOf(schemaSet, "ProcessProductionSchedule")` is a `RootMeta<ProcessProductionScheduleType>`, and
 * `write` then takes only such a document. Any other name (a `string`) gives an untyped root.
 *
 * @throws Error when the schema set declares no such element, or several and no namespace is given
 */
export function rootOf<E, N extends keyof E & string>(
  schemaSet: SchemaSetMeta<E>,
  name: N,
  ns?: string,
): RootMeta<E[N]>;
export function rootOf(schemaSet: SchemaSetMeta, name: string, ns?: string): RootMeta;
export function rootOf(schemaSet: SchemaSetMeta, name: string, ns?: string): RootMeta {
  const matches = [...indexSchemaSet(schemaSet).elements.values()].filter(
    (e) => e.name === name && (ns === undefined || e.ns === ns),
  );
  const [element] = matches;
  if (!element || matches.length > 1)
    throw new Error(
      matches.length === 0
        ? `the schema set declares no global element ${name}${ns ? ` in ${ns}` : ""}`
        : `several namespaces declare a global element ${name}; name the namespace`,
    );
  return { element, schemaSet };
}

/** Whether a Clark name is an XSD builtin type (`anyType` included). */
export function isBuiltin(clark: string): boolean {
  return clark.startsWith(`{${XSD_NAMESPACE}}`);
}

export const ANY_TYPE = `{${XSD_NAMESPACE}}anyType`;

/** The complex type behind a Clark name, or `undefined` for simple and builtin types. */
export function complexType(index: SchemaIndex, clark: string): ComplexTypeMeta | undefined {
  const t = index.types.get(clark);
  return t?.kind === "complex" ? t : undefined;
}

/** Whether a namespace satisfies a wildcard's namespace constraint (`##any`, `##other`, a list). */
export function wildcardAllows(constraint: string, ns: string | null, targetNs: string | null): boolean {
  const tokens = constraint.split(/\s+/).filter((t) => t !== "");
  if (tokens.includes("##any")) return true;
  if (tokens.includes("##other")) return ns !== null && ns !== targetNs;
  return tokens.some(
    (t) => (t === "##targetNamespace" && ns === targetNs) || (t === "##local" && ns === null) || t === ns,
  );
}
