/**
 * The binding metadata contract: what the code generator emits beside every generated type and what the
 * binding runtime reads to put XML in schema order.
 *
 * Metadata is plain data. Type references are Clark names (`{namespace}local`, `local` alone for no
 * namespace) resolved through a {@link SchemaSetMeta}, so recursive types need no lazy references and a
 * generated module needs nothing at run time from this package.
 *
 * @module
 */

/** The XML Schema namespace; builtin simple types are referenced as `{XSD_NAMESPACE}string` etc. */
export const XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema";

/** `maxOccurs="unbounded"`. */
export type Unbounded = "unbounded";

/** How often a particle may occur (`minOccurs`/`maxOccurs`). */
export interface OccursMeta {
  readonly min: number;
  readonly max: number | Unbounded;
}

/** Constraining facets of a simple type, kept as written in the schema (lexical values). */
export interface FacetsMeta {
  readonly enumeration?: readonly string[];
  /** One entry per derivation step; a value must match every step (each step's patterns are ORed). */
  readonly pattern?: readonly (readonly string[])[];
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minInclusive?: string;
  readonly maxInclusive?: string;
  readonly minExclusive?: string;
  readonly maxExclusive?: string;
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
  readonly whiteSpace?: "preserve" | "replace" | "collapse";
}

/** A simple type: atomic (a restriction of a builtin), a list or a union. */
export interface SimpleTypeMeta {
  readonly kind: "simple";
  /** XSD name, or a generated name (see `anonymous`). */
  readonly name: string;
  readonly ns: string | null;
  readonly anonymous?: true;
  readonly variety: "atomic" | "list" | "union";
  /** The direct base type (Clark name) for a restriction. */
  readonly base?: string;
  /** The builtin primitive at the root of the derivation, e.g. `decimal`, `dateTime`. */
  readonly primitive?: string;
  readonly facets: FacetsMeta;
  /** For a list: the item type (Clark name). */
  readonly itemType?: string;
  /** For a union: the member types (Clark names), in schema order. */
  readonly memberTypes?: readonly string[];
}

/** An element particle inside a content model. */
export interface ElementParticleMeta extends OccursMeta {
  readonly kind: "element";
  readonly name: string;
  readonly ns: string | null;
  /** The property that holds the element's value(s) in the generated type. */
  readonly prop: string;
  /** The element's type (Clark name of a complex or simple type). */
  readonly type: string;
  readonly nillable?: true;
  readonly default?: string;
  readonly fixed?: string;
}

/** An `xsd:any` wildcard. Matched elements are kept as {@link AnyElement} trees. */
export interface AnyParticleMeta extends OccursMeta {
  readonly kind: "any";
  readonly prop: string;
  /** The namespace constraint as written (`##any`, `##other`, a list of URIs …). */
  readonly namespace: string;
  readonly processContents: "strict" | "lax" | "skip";
}

/**
 * A sequence, choice or all group. A group that may repeat (`max > 1`) keeps its occurrences in order in
 * one array property (`prop`), one item per occurrence; a group that occurs at most once has its
 * particles' properties on the enclosing object.
 */
export interface GroupParticleMeta extends OccursMeta {
  readonly kind: "sequence" | "choice" | "all";
  readonly prop?: string;
  readonly particles: readonly ParticleMeta[];
}

export type ParticleMeta = ElementParticleMeta | AnyParticleMeta | GroupParticleMeta;

/** An attribute of a complex type. */
export interface AttributeMeta {
  readonly name: string;
  readonly ns: string | null;
  readonly prop: string;
  readonly type: string;
  readonly use: "optional" | "required";
  readonly default?: string;
  readonly fixed?: string;
}

/** A complex type with its complete (inherited and own) content model and attributes. */
export interface ComplexTypeMeta {
  readonly kind: "complex";
  readonly name: string;
  readonly ns: string | null;
  readonly anonymous?: true;
  readonly abstract?: true;
  readonly mixed?: true;
  /** The base type (Clark name) and how this type derives from it. */
  readonly base?: string;
  readonly derivation?: "extension" | "restriction";
  /** Element content in schema order; `null` for empty or simple content. */
  readonly content: GroupParticleMeta | null;
  readonly attributes: readonly AttributeMeta[];
  /** `xsd:anyAttribute`: the property that keeps attributes matched by the wildcard. */
  readonly anyAttribute?: {
    readonly prop: string;
    readonly namespace: string;
    readonly processContents: string;
  };
  /**
   * Simple content: the value's simple type (Clark name), the property that holds it and, for a
   * restriction of simple content, the effective facets of the value.
   */
  readonly simpleContent?: { readonly prop: string; readonly type: string; readonly facets?: FacetsMeta };
}

export type TypeMeta = ComplexTypeMeta | SimpleTypeMeta;

/** A global element declaration: a possible document root. */
export interface ElementDeclMeta {
  readonly name: string;
  readonly ns: string | null;
  readonly type: string;
  readonly nillable?: true;
}

/** The metadata of one generated namespace module. */
export interface SchemaModuleMeta {
  readonly namespace: string | null;
  readonly types: Readonly<Record<string, TypeMeta>>;
  readonly elements: Readonly<Record<string, ElementDeclMeta>>;
}

/**
 * Every module generated from one schema set. `Elements` maps each global element's local name to its
 * generated type (the generated `$Elements`), so that `rootOf(schemaSet, "Name")` knows the type of the
 * document; it exists only for the type checker. A set typed without it (`unknown`) gives untyped roots.
 */
export interface SchemaSetMeta<Elements = unknown> {
  readonly modules: readonly SchemaModuleMeta[];
  /** Never set at run time: carries `Elements` for the type checker. */
  readonly $elements?: Elements;
}

/** The value of a nillable element that carries `xsi:nil="true"`. */
export interface XsiNil {
  readonly $nil: true;
}

/** An element matched by an `xsd:any` wildcard, kept as a tree so that nothing of it is lost. */
export interface AnyElement {
  readonly ns: string | null;
  readonly name: string;
  readonly attributes: readonly {
    readonly ns: string | null;
    readonly name: string;
    readonly value: string;
  }[];
  readonly children: readonly (AnyElement | string)[];
}

/** Splits a Clark name `{ns}local` into namespace and local name. */
export function parseClarkName(clark: string): { ns: string | null; name: string } {
  if (!clark.startsWith("{")) return { ns: null, name: clark };
  const end = clark.indexOf("}");
  return { ns: clark.slice(1, end), name: clark.slice(end + 1) };
}

/** Builds a Clark name from namespace and local name. */
export function toClarkName(ns: string | null, name: string): string {
  return ns === null || ns === "" ? name : `{${ns}}${name}`;
}
