/**
 * Reads a document into the generated types, driven by the binding metadata: schema order and
 * occurrence come from the metadata, an element with `maxOccurs > 1` is always an array, and every simple
 * value is kept as the exact string written (decimals, dateTimes with their offsets and fractions).
 *
 * What the metadata has no place for is reported as an issue, never dropped silently. Whitespace between
 * elements of element-only content is not part of the value.
 *
 * @module
 */
import type { AnyElement, ComplexTypeMeta, GroupParticleMeta, ParticleMeta } from "./metadata.js";
import {
  ANY_TYPE,
  complexType,
  indexSchemaSet,
  isBuiltin,
  type RootMeta,
  type SchemaIndex,
  wildcardAllows,
} from "./schema-index.js";
import { childElements, parseXmlTree, type ReaderOptions, textContent, type XmlElement } from "./xml-tree.js";

export const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

export type BindingIssueCode =
  | "BIND_ROOT_MISMATCH"
  | "BIND_UNEXPECTED_ELEMENT"
  | "BIND_UNEXPECTED_TEXT"
  | "BIND_UNKNOWN_ATTRIBUTE"
  | "BIND_UNKNOWN_TYPE"
  | "BIND_XSI_TYPE_IGNORED"
  | "BIND_SCHEMA_LOCATION_IGNORED"
  | "BIND_NIL_NOT_NILLABLE"
  | "BIND_NIL_WITH_CONTENT";

/** Something in the document that the value does not hold. */
export interface BindingIssue {
  readonly code: BindingIssueCode;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

/** A namespace declaration of the root element, so that a writer can declare the same prefixes. */
export interface NamespaceDeclaration {
  readonly prefix: string;
  readonly uri: string;
}

export interface ReadResult<T> {
  /** `undefined` only when the root element is not the expected one. */
  readonly value: T | undefined;
  readonly issues: BindingIssue[];
  readonly namespaces: NamespaceDeclaration[];
}

type Target = Record<string, unknown>;

class Reader {
  readonly issues: BindingIssue[] = [];
  constructor(private readonly index: SchemaIndex) {}

  report(
    code: BindingIssueCode,
    element: XmlElement,
    path: string,
    message: string,
    severity: "error" | "warning" = "error",
  ) {
    this.issues.push({ code, severity, message, line: element.line, column: element.column, path });
  }

  /** Reads an element's value according to its type (and nillability). */
  value(element: XmlElement, type: string, nillable: boolean, path: string): unknown {
    let nil = false;
    for (const attr of element.attributes) {
      if (attr.ns !== XSI_NAMESPACE) continue;
      if (attr.local === "nil" && (attr.value.trim() === "true" || attr.value.trim() === "1")) nil = true;
      else if (attr.local === "type")
        this.report(
          "BIND_XSI_TYPE_IGNORED",
          element,
          path,
          `xsi:type="${attr.value}" is not used; the value is read as the declared type`,
          "warning",
        );
      else if (attr.local === "schemaLocation" || attr.local === "noNamespaceSchemaLocation")
        this.report(
          "BIND_SCHEMA_LOCATION_IGNORED",
          element,
          path,
          `xsi:${attr.local} is ignored and not kept in the value`,
          "warning",
        );
    }
    if (nil) {
      if (!nillable)
        this.report(
          "BIND_NIL_NOT_NILLABLE",
          element,
          path,
          `${element.local} is not nillable but carries xsi:nil`,
        );
      if (
        element.children.some((c) => c.kind === "element" || c.value.trim() !== "") ||
        element.attributes.some((a) => a.ns !== XSI_NAMESPACE)
      )
        this.report(
          "BIND_NIL_WITH_CONTENT",
          element,
          path,
          `${element.local} carries xsi:nil and also content or attributes, which are not kept`,
        );
      return { $nil: true };
    }
    if (type === ANY_TYPE) return toAnyElement(element);
    const complex = complexType(this.index, type);
    if (!complex) {
      if (!isBuiltin(type) && !this.index.types.has(type))
        this.report("BIND_UNKNOWN_TYPE", element, path, `type ${type} is not in the schema set`);
      this.noChildElements(element, path);
      this.noAttributes(element, path, undefined);
      return textContent(element);
    }
    return this.complexValue(element, complex, path);
  }

  private noChildElements(element: XmlElement, path: string) {
    for (const child of childElements(element))
      this.report(
        "BIND_UNEXPECTED_ELEMENT",
        child,
        `${path}/${child.local}`,
        `${child.local} is not allowed in the simple value of ${element.local}`,
      );
  }

  private noAttributes(element: XmlElement, path: string, type: ComplexTypeMeta | undefined) {
    for (const attr of element.attributes) {
      if (attr.ns === XSI_NAMESPACE) continue;
      const known = type?.attributes.some((a) => a.name === attr.local && a.ns === attr.ns);
      if (!known && !type?.anyAttribute)
        this.report(
          "BIND_UNKNOWN_ATTRIBUTE",
          element,
          path,
          `attribute ${attr.prefix ? `${attr.prefix}:` : ""}${attr.local} is not declared for ${element.local}`,
        );
    }
  }

  private complexValue(element: XmlElement, type: ComplexTypeMeta, path: string): Target {
    const target: Target = {};
    for (const attr of element.attributes) {
      if (attr.ns === XSI_NAMESPACE) continue;
      const meta = type.attributes.find((a) => a.name === attr.local && a.ns === attr.ns);
      if (meta) target[meta.prop] = attr.value;
      else if (type.anyAttribute) {
        const bag = (target[type.anyAttribute.prop] ?? {}) as Record<string, string>;
        target[type.anyAttribute.prop] = bag;
        bag[attr.ns ? `{${attr.ns}}${attr.local}` : attr.local] = attr.value;
      }
    }
    this.noAttributes(element, path, type);
    if (type.simpleContent) {
      this.noChildElements(element, path);
      target[type.simpleContent.prop] = textContent(element);
      return target;
    }
    const children = childElements(element);
    const paths = childPaths(children, path);
    const matcher = new ContentMatcher(this, children, paths, type.ns);
    if (type.content) matcher.particle(type.content, target);
    for (let i = matcher.pos; i < children.length; i++) {
      const child = children[i] as XmlElement;
      this.report(
        "BIND_UNEXPECTED_ELEMENT",
        child,
        paths[i] ?? path,
        `${child.local} is not expected here in ${element.local} (type ${type.name})`,
      );
    }
    const text = element.children.filter((c) => c.kind === "text").map((c) => c.value);
    if (type.mixed) {
      if (text.length > 0) target.$text = text;
    } else if (text.some((t) => t.trim() !== ""))
      this.report(
        "BIND_UNEXPECTED_TEXT",
        element,
        path,
        `${element.local} has element-only content; its text is not kept`,
      );
    return target;
  }
}

/** Matches child elements against a content model, greedily (B2MML's content models are deterministic). */
class ContentMatcher {
  pos = 0;
  constructor(
    private readonly reader: Reader,
    private readonly children: readonly XmlElement[],
    private readonly paths: readonly string[],
    private readonly targetNs: string | null,
  ) {}

  private current(): XmlElement | undefined {
    return this.children[this.pos];
  }

  /** Whether the particle can start with the element. */
  canStart(p: ParticleMeta, el: XmlElement): boolean {
    if (p.kind === "element") return el.local === p.name && el.ns === p.ns;
    if (p.kind === "any") return wildcardAllows(p.namespace, el.ns, this.targetNs);
    if (p.kind === "choice" || p.kind === "all") return p.particles.some((q) => this.canStart(q, el));
    for (const q of p.particles) {
      if (this.canStart(q, el)) return true;
      if (q.min > 0) return false;
    }
    return false;
  }

  /** Matches one particle (all its occurrences) into the target; returns how many elements it took. */
  particle(p: ParticleMeta, target: Target): number {
    const start = this.pos;
    const max = p.max === "unbounded" ? Number.POSITIVE_INFINITY : p.max;
    if (p.kind === "element" || p.kind === "any") {
      for (let count = 0; count < max; count++) {
        const el = this.current();
        if (!el || !this.canStart(p, el)) break;
        const value =
          p.kind === "element"
            ? this.reader.value(el, p.type, p.nillable === true, this.paths[this.pos] ?? "")
            : toAnyElement(el);
        store(target, p.prop, value, p.kind === "any" || p.max !== 1);
        this.pos++;
      }
      return this.pos - start;
    }
    if (p.prop === undefined) {
      this.groupOnce(p, target);
      return this.pos - start;
    }
    const items: Target[] = [];
    for (let count = 0; count < max; count++) {
      const item: Target = {};
      if (this.groupOnce(p, item) === 0) break;
      items.push(item);
    }
    if (items.length > 0) store(target, p.prop, items, true);
    return this.pos - start;
  }

  private groupOnce(g: GroupParticleMeta, target: Target): number {
    const start = this.pos;
    if (g.kind === "choice") {
      const el = this.current();
      const branch = el ? g.particles.find((q) => this.canStart(q, el)) : undefined;
      if (branch) this.particle(branch, target);
    } else if (g.kind === "all") {
      const done = new Set<ParticleMeta>();
      for (let progress = true; progress; ) {
        progress = false;
        for (const q of g.particles) {
          if (done.has(q) || this.particle(q, target) === 0) continue;
          done.add(q);
          progress = true;
        }
      }
    } else for (const q of g.particles) this.particle(q, target);
    return this.pos - start;
  }
}

function store(target: Target, prop: string, value: unknown, many: boolean) {
  const existing = target[prop];
  if (Array.isArray(existing)) {
    // element values are never arrays; an array is the items of a repeating group
    if (Array.isArray(value)) existing.push(...value);
    else existing.push(value);
  } else if (existing !== undefined)
    target[prop] = [existing, value]; // the same element twice on one object
  else target[prop] = many && !Array.isArray(value) ? [value] : value;
}

function childPaths(children: readonly XmlElement[], parent: string): string[] {
  const counts = new Map<string, number>();
  for (const c of children) counts.set(c.local, (counts.get(c.local) ?? 0) + 1);
  const seen = new Map<string, number>();
  return children.map((c) => {
    const n = (seen.get(c.local) ?? 0) + 1;
    seen.set(c.local, n);
    return `${parent}/${c.local}${(counts.get(c.local) ?? 0) > 1 ? `[${n}]` : ""}`;
  });
}

/** Keeps an element matched by a wildcard as a tree. */
export function toAnyElement(element: XmlElement): AnyElement {
  return {
    ns: element.ns,
    name: element.local,
    attributes: element.attributes.map((a) => ({ ns: a.ns, name: a.local, value: a.value })),
    children: element.children.map((c) => (c.kind === "text" ? c.value : toAnyElement(c))),
  };
}

/**
 * Reads a document (text, bytes, or an already parsed tree) as the given root element.
 *
 * @throws {@link XmlParseError} when the input is not well-formed or is refused by the hardened reader
 */
export function read<T = unknown>(
  input: string | Uint8Array | XmlElement,
  root: RootMeta,
  options: ReaderOptions = {},
): ReadResult<T> {
  const tree = typeof input === "object" && "kind" in input ? input : parseXmlTree(input, options);
  const reader = new Reader(indexSchemaSet(root.schemaSet));
  const namespaces = [...tree.scope].map(([prefix, uri]) => ({ prefix, uri }));
  const path = `/${tree.local}`;
  if (tree.local !== root.element.name || tree.ns !== root.element.ns) {
    reader.report(
      "BIND_ROOT_MISMATCH",
      tree,
      path,
      `the root element is {${tree.ns ?? ""}}${tree.local}, expected {${root.element.ns ?? ""}}${root.element.name}`,
    );
    return { value: undefined, issues: reader.issues, namespaces };
  }
  const value = reader.value(tree, root.element.type, root.element.nillable === true, path) as T;
  return { value, issues: reader.issues, namespaces };
}
