/**
 * The event side of the hardened reader ({@link parseXmlTree}, {@link scanXml}): saxes events checked
 * against the limits as they arrive ({@link readXml}), handed to a sink that builds the positioned element
 * tree ({@link TreeSink}) or, in scan mode, only records the root element (`ScanSink` in `xml-tree.ts`).
 * Both modes run the same parser with the same handlers, so every refusal has the same code, message and
 * position. Internal to `xml-tree.ts`.
 *
 * It runs once per event of every document read, so it is written for speed and for a small tree:
 * - the parser keeps V8's fast object shape ({@link ReaderParser});
 * - no object is allocated per event beyond the tree itself: positions are kept in plain numbers;
 * - children are collected on one shared stack and copied into an array of the exact size when their
 *   element closes (no array growth, no slack);
 * - element and attribute names, and whitespace-only text nodes (the indentation between elements), are
 *   shared through small caches: a pretty-printed document repeats a few dozen names and indentations
 *   hundreds of thousands of times. Text nodes are read-only, so sharing one is not observable.
 *
 * @module
 */
import type { SaxesAttributeNS, SaxesTagNS } from "saxes";
import { findDoctype, type Position, positionOf, ReaderParser, type Refuse } from "./xml-input.js";
import type { DEFAULT_READER_LIMITS, XmlAttribute, XmlElement, XmlNode, XmlText } from "./xml-model.js";
import { classifyNamespaceUri } from "./xml-namespace-uri.js";
import { explainNotQName } from "./xml-qname.js";

export type Limits = { -readonly [K in keyof typeof DEFAULT_READER_LIMITS]: number };

/** What {@link readXml} hands the accepted events to; it checks nothing itself. */
export interface ReaderSink<R> {
  /** An element opened; `line` and `column` are those of its `<`. */
  open(tag: SaxesTagNS, line: number, column: number, hasAttributes: boolean): void;
  /** The innermost open element closed. */
  close(): void;
  /** Character data inside the root; `continued` when it extends the text just before (comments between). */
  text(value: string, continued: boolean): void;
  /** What was read, once the parser closed without error; `undefined` when there was no root. */
  result(): R | undefined;
}

/**
 * Parses the chunks, enforcing the limits on the events as they come, and returns what the sink made.
 *
 * @param hasElement whether the input has something that could be an element (tells `XML_EMPTY` from
 *   `XML_NOT_WELL_FORMED`; only called on an error)
 */
export function readXml<R>(
  chunks: Iterable<string>,
  limits: Limits,
  refuse: Refuse,
  hasElement: () => boolean,
  sink: ReaderSink<R>,
): R {
  const { maxDepth, maxElements, maxAttributes, maxTextLength, maxNameLength } = limits;
  const parser = new ReaderParser();
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  /** Where the open elements start, innermost last (for the message about a mismatched end tag). */
  const openLines: number[] = [];
  const openColumns: number[] = [];
  let depth = 0;
  let hasRoot = false;
  let elementCount = 0;
  let attributeCount = 0;
  /** The `<` of the element being opened. */
  let tagLine = 1;
  let tagColumn = 1;
  /** The element closed last (line 0: none): saxes reports a mismatched end tag right after popping it. */
  let closedLine = 0;
  let closedColumn = 0;
  let closedName = "";
  /** Characters fed to the parser, and the position (in characters) and place of the last event. */
  let fed = 0;
  let lastEvent = 0;
  let lastLine = 1;
  let lastColumn = 1;
  /** Where the text being collected starts, its length so far, and whether there is one (in the element). */
  let textLine = 1;
  let textColumn = 1;
  let textLength = 0;
  let inText = false;
  /** Whether the last event was text, which saxes reports after reading the "<" that ends it. */
  let afterText = false;

  const mark = (text: boolean) => {
    lastEvent = parser.position;
    lastLine = parser.line;
    lastColumn = parser.column + 1;
    afterText = text;
  };
  const lastPlace = (): Position => ({ line: lastLine, column: lastColumn });
  const tooLong = (what: string, at: Position): never =>
    refuse("XML_TEXT_TOO_LONG", `${what} longer than maxTextLength (${maxTextLength})`, at);
  const nameTooLong = (at: Position): never =>
    refuse("XML_NAME_TOO_LONG", `a name longer than maxNameLength (${maxNameLength})`, at);
  const checkQName = (name: string, what: string, at: Position) => {
    const reason = explainNotQName(name);
    if (reason !== undefined)
      refuse("XML_BAD_QNAME", `the ${what} name "${name}" is not a QName: ${reason}`, at, {
        expected: "a QName: NCName or NCName:NCName",
        received: name,
      });
  };
  const checkNamespaceUri = (name: string, value: string, at: Position) => {
    if (value === "") return; // xmlns="" undeclares the default namespace; xmlns:p="" is saxes's error
    const kind = classifyNamespaceUri(value);
    if (kind === "absolute") return;
    const what =
      kind === "relative"
        ? "a relative URI reference (namespace names must be absolute; Canonical XML refuses relative ones)"
        : "not a URI reference (RFC 3986: no spaces, no non-ASCII characters unless percent-encoded)";
    refuse("XML_BAD_NAMESPACE_URI", `${name}="${value}": the namespace name is ${what}`, at, {
      expected: "an absolute URI (RFC 3986)",
      received: value,
    });
  };

  parser.on("error", (err) => {
    // saxes prefixes its message with "line:column: "; keep our own position format.
    let message = err.message.replace(/^\d+:\d+: /, "");
    if (message.startsWith("unexpected close tag") && closedLine > 0)
      message = `unexpected close tag: expected </${closedName}> for the element at ${closedLine}:${closedColumn}`;
    if (!hasRoot && /must contain a root element/.test(message) && !hasElement())
      refuse("XML_EMPTY", "the document has no root element", here());
    refuse("XML_NOT_WELL_FORMED", message, here());
  });
  parser.on("doctype", () => refuse("XML_DOCTYPE_REFUSED", "a DOCTYPE is not accepted", lastPlace()));
  parser.on("xmldecl", (decl) => {
    if (decl.encoding !== undefined && decl.encoding.toLowerCase() !== "utf-8")
      refuse(
        "XML_UNSUPPORTED_ENCODING",
        `the XML declaration names the encoding ${JSON.stringify(decl.encoding)}; only UTF-8 is read`,
        lastPlace(),
      );
    mark(false);
  });
  parser.on("comment", (comment) => {
    if (comment.length > maxTextLength) tooLong("a comment", lastPlace());
    mark(false);
    // saxes reports a comment on its "--", before reading the ">" that must follow on the same line
    lastColumn++;
  });
  parser.on("processinginstruction", (pi) => {
    if (pi.body.length > maxTextLength) tooLong("a processing instruction", lastPlace());
    mark(false);
  });
  parser.on("opentagstart", (tag) => {
    // The "<" stands where the last event left the parser, or one column before it when that event was
    // text (saxes reports text on reading the "<"). Counting back over the name would be wrong when a
    // line break follows it.
    tagLine = lastLine;
    tagColumn = afterText ? lastColumn - 1 : lastColumn;
    const at = { line: tagLine, column: tagColumn };
    if (tag.name.length > maxNameLength) nameTooLong(at);
    if (tag.name.includes(":")) checkQName(tag.name, "element", at);
    if (depth + 1 > maxDepth) refuse("XML_TOO_DEEP", `elements nest deeper than maxDepth (${maxDepth})`, at);
    if (++elementCount > maxElements)
      refuse("XML_TOO_MANY_ELEMENTS", `more elements than maxElements (${maxElements})`, at);
    attributeCount = 0;
    textLength = 0;
    inText = false;
    mark(false);
  });
  parser.on("attribute", (attr) => {
    if (attr.name.length > maxNameLength) nameTooLong(lastPlace());
    if (++attributeCount > maxAttributes)
      refuse(
        "XML_TOO_MANY_ATTRIBUTES",
        `an element with more than maxAttributes (${maxAttributes}) attributes`,
        { line: tagLine, column: tagColumn },
      );
    if (attr.value.length > maxTextLength) tooLong("an attribute value", lastPlace());
    if (attr.name.includes(":")) checkQName(attr.name, "attribute", lastPlace());
    if (attr.prefix === "xmlns" || attr.name === "xmlns")
      checkNamespaceUri(attr.name, attr.value, lastPlace());
    mark(false);
  });
  parser.on("opentag", (tag) => {
    sink.open(tag, tagLine, tagColumn, attributeCount > 0);
    hasRoot = true;
    openLines.push(tagLine);
    openColumns.push(tagColumn);
    depth++;
    mark(false);
  });
  parser.on("closetag", (tag) => {
    if (tag.name.length > maxNameLength) nameTooLong(lastPlace());
    sink.close();
    depth--;
    closedLine = openLines.pop() ?? 0;
    closedColumn = openColumns.pop() ?? 0;
    closedName = tag.name;
    textLength = 0;
    inText = false;
    mark(false);
  });
  const addText = (value: string) => {
    if (depth > 0 && value !== "") {
      if (!inText) {
        textLine = lastLine;
        textColumn = lastColumn;
        textLength = 0;
      }
      sink.text(value, inText);
      inText = true;
      textLength += value.length;
      if (textLength > maxTextLength) tooLong("a text node", { line: textLine, column: textColumn });
    } else if (depth === 0 && value.length > maxTextLength)
      tooLong("text outside the root element", lastPlace());
  };
  parser.on("text", (text) => {
    addText(text);
    mark(true);
  });
  // unlike text, a CDATA section is reported on its "]]>", not on the "<" after it
  parser.on("cdata", (cdata) => {
    addText(cdata);
    mark(false);
  });

  let first = true;
  for (const chunk of chunks) {
    if (first) {
      first = false;
      const doctype = findDoctype(chunk);
      if (doctype >= 0)
        refuse("XML_DOCTYPE_REFUSED", "a DOCTYPE is not accepted", positionOf(chunk, doctype));
    }
    parser.write(chunk);
    fed += chunk.length;
    // A construct still open after this chunk (text, attribute value, comment, name…) is bounded here,
    // before the parser buffers more of it.
    if (fed - lastEvent > maxTextLength) {
      const text = depth > 0 && textLength > 0;
      tooLong(
        "a text node, attribute value, comment or name",
        text ? { line: textLine, column: textColumn } : lastPlace(),
      );
    }
  }
  parser.close();
  const result = sink.result();
  if (result === undefined)
    return refuse(
      hasElement() ? "XML_NOT_WELL_FORMED" : "XML_EMPTY",
      "the document has no root element",
      here(),
    );
  return result;
}

interface MutableElement {
  kind: "element";
  ns: string | null;
  local: string;
  prefix: string;
  attributes: readonly XmlAttribute[];
  children: readonly XmlNode[];
  scope: ReadonlyMap<string, string>;
  line: number;
  column: number;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
/** Shared by every element without attributes or children: a large tree costs about a third less. */
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const NO_NODES: readonly XmlNode[] = Object.freeze([]);
/** Most distinct names, and whitespace-only texts, kept for sharing in one document. */
const MAX_SHARED = 4096;
/** Longest whitespace-only text shared. */
const MAX_SHARED_BLANK = 128;

/** Builds the positioned element tree ({@link parseXmlTree}). */
export class TreeSink implements ReaderSink<XmlElement> {
  /** The open elements, and where each one's children start in `nodes`. */
  private readonly stack: MutableElement[] = [];
  private readonly starts: number[] = [];
  /**
   * The children of the open elements collected so far, innermost last, up to `top` (entries past it are
   * stale: already copied into their element).
   */
  private readonly nodes: XmlNode[] = [];
  private top = 0;
  private readonly names = new Map<string, string>();
  private readonly blanks = new Map<string, XmlText>();
  private root: MutableElement | undefined;

  open(tag: SaxesTagNS, line: number, column: number, hasAttributes: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    // An element that declares no namespace shares its parent's scope. Declarations are attributes, so an
    // element without attributes skips both loops.
    let scope: ReadonlyMap<string, string> = parent === undefined ? new Map() : parent.scope;
    let attributes: XmlAttribute[] | undefined;
    if (hasAttributes) {
      const declared = tag.ns;
      let next: Map<string, string> | undefined;
      for (const prefix in declared) {
        next ??= new Map(scope);
        next.set(prefix, declared[prefix] ?? "");
      }
      if (next) scope = next;
      attributes = this.ownAttributes(tag.attributes);
    }
    const element: MutableElement = {
      kind: "element",
      ns: tag.uri === "" ? null : tag.uri,
      local: this.shared(tag.local),
      prefix: tag.prefix,
      attributes: attributes ?? NO_ATTRIBUTES,
      children: NO_NODES,
      scope,
      line,
      column,
    };
    if (parent === undefined) this.root = element;
    else this.nodes[this.top++] = element;
    this.stack.push(element);
    this.starts.push(this.top);
  }

  close(): void {
    const closed = this.stack.pop();
    const start = this.starts.pop();
    if (closed !== undefined && start !== undefined && this.top > start) {
      closed.children = this.nodes.slice(start, this.top);
      this.top = start;
    }
  }

  text(value: string, continued: boolean): void {
    const last = continued ? this.nodes[this.top - 1] : undefined;
    if (last !== undefined && last.kind === "text")
      this.nodes[this.top - 1] = { kind: "text", value: last.value + value };
    else this.nodes[this.top++] = this.textNode(value);
  }

  result(): XmlElement | undefined {
    return this.root;
  }

  /** The one copy of a name kept for the whole tree. */
  private shared(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    if (this.names.size < MAX_SHARED) this.names.set(name, name);
    return name;
  }

  /** The attributes of an element, namespace declarations left out (they are in its scope). */
  private ownAttributes(all: Record<string, SaxesAttributeNS>): XmlAttribute[] | undefined {
    let attributes: XmlAttribute[] | undefined;
    // saxes keeps attributes in a prototype-less object: for…in is the fast way through
    for (const name in all) {
      const attr = all[name];
      if (attr === undefined || attr.uri === XMLNS_NS || attr.name === "xmlns") continue;
      attributes ??= [];
      attributes.push({
        ns: attr.uri === "" ? null : attr.uri,
        local: this.shared(attr.local),
        prefix: attr.prefix,
        value: attr.value,
      });
    }
    return attributes;
  }

  /** A text node; whitespace-only ones (indentation) are shared. */
  private textNode(value: string): XmlText {
    const first = value.charCodeAt(0);
    if (value.length > MAX_SHARED_BLANK || !(first === 0x0a || first === 0x20 || first === 0x09))
      return { kind: "text", value };
    const known = this.blanks.get(value);
    if (known !== undefined) return known;
    const node: XmlText = { kind: "text", value };
    if (this.blanks.size < MAX_SHARED && isBlank(value)) this.blanks.set(value, node);
    return node;
  }
}

/** Whether `text` is made of XML white space only (after saxes's line-end normalization). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}
