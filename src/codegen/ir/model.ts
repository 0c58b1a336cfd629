/**
 * The intermediate model between the XSD component model and the emitted TypeScript: every type named
 * (anonymous ones get a generated name), group references and derivation resolved, one value object for
 * occurrence and facets, property names assigned. Emitters read only this.
 *
 * @module
 */
import type {
  AnyParticleMeta,
  AttributeMeta,
  ComplexTypeMeta,
  ElementDeclMeta,
  ElementParticleMeta,
  FacetsMeta,
  GroupParticleMeta,
  SimpleTypeMeta,
} from "../../binding/metadata.js";
import type { SourceLocation } from "../diagnostics.js";

/** The `xsd:documentation` paragraphs of a declaration (for the TSDoc; not binding metadata). */
export interface IrDoc {
  readonly doc?: readonly string[];
}

/** A particle of the intermediate model: the metadata shape plus where it came from. */
export type IrElement = Omit<ElementParticleMeta, "prop"> &
  IrDoc & { prop: string; readonly source: SourceLocation };
export type IrAny = Omit<AnyParticleMeta, "prop"> & { prop: string; readonly source: SourceLocation };
export type IrGroup = Omit<GroupParticleMeta, "particles" | "prop"> & {
  prop?: string;
  /** The named model group this group was expanded from (names the property of a repeating group). */
  readonly groupName?: string;
  readonly particles: IrParticle[];
  readonly source: SourceLocation;
};
export type IrParticle = IrElement | IrAny | IrGroup;

export type IrAttribute = Omit<AttributeMeta, "prop"> &
  IrDoc & { prop: string; readonly source: SourceLocation };

export type IrComplexType = Omit<
  ComplexTypeMeta,
  "content" | "attributes" | "simpleContent" | "anyAttribute"
> & {
  content: IrGroup | null;
  attributes: IrAttribute[];
  anyAttribute?: { prop: string; readonly namespace: string; readonly processContents: string };
  simpleContent?: { prop: string; readonly type: string; readonly facets?: FacetsMeta };
  readonly source: SourceLocation;
};

export type IrSimpleType = SimpleTypeMeta & { readonly source: SourceLocation };

export type IrType = IrComplexType | IrSimpleType;

export type IrElementDecl = ElementDeclMeta & IrDoc & { readonly source: SourceLocation };

/** One namespace's share of the model. */
export interface IrNamespace {
  readonly namespace: string | null;
  /** Types in schema order (documents in load order, definitions in document order). */
  readonly types: IrType[];
  readonly elements: IrElementDecl[];
}

/** The whole model of a schema set. */
export interface IrSchemaSet {
  readonly namespaces: IrNamespace[];
  /** Every type by Clark name. */
  readonly typeIndex: ReadonlyMap<string, IrType>;
}
