/**
 * A small positioned element tree over a strict, namespace-aware SAX parser (saxes).
 *
 * It keeps what a schema reader and a binding reader need: element and attribute names with their
 * namespaces, the in-scope prefix bindings (to resolve QName-valued attributes such as `type="xsd:string"`),
 * text exactly as written, and the line and column where each element starts. Comments and processing
 * instructions are dropped. A DOCTYPE is refused: neither B2MML nor XSD needs one, and refusing it closes
 * the door on entity expansion and external DTDs.
 *
 * @module
 */
import { SaxesParser } from "saxes";

/** An attribute with its namespace (`null` for an unprefixed attribute). */
export interface XmlAttribute {
  readonly ns: string | null;
  readonly local: string;
  readonly prefix: string;
  readonly value: string;
}

/** An element with its position in the source (1-based line and column of its `<`). */
export interface XmlElement {
  readonly kind: "element";
  readonly ns: string | null;
  readonly local: string;
  readonly prefix: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** Prefix → namespace bindings in scope at this element (`""` is the default namespace). */
  readonly scope: ReadonlyMap<string, string>;
  readonly line: number;
  readonly column: number;
}

/** Character data (text and CDATA sections) exactly as it stood in the source. */
export interface XmlText {
  readonly kind: "text";
  readonly value: string;
}

export type XmlNode = XmlElement | XmlText;

/** Why a document could not be read. */
export type XmlParseErrorCode = "XML_NOT_WELL_FORMED" | "XML_DOCTYPE_REFUSED" | "XML_EMPTY";

/** A document that is not well-formed, or is refused; carries where it happened. */
export class XmlParseError extends Error {
  override readonly name = "XmlParseError";
  constructor(
    readonly code: XmlParseErrorCode,
    message: string,
    readonly line: number,
    readonly column: number,
    readonly file?: string,
  ) {
    super(`${file ?? "<input>"}:${line}:${column}: ${message}`);
  }
}

interface MutableElement {
  kind: "element";
  ns: string | null;
  local: string;
  prefix: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  scope: ReadonlyMap<string, string>;
  line: number;
  column: number;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * Parses a document into an element tree.
 *
 * @param xml the document text
 * @param file a name for positions in errors (a path, or omitted)
 * @throws {@link XmlParseError} when the input is not well-formed, has a DOCTYPE or has no root element
 */
export function parseXmlTree(xml: string, file?: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let startLine = 1;
  let startColumn = 1;

  const fail = (code: XmlParseErrorCode, message: string): never => {
    throw new XmlParseError(code, message, parser.line, parser.column + 1, file);
  };

  parser.on("error", (err) => {
    // saxes prefixes its message with "line:column: "; keep our own position format.
    fail("XML_NOT_WELL_FORMED", err.message.replace(/^\d+:\d+: /, ""));
  });
  parser.on("doctype", () => fail("XML_DOCTYPE_REFUSED", "a DOCTYPE is not accepted"));
  parser.on("opentagstart", (tag) => {
    // the parser stands right after "<name" (0-based column): step back over the name and the "<"
    startLine = parser.line;
    startColumn = Math.max(1, parser.column - [...tag.name].length);
  });
  parser.on("opentag", (tag) => {
    const parent = stack[stack.length - 1];
    let scope: ReadonlyMap<string, string> = parent?.scope ?? new Map();
    const declared = Object.entries(tag.ns ?? {});
    if (declared.length > 0) {
      const next = new Map(scope);
      for (const [prefix, uri] of declared) next.set(prefix, uri);
      scope = next;
    }
    const attributes: XmlAttribute[] = [];
    for (const attr of Object.values(tag.attributes)) {
      if (attr.uri === XMLNS_NS || attr.name === "xmlns") continue;
      attributes.push({
        ns: attr.uri === "" ? null : attr.uri,
        local: attr.local,
        prefix: attr.prefix,
        value: attr.value,
      });
    }
    const element: MutableElement = {
      kind: "element",
      ns: tag.uri === "" ? null : tag.uri,
      local: tag.local,
      prefix: tag.prefix,
      attributes,
      children: [],
      scope,
      line: startLine,
      column: startColumn,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const addText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return; // whitespace outside the root element
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === "text")
      parent.children[parent.children.length - 1] = { kind: "text", value: last.value + value };
    else parent.children.push({ kind: "text", value });
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

  parser.write(xml).close();
  if (!root) return fail("XML_EMPTY", "the document has no root element");
  return root;
}

/** The attribute value of an unqualified attribute, or `undefined`. */
export function attributeValue(element: XmlElement, local: string): string | undefined {
  for (const attr of element.attributes) if (attr.ns === null && attr.local === local) return attr.value;
  return undefined;
}

/** The child elements of an element, in document order. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === "element");
}

/** The concatenated character data directly inside an element. */
export function textContent(element: XmlElement): string {
  let text = "";
  for (const child of element.children) if (child.kind === "text") text += child.value;
  return text;
}
