/**
 * Emits the TypeScript types of one namespace: an interface per complex type, a type alias per simple
 * type, and `$Elements` mapping each global element to its type.
 *
 * Value types: every simple value is a `string` holding the lexical form exactly as written (decimals,
 * dates and times included); enumerations become unions of string literals; an open enumeration (a union
 * of an enumeration and a string type) accepts any string while still suggesting the listed values.
 *
 * @module
 */
import { parseClarkName, XSD_NAMESPACE } from "../../binding/metadata.js";
import type {
  IrComplexType,
  IrElementDecl,
  IrGroup,
  IrNamespace,
  IrParticle,
  IrSimpleType,
  IrType,
} from "../ir/model.js";
import type { ModuleName } from "./module-names.js";
import {
  describeAnyAttributeProperty,
  describeAttributeProperty,
  describeElementProperty,
  describeGlobalElement,
  describeGroupProperty,
  describeMixedTextProperty,
  describeSimpleContentProperty,
  describeWildcardProperty,
} from "./property-docs.js";
import { docComment, propertyKey, stringLiteral, typeIdentifier } from "./ts-code.js";

/** What an emitter needs to refer to types in this and other modules. */
export interface TypeScope {
  readonly namespace: string | null;
  readonly typeIndex: ReadonlyMap<string, IrType>;
  readonly modules: ReadonlyMap<string | null, ModuleName>;
  /** Modules this one refers to (filled while emitting). */
  readonly referenced: Set<string | null>;
  /** Runtime contract types used (filled while emitting); imported as `$Name`. */
  readonly runtimeTypes: Set<string>;
  /** The TypeScript identifier of every type (by Clark name), unique within its module. */
  readonly identifiers: ReadonlyMap<string, string>;
}

/**
 * Gives every type an identifier unique within its module: the XSD name where TypeScript allows it
 * (see {@link typeIdentifier}), with `_2`, `_3` … where two names map to the same identifier.
 */
export function assignIdentifiers(types: readonly IrType[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of types) {
    const wanted = typeIdentifier(t.name);
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    taken.add(id);
    ids.set(t.ns === null ? t.name : `{${t.ns}}${t.name}`, id);
  }
  return ids;
}

/** The local name under which a runtime contract type is imported (never clashes with an XSD name). */
export function runtimeType(scope: TypeScope, name: string): string {
  scope.runtimeTypes.add(name);
  return `$${name}`;
}

/** The TypeScript type that holds a value of the type with this Clark name. */
export function tsTypeRef(scope: TypeScope, clarkName: string): string {
  const { ns, name } = parseClarkName(clarkName);
  if (ns === XSD_NAMESPACE) {
    if (name === "anyType") return runtimeType(scope, "AnyElement");
    return "string";
  }
  const target = scope.typeIndex.get(clarkName);
  if (!target) return "unknown"; // reported as unresolved by the build passes
  const id = scope.identifiers.get(clarkName) ?? typeIdentifier(name);
  if (ns === scope.namespace) return id;
  scope.referenced.add(ns);
  return `$${scope.modules.get(ns)?.alias ?? "unknown"}.${id}`;
}

/** `T[]`, with parentheses where `T` is a union. */
function arrayOf(type: string): string {
  return /^[\p{L}\p{N}_$.]+$/u.test(type) ? `${type}[]` : `(${type})[]`;
}

function clarkOf(t: IrType): string {
  return t.ns === null ? t.name : `{${t.ns}}${t.name}`;
}

function literalUnion(values: readonly string[]): string {
  return values.map(stringLiteral).join(" | ");
}

function simpleTypeBody(scope: TypeScope, t: IrSimpleType): string {
  // an enumeration narrows whatever it restricts, a union included
  if (t.facets.enumeration && t.facets.enumeration.length > 0) return literalUnion(t.facets.enumeration);
  if (t.variety === "list") return "string";
  if (t.variety === "union") {
    const members = [...new Set((t.memberTypes ?? []).map((m) => tsTypeRef(scope, m)))];
    if (members.length === 0) return "string";
    if (members.every((m) => m === "string")) return "string";
    return members.map((m) => (m === "string" ? "(string & {})" : m)).join(" | ");
  }
  return t.base ? tsTypeRef(scope, t.base) : "string";
}

function describe(t: IrType): string {
  const where = t.ns ? ` (${t.ns})` : "";
  const what = t.anonymous
    ? `anonymous ${t.kind}Type, named by its place: ${t.name}`
    : `${t.kind}Type ${t.name}`;
  const derived = t.kind === "complex" && t.base ? `; ${t.derivation} of ${parseClarkName(t.base).name}` : "";
  return `XSD ${what}${where}${derived}`;
}

/** A property of a generated interface: its type, whether it may be absent, and its TSDoc lines. */
interface Field {
  readonly type: string;
  readonly optional: boolean;
  readonly doc: readonly string[];
}

/** Renders one object level of a content model as fields. */
function renderFields(scope: TypeScope, group: IrGroup, optional: boolean, out: Map<string, Field>) {
  const inChoice = group.kind === "choice" && group.particles.length > 1;
  for (const p of group.particles) {
    const opt = optional || inChoice || p.min === 0;
    if (p.kind === "element") {
      let type = tsTypeRef(scope, p.type);
      if (p.nillable) type = `${type} | ${runtimeType(scope, "XsiNil")}`;
      const many = p.max !== 1;
      const existing = out.get(p.prop);
      if (existing) {
        // the same element twice on one object: one array property
        out.set(p.prop, {
          type: existing.type.endsWith("[]") ? existing.type : arrayOf(type),
          optional: existing.optional && opt,
          doc: existing.doc,
        });
      } else
        out.set(p.prop, {
          type: many ? arrayOf(type) : type,
          optional: opt,
          doc: describeElementProperty(scope.typeIndex, p, optional || inChoice),
        });
    } else if (p.kind === "any") {
      out.set(p.prop, {
        type: `${runtimeType(scope, "AnyElement")}[]`,
        optional: opt,
        doc: describeWildcardProperty(p),
      });
    } else if (p.max !== 1) {
      out.set(p.prop ?? "group", {
        type: arrayOf(renderItem(scope, p)),
        optional: opt || p.min === 0,
        doc: describeGroupProperty(p),
      });
    } else renderFields(scope, p, opt || p.min === 0, out);
  }
}

function objectType(fields: Map<string, Field>): string {
  if (fields.size === 0) return "Record<string, never>";
  return `{ ${[...fields].map(([k, f]) => `${propertyKey(k)}${f.optional ? "?" : ""}: ${f.type}`).join("; ")} }`;
}

/** The type of one occurrence of a repeating group. */
function renderItem(scope: TypeScope, group: IrGroup): string {
  if (group.kind !== "choice") {
    const fields = new Map<string, Field>();
    renderFields(scope, { ...group, min: 1, max: 1 }, false, fields);
    return objectType(fields);
  }
  return group.particles
    .map((branch: IrParticle) => {
      const fields = new Map<string, Field>();
      const wrapper: IrGroup = {
        kind: "sequence",
        min: 1,
        max: 1,
        particles: [branch],
        source: group.source,
      };
      renderFields(scope, wrapper, false, fields);
      return objectType(fields);
    })
    .join(" | ");
}

function complexTypeLines(scope: TypeScope, t: IrComplexType): string[] {
  const fields = new Map<string, Field>();
  if (t.content) {
    if (t.content.max !== 1) {
      fields.set(t.content.prop ?? "group", {
        type: arrayOf(renderItem(scope, t.content)),
        optional: t.content.min === 0,
        doc: describeGroupProperty(t.content),
      });
    } else renderFields(scope, t.content, t.content.min === 0, fields);
  }
  for (const a of t.attributes) {
    fields.set(a.prop, {
      type: tsTypeRef(scope, a.type),
      optional: a.use !== "required",
      doc: describeAttributeProperty(scope.typeIndex, a),
    });
  }
  if (t.anyAttribute)
    fields.set(t.anyAttribute.prop, {
      type: "Record<string, string>",
      optional: true,
      doc: describeAnyAttributeProperty(t.anyAttribute),
    });
  if (t.simpleContent) {
    const facets = t.simpleContent.facets;
    const type =
      facets?.enumeration && facets.enumeration.length > 0
        ? literalUnion(facets.enumeration)
        : tsTypeRef(scope, t.simpleContent.type);
    fields.set(t.simpleContent.prop, {
      type,
      optional: false,
      doc: describeSimpleContentProperty(scope.typeIndex, t.simpleContent),
    });
  }
  if (t.mixed) fields.set("$text", { type: "string[]", optional: true, doc: describeMixedTextProperty() });
  const lines = [...docComment([describe(t)]), `export interface ${tsTypeRef(scope, clarkOf(t))} {`];
  for (const [key, field] of fields)
    lines.push(
      ...docComment(field.doc, "  "),
      `  ${propertyKey(key)}${field.optional ? "?" : ""}: ${field.type};`,
    );
  lines.push("}");
  return lines;
}

/** The type declarations of one namespace module. */
export function emitTypes(scope: TypeScope, ns: IrNamespace): string[] {
  const lines: string[] = [];
  for (const t of ns.types) {
    if (lines.length > 0) lines.push("");
    if (t.kind === "complex") lines.push(...complexTypeLines(scope, t));
    else
      lines.push(
        ...docComment([describe(t)]),
        `export type ${tsTypeRef(scope, clarkOf(t))} = ${simpleTypeBody(scope, t)};`,
      );
  }
  lines.push("", ...elementsInterface(scope, ns.elements));
  return lines;
}

function elementsInterface(scope: TypeScope, elements: readonly IrElementDecl[]): string[] {
  const lines = [
    ...docComment(["The global elements of this namespace (the possible document roots) and their types."]),
  ];
  if (elements.length === 0) return [...lines, "export type $Elements = Record<string, never>;"];
  lines.push("export interface $Elements {");
  for (const e of elements) {
    const type = tsTypeRef(scope, e.type);
    lines.push(
      ...docComment(describeGlobalElement(e), "  "),
      `  ${propertyKey(e.name)}: ${e.nillable ? `${type} | ${runtimeType(scope, "XsiNil")}` : type};`,
    );
  }
  lines.push("}");
  return lines;
}
