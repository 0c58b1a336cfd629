/**
 * Emits the binding metadata of one namespace: the intermediate model without source positions, as a
 * plain data literal that satisfies `SchemaModuleMeta`.
 *
 * @module
 */
import type {
  AttributeMeta,
  ComplexTypeMeta,
  ElementDeclMeta,
  ParticleMeta,
  SimpleTypeMeta,
  TypeMeta,
} from "../../binding/metadata.js";
import type {
  IrAttribute,
  IrComplexType,
  IrElementDecl,
  IrNamespace,
  IrParticle,
  IrSimpleType,
} from "../ir/model.js";
import { dataLiteral } from "./ts-code.js";

function particleMeta(p: IrParticle): ParticleMeta {
  if (p.kind === "element") {
    const { source: _source, doc: _doc, ...rest } = p;
    return rest;
  }
  if (p.kind === "any") {
    const { source: _source, ...rest } = p;
    return rest;
  }
  const { source: _source, groupName: _groupName, particles, prop, ...rest } = p;
  return { ...rest, ...(prop !== undefined ? { prop } : {}), particles: particles.map(particleMeta) };
}

function attributeMeta(a: IrAttribute): AttributeMeta {
  const { source: _source, doc: _doc, ...rest } = a;
  return rest;
}

function complexMeta(t: IrComplexType): ComplexTypeMeta {
  const { source: _source, content, attributes, ...rest } = t;
  const meta: ComplexTypeMeta = {
    ...rest,
    content: content ? (particleMeta(content) as ComplexTypeMeta["content"]) : null,
    attributes: attributes.map(attributeMeta),
  };
  return meta;
}

function simpleMeta(t: IrSimpleType): SimpleTypeMeta {
  const { source: _source, ...rest } = t;
  return rest;
}

function elementMeta(e: IrElementDecl): ElementDeclMeta {
  const { source: _source, doc: _doc, ...rest } = e;
  return rest;
}

/** The `$schema` constant of a namespace module. */
export function emitMetadata(ns: IrNamespace): string[] {
  const types: Record<string, TypeMeta> = {};
  for (const t of ns.types) types[t.name] = t.kind === "complex" ? complexMeta(t) : simpleMeta(t);
  const elements: Record<string, ElementDeclMeta> = {};
  for (const e of ns.elements) elements[e.name] = elementMeta(e);
  const literal = dataLiteral({ namespace: ns.namespace, types, elements });
  return [
    "/** Binding metadata: element order, occurrence, attributes, simple-content values and facets. */",
    `export const $schema: $SchemaModuleMeta = ${literal};`,
  ];
}
