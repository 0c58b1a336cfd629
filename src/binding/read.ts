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
import { type Issue, parseIssuePath } from "../shared/issue.js";
import { toAnyElement } from "./any-element.js";
import { ContentMatcher, childPaths, type ElementValueReader } from "./content-matcher.js";
import type { ComplexTypeMeta } from "./metadata.js";
import {
  ANY_TYPE,
  complexType,
  indexSchemaSet,
  isBuiltin,
  type RootMeta,
  type SchemaIndex,
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
export interface BindingIssue extends Issue<BindingIssueCode, "binding"> {
  readonly line: number;
  readonly column: number;
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

class Reader implements ElementValueReader {
  readonly issues: BindingIssue[] = [];
  constructor(private readonly index: SchemaIndex) {}

  report(
    code: BindingIssueCode,
    element: XmlElement,
    path: string,
    message: string,
    severity: "error" | "warning" = "error",
  ) {
    const { line, column } = element;
    this.issues.push({
      code,
      severity,
      origin: "binding",
      message,
      line,
      column,
      path: parseIssuePath(path),
    });
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
