/**
 * The XSD component model: what the schema reader produces from schema documents, close to the XSD
 * spec's terms. QNames are already resolved to namespaces; references are not yet checked (the build
 * passes do that, see `PASSES` in `pass-list.ts`).
 *
 * @module
 */
import type { SourceLocation } from "../diagnostics.js";

export const XS = "http://www.w3.org/2001/XMLSchema";

/** A resolved qualified name. */
export interface QName {
  readonly ns: string | null;
  readonly local: string;
}

export interface Occurs {
  readonly min: number;
  readonly max: number | "unbounded";
}

/** `{ns}local`, or `local` without namespace. */
export function clark(q: QName): string {
  return q.ns === null ? q.local : `{${q.ns}}${q.local}`;
}

/** The type of an element or attribute: a named type, an inline (anonymous) one, or none (anyType). */
export type TypeUse =
  | { readonly kind: "named"; readonly ref: QName; readonly source: SourceLocation }
  | { readonly kind: "inlineComplex"; readonly def: XsdComplexType }
  | { readonly kind: "inlineSimple"; readonly def: XsdSimpleType }
  | { readonly kind: "default" };

export interface XsdElementDecl {
  readonly name: QName;
  readonly type: TypeUse;
  readonly nillable: boolean;
  readonly abstract: boolean;
  readonly default?: string;
  readonly fixed?: string;
  /** The `xsd:documentation` paragraphs of the declaration. */
  readonly doc?: readonly string[];
  readonly source: SourceLocation;
}

export interface XsdElementParticle {
  readonly kind: "element";
  readonly occurs: Occurs;
  readonly decl: XsdElementDecl;
}

export interface XsdElementRef {
  readonly kind: "elementRef";
  readonly occurs: Occurs;
  readonly ref: QName;
  readonly source: SourceLocation;
}

export interface XsdGroupRef {
  readonly kind: "groupRef";
  readonly occurs: Occurs;
  readonly ref: QName;
  readonly source: SourceLocation;
}

export interface XsdModelGroup {
  readonly kind: "sequence" | "choice" | "all";
  readonly occurs: Occurs;
  readonly particles: readonly XsdParticle[];
  readonly source: SourceLocation;
}

export interface XsdWildcard {
  readonly kind: "any";
  readonly occurs: Occurs;
  readonly namespace: string;
  readonly processContents: "strict" | "lax" | "skip";
  readonly source: SourceLocation;
}

export type XsdParticle = XsdElementParticle | XsdElementRef | XsdGroupRef | XsdModelGroup | XsdWildcard;

export interface XsdAttributeDecl {
  readonly name: QName;
  readonly type: TypeUse;
  readonly default?: string;
  readonly fixed?: string;
  /** The `xsd:documentation` paragraphs of the declaration. */
  readonly doc?: readonly string[];
  readonly source: SourceLocation;
}

/** An attribute use inside a complex type or attribute group. */
export type XsdAttributeItem =
  | {
      readonly kind: "attribute";
      readonly decl: XsdAttributeDecl;
      readonly use: "optional" | "required" | "prohibited";
    }
  | {
      readonly kind: "attributeRef";
      readonly ref: QName;
      readonly use: "optional" | "required" | "prohibited";
      readonly default?: string;
      readonly fixed?: string;
      readonly source: SourceLocation;
    }
  | { readonly kind: "attributeGroupRef"; readonly ref: QName; readonly source: SourceLocation };

export interface XsdAnyAttribute {
  readonly namespace: string;
  readonly processContents: "strict" | "lax" | "skip";
}

/** Facets as written: each name maps to its values in schema order. */
export type XsdFacets = Readonly<Record<string, readonly string[]>>;

export type XsdComplexContent =
  /** `xsd:complexType` with a model group (or nothing) directly inside. */
  | { readonly kind: "implicit"; readonly particle: XsdParticle | null }
  | {
      readonly kind: "complexContent";
      readonly derivation: "extension" | "restriction";
      readonly base: QName;
      readonly baseSource: SourceLocation;
      readonly particle: XsdParticle | null;
    }
  | {
      readonly kind: "simpleContent";
      readonly derivation: "extension" | "restriction";
      readonly base: QName;
      readonly baseSource: SourceLocation;
      /** For a restriction: facets on the value, and an optional inline simple type. */
      readonly facets: XsdFacets;
      readonly inlineSimple?: XsdSimpleType;
    };

export interface XsdComplexType {
  /** `null` for an anonymous type. */
  readonly name: QName | null;
  readonly abstract: boolean;
  readonly mixed: boolean;
  readonly content: XsdComplexContent;
  readonly attributes: readonly XsdAttributeItem[];
  readonly anyAttribute?: XsdAnyAttribute;
  readonly source: SourceLocation;
}

export type XsdSimpleVariety =
  | {
      readonly kind: "restriction";
      /** A named base; absent when an inline base is given. */
      readonly base?: QName;
      readonly baseSource: SourceLocation;
      readonly inlineBase?: XsdSimpleType;
      readonly facets: XsdFacets;
    }
  | {
      readonly kind: "list";
      readonly itemType?: QName;
      readonly itemSource: SourceLocation;
      readonly inlineItem?: XsdSimpleType;
    }
  | {
      readonly kind: "union";
      readonly memberTypes: readonly QName[];
      readonly memberSource: SourceLocation;
      readonly inlineMembers: readonly XsdSimpleType[];
    };

export interface XsdSimpleType {
  readonly name: QName | null;
  readonly variety: XsdSimpleVariety;
  readonly source: SourceLocation;
}

export interface XsdGroupDef {
  readonly name: QName;
  readonly particle: XsdModelGroup | null;
  readonly source: SourceLocation;
}

export interface XsdAttributeGroupDef {
  readonly name: QName;
  readonly attributes: readonly XsdAttributeItem[];
  readonly anyAttribute?: XsdAnyAttribute;
  readonly source: SourceLocation;
}

/** Every global component of a schema set, keyed by Clark name, with the files they came from. */
export interface XsdSchemaSet {
  readonly files: readonly string[];
  readonly complexTypes: ReadonlyMap<string, XsdComplexType>;
  readonly simpleTypes: ReadonlyMap<string, XsdSimpleType>;
  readonly elements: ReadonlyMap<string, XsdElementDecl>;
  readonly groups: ReadonlyMap<string, XsdGroupDef>;
  readonly attributeGroups: ReadonlyMap<string, XsdAttributeGroupDef>;
  readonly attributes: ReadonlyMap<string, XsdAttributeDecl>;
  /** The namespaces that have at least one schema document. */
  readonly namespaces: readonly (string | null)[];
}
