/**
 * Writes a value of the generated types as XML in schema order: the metadata decides element order and
 * namespaces, never the order of an object's keys. Values are written exactly as they are (strings are
 * lexical forms); text and attribute values are escaped as Canonical XML escapes them. A value with a
 * character that XML 1.0 forbids, or a name from the value that is no XML name, is refused with the XPath
 * of its element or attribute: the output is well-formed or there is none.
 *
 * @module
 */
import {
  sortAttributesCanonically,
  sortDeclarationsCanonically,
  type WrittenAttribute,
} from "./canonical-order.js";
import type { AnyElement, ComplexTypeMeta, ParticleMeta } from "./metadata.js";
import type { NamespaceDeclaration } from "./read.js";
import { XSI_NAMESPACE } from "./read.js";
import {
  ANY_TYPE,
  complexType,
  indexSchemaSet,
  type RootMeta,
  type RootValue,
  type SchemaIndex,
} from "./schema-index.js";
import { WriteChecks } from "./write-checks.js";
import { BindingWriteError, type WriteOptions } from "./write-options.js";
import { anyStep, countChildNames, Siblings } from "./write-path.js";

export {
  type BindingWriteCode,
  BindingWriteError,
  type BindingWriteProblem,
  type WriteOptions,
} from "./write-options.js";
export {
  escapeAttribute,
  escapeText,
  type ForbiddenCharacter,
  findForbiddenCharacter,
  restoreShownCharacters,
  showForbiddenCharacters,
} from "./xml-escape.js";

const WELL_KNOWN_PREFIXES: ReadonlyMap<string, string> = new Map([[XSI_NAMESPACE, "xsi"]]);

class Writer {
  readonly checks = new WriteChecks();
  private readonly prefixes = new Map<string, string>();
  private readonly declared: NamespaceDeclaration[] = [];
  private defaultNs: string | null = null;
  /** {@link Writer.pad} per depth. */
  private readonly pads: string[] = [];

  constructor(
    private readonly index: SchemaIndex,
    private readonly options: WriteOptions,
    rootNs: string | null,
  ) {
    for (const d of options.namespaces ?? []) {
      this.declared.push(d);
      if (d.prefix === "") this.defaultNs = d.uri;
      else if (!this.prefixes.has(d.uri)) this.prefixes.set(d.uri, d.prefix);
    }
    if (rootNs !== null && this.defaultNs === null && !this.prefixes.has(rootNs)) {
      this.defaultNs = rootNs;
      this.declared.unshift({ prefix: "", uri: rootNs });
    }
  }

  /** The line break and indentation before a child element at `depth` ("" when not indenting), made once. */
  private pad(depth: number): string {
    const known = this.pads[depth];
    if (known !== undefined) return known;
    const indent = this.indent;
    const pad = indent ? `\n${indent.repeat(depth)}` : "";
    this.pads[depth] = pad;
    return pad;
  }

  private get indent(): string | undefined {
    return this.options.canonical ? undefined : this.options.indent;
  }

  /** The attributes in document order, or in C14N order (namespace URI, then local name) when canonical. */
  private attributes(list: WrittenAttribute[]): string {
    if (this.options.canonical && list.length > 1) sortAttributesCanonically(list);
    return list.map((a) => a.text).join("");
  }

  /** The qualified name of an element or attribute; declares a prefix on the root when needed. */
  private qname(ns: string | null, local: string, attribute: boolean): string {
    if (ns === null) return local;
    if (!attribute && ns === this.defaultNs) return local;
    let prefix = this.prefixes.get(ns);
    if (prefix === undefined) {
      const used = new Set(this.prefixes.values());
      prefix = WELL_KNOWN_PREFIXES.get(ns) ?? "ns1";
      for (let n = 2; used.has(prefix); n++) prefix = `ns${n}`;
      this.prefixes.set(ns, prefix);
      this.declared.push({ prefix, uri: ns });
    }
    return `${prefix}:${local}`;
  }

  /** Marks the root's start tag, where the namespace declarations go once all are known. */
  static readonly ROOT_MARK = "\u0000";
  rootPath = "";

  private open(name: string, attributes: string, empty: boolean, path?: string): string {
    if (path !== undefined && path === this.rootPath) attributes = `${Writer.ROOT_MARK}${attributes}`;
    if (!empty) return `<${name}${attributes}>`;
    return this.options.expandEmptyElements || this.options.canonical
      ? `<${name}${attributes}></${name}>`
      : `<${name}${attributes}/>`;
  }

  element(
    ns: string | null,
    local: string,
    type: string,
    value: unknown,
    path: string,
    depth: number,
  ): string {
    const name = this.qname(ns, local, false);
    if (ns === null && this.defaultNs !== null)
      this.checks.report(
        "BIND_WRITE_UNQUALIFIED_ELEMENT",
        path,
        "an unqualified element below a default namespace is not supported",
      );
    if (isNil(value)) return this.open(name, ` ${this.qname(XSI_NAMESPACE, "nil", true)}="true"`, true, path);
    if (type === ANY_TYPE) return this.anyElement(value, path);
    const complex = complexType(this.index, type);
    if (!complex) {
      if (typeof value !== "string") {
        this.checks.report(
          "BIND_WRITE_NOT_A_STRING",
          path,
          `expected a string (the lexical value), got ${describe(value)}`,
        );
        return "";
      }
      return value === ""
        ? this.open(name, "", true, path)
        : `${this.open(name, "", false, path)}${this.checks.text(value, path)}</${name}>`;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.checks.report(
        "BIND_WRITE_NOT_AN_OBJECT",
        path,
        `expected an object for type ${complex.name}, got ${describe(value)}`,
      );
      return "";
    }
    return this.complex(name, complex, value as Record<string, unknown>, path, depth);
  }

  private complex(
    name: string,
    type: ComplexTypeMeta,
    obj: Record<string, unknown>,
    path: string,
    depth: number,
  ): string {
    const known = new Set<string>();
    const written: WrittenAttribute[] = [];
    for (const a of type.attributes) {
      known.add(a.prop);
      const v = obj[a.prop];
      if (v === undefined) continue;
      const at = `${path}/@${a.name}`;
      if (typeof v !== "string")
        this.checks.report("BIND_WRITE_NOT_A_STRING", at, `expected a string, got ${describe(v)}`);
      else
        written.push({
          ns: a.ns,
          local: a.name,
          text: ` ${this.qname(a.ns, a.name, true)}="${this.checks.attributeValue(v, at)}"`,
        });
    }
    if (type.anyAttribute) {
      known.add(type.anyAttribute.prop);
      const bag = (obj[type.anyAttribute.prop] ?? {}) as Record<string, string>;
      for (const [key, v] of Object.entries(bag)) {
        const m = /^\{([^}]*)\}(.*)$/.exec(key);
        const ns = m ? (m[1] ?? null) : null;
        const local = m ? (m[2] ?? key) : key;
        if (!this.checks.checkName(local, "attribute", `${path}/@*`)) continue;
        const at = `${path}/@${local}`;
        if (typeof v !== "string") {
          this.checks.report("BIND_WRITE_NOT_A_STRING", at, `expected a string, got ${describe(v)}`);
          continue;
        }
        written.push({
          ns,
          local,
          text: ` ${m ? this.qname(ns, local, true) : key}="${this.checks.attributeValue(v, at)}"`,
        });
      }
    }
    const attributes = this.attributes(written);
    let body = "";
    if (type.simpleContent) {
      known.add(type.simpleContent.prop);
      const v = obj[type.simpleContent.prop];
      if (typeof v !== "string")
        this.checks.report("BIND_WRITE_NOT_A_STRING", path, `expected a string value, got ${describe(v)}`);
      else body = this.checks.text(v, path);
    } else {
      if (type.mixed) {
        known.add("$text");
        body += ((obj.$text as string[] | undefined) ?? []).map((t) => this.checks.text(t, path)).join("");
      }
      if (type.content) {
        const siblings = new Siblings();
        countChildNames(type.content, obj, siblings);
        body += this.particle(type.content, obj, known, path, siblings, depth + 1, type.ns);
      }
    }
    for (const key of Object.keys(obj))
      if (!known.has(key) && obj[key] !== undefined)
        this.checks.report(
          "BIND_WRITE_UNKNOWN_PROPERTY",
          path,
          `property ${key} is not part of type ${type.name}`,
        );
    if (body === "") return this.open(name, attributes, true, path);
    const close = !type.simpleContent && this.indent && body.startsWith("\n") ? this.pad(depth) : "";
    return `${this.open(name, attributes, false, path)}${body}${close}</${name}>`;
  }

  private particle(
    p: ParticleMeta,
    obj: Record<string, unknown>,
    known: Set<string>,
    path: string,
    siblings: Siblings,
    depth: number,
    targetNs: string | null,
  ): string {
    if (p.kind === "element" || p.kind === "any") {
      known.add(p.prop);
      const raw = obj[p.prop];
      if (raw === undefined) return "";
      const pad = this.pad(depth);
      const many = p.kind === "any" || p.max !== 1 || Array.isArray(raw);
      if (many && !Array.isArray(raw)) {
        this.checks.report(
          "BIND_WRITE_NOT_AN_ARRAY",
          `${path}/${p.kind === "element" ? p.name : "*"}`,
          `expected an array, got ${describe(raw)}`,
        );
        return "";
      }
      const values = many ? (raw as unknown[]) : [raw];
      return values
        .map((v) => {
          const at = `${path}/${siblings.step(p.kind === "element" ? p.name : anyStep(v))}`;
          return (
            pad +
            (p.kind === "element" ? this.element(p.ns, p.name, p.type, v, at, depth) : this.anyElement(v, at))
          );
        })
        .join("");
    }
    if (p.prop === undefined)
      return p.particles.map((q) => this.particle(q, obj, known, path, siblings, depth, targetNs)).join("");
    known.add(p.prop);
    const items = obj[p.prop];
    if (items === undefined) return "";
    if (!Array.isArray(items)) {
      this.checks.report(
        "BIND_WRITE_NOT_AN_ARRAY",
        path,
        `property ${p.prop} must be an array of items, got ${describe(items)}`,
      );
      return "";
    }
    return items
      .map((item: Record<string, unknown>) => {
        const itemKnown = new Set<string>();
        const out = p.particles
          .map((q) => this.particle(q, item, itemKnown, path, siblings, depth, targetNs))
          .join("");
        for (const key of Object.keys(item))
          if (!itemKnown.has(key))
            this.checks.report(
              "BIND_WRITE_UNKNOWN_PROPERTY",
              path,
              `property ${key} is not part of an item of ${p.prop}`,
            );
        return out;
      })
      .join("");
  }

  /** Wildcard content: names come from the value, so they are checked as well as the text. */
  anyElement(value: unknown, path: string): string {
    const el = value as AnyElement;
    const validName = this.checks.checkName(el.name, "element", path);
    const name = validName ? this.qname(el.ns, el.name, false) : "";
    const attributes = this.attributes(
      el.attributes.flatMap((a) => {
        if (!this.checks.checkName(a.name, "attribute", `${path}/@*`)) return [];
        const at = `${path}/@${a.name}`;
        return [
          {
            ns: a.ns,
            local: a.name,
            text: ` ${this.qname(a.ns, a.name, true)}="${this.checks.attributeValue(a.value, at)}"`,
          },
        ];
      }),
    );
    const siblings = new Siblings();
    for (const c of el.children) if (typeof c !== "string") siblings.add(anyStep(c));
    const body = el.children
      .map((c) =>
        typeof c === "string"
          ? this.checks.text(c, path)
          : this.anyElement(c, `${path}/${siblings.step(anyStep(c))}`),
      )
      .join("");
    if (!validName) return "";
    return body === ""
      ? this.open(name, attributes, true)
      : `${this.open(name, attributes, false)}${body}</${name}>`;
  }

  /**
   * The root's namespace declarations, in order; when canonical, in C14N order (the default namespace
   * first, then by prefix) and without a superfluous `xmlns=""`. Prefixes and URIs from the options are
   * checked like values.
   */
  declarations(): string {
    const declared = this.options.canonical ? sortDeclarationsCanonically(this.declared) : this.declared;
    return declared
      .map((d) => {
        const attribute = d.prefix === "" ? "xmlns" : `xmlns:${d.prefix}`;
        if (
          d.prefix !== "" &&
          !this.checks.checkName(d.prefix, "namespace prefix", `${this.rootPath}/@xmlns:*`)
        )
          return "";
        return ` ${attribute}="${this.checks.attributeValue(d.uri, `${this.rootPath}/@${attribute}`)}"`;
      })
      .join("");
  }
}

function isNil(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { $nil?: unknown }).$nil === true;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}

/**
 * Writes a value as the given root element. The value's type is the root's: with a root from a typed
 * schema set (`rootOf(schemaSet, "ProcessProductionSchedule")`), a document of another root type does not
 * compile; an untyped root (`RootMeta<unknown>`) takes any value, checked against the metadata at run time.
 *
 * @throws {@link BindingWriteError} listing every property that does not fit the metadata, every value
 *   with a character XML 1.0 forbids and every name from the value that is no XML name, each with the
 *   XPath of its element or attribute
 */
export function write<R extends RootMeta<unknown>>(
  value: RootValue<R>,
  root: R,
  options: WriteOptions = {},
): string {
  const { element } = root;
  const writer = new Writer(indexSchemaSet(root.schemaSet), options, element.ns);
  writer.rootPath = `/${element.name}`;
  const body = writer.element(element.ns, element.name, element.type, value, writer.rootPath, 0);
  const declarations = writer.declarations();
  if (writer.checks.problems.length > 0) throw new BindingWriteError(writer.checks.problems);
  const xml = body.replace(Writer.ROOT_MARK, declarations);
  return options.declaration === false || options.canonical
    ? xml
    : `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
