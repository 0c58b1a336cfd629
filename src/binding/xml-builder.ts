/**
 * The tree builder of the hardened reader ({@link parseXmlTree}): saxes events to a positioned element
 * tree, with the limits checked as the events arrive. Internal to `xml-tree.ts`.
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
import { type SaxesAttributeNS, SaxesParser } from "saxes";
import { findDoctype, type Position, positionOf, type Refuse } from "./xml-input.js";
import type { DEFAULT_READER_LIMITS, XmlAttribute, XmlElement, XmlNode, XmlText } from "./xml-tree.js";

export type Limits = { -readonly [K in keyof typeof DEFAULT_READER_LIMITS]: number };

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

/** The handler slots of a saxes parser (private in its typings). */
interface HandlerSlots {
  xmldeclHandler: unknown;
  textHandler: unknown;
  piHandler: unknown;
  doctypeHandler: unknown;
  commentHandler: unknown;
  openTagStartHandler: unknown;
  attributeHandler: unknown;
  openTagHandler: unknown;
  closeTagHandler: unknown;
  cdataHandler: unknown;
  errorHandler: unknown;
  endHandler: unknown;
  readyHandler: unknown;
}

/**
 * saxes with its handler slots created up front. `on()` stores a handler under a computed key
 * (`this[HANDLER_NAME[name]] = handler`), and V8 turns an object into a slow dictionary once a few
 * properties have been added through computed keys: with the reader's eleven handlers every field access
 * in saxes's hot loop (`write`, `getCode10`, one call per character) became a hash lookup, and saxes ran
 * 4–5× slower than with no handler. Creating the slots here with plain stores keeps the parser's fast
 * shape; `on()` then only fills them. Correctness never depends on it (handlers are still registered
 * through `on()`), only speed.
 */
class ReaderParser extends SaxesParser<{ xmlns: true; position: true }> {
  constructor() {
    super({ xmlns: true, position: true });
    const slots = this as unknown as HandlerSlots;
    slots.xmldeclHandler = undefined;
    slots.textHandler = undefined;
    slots.piHandler = undefined;
    slots.doctypeHandler = undefined;
    slots.commentHandler = undefined;
    slots.openTagStartHandler = undefined;
    slots.attributeHandler = undefined;
    slots.openTagHandler = undefined;
    slots.closeTagHandler = undefined;
    slots.cdataHandler = undefined;
    slots.errorHandler = undefined;
    slots.endHandler = undefined;
    slots.readyHandler = undefined;
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

/**
 * Parses the chunks into an element tree, enforcing the limits on the events as they come.
 *
 * @param hasElement whether the input has something that could be an element (tells `XML_EMPTY` from
 *   `XML_NOT_WELL_FORMED`; only called on an error)
 */
export function buildTree(
  chunks: Iterable<string>,
  limits: Limits,
  refuse: Refuse,
  hasElement: () => boolean,
): XmlElement {
  const { maxDepth, maxElements, maxAttributes, maxTextLength, maxNameLength } = limits;
  const parser = new ReaderParser();
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  /** The open elements, and where each one's children start in `nodes`. */
  const stack: MutableElement[] = [];
  const starts: number[] = [];
  /**
   * The children of the open elements collected so far, innermost last, up to `top` (entries past it are
   * stale: already copied into their element).
   */
  const nodes: XmlNode[] = [];
  let top = 0;
  const names = new Map<string, string>();
  const blanks = new Map<string, XmlText>();
  let root: MutableElement | undefined;
  let elementCount = 0;
  let attributeCount = 0;
  /** The `<` of the element being opened. */
  let tagLine = 1;
  let tagColumn = 1;
  /** The element closed last, and its name: saxes reports a mismatched end tag right after popping it. */
  let lastClosed: MutableElement | undefined;
  let lastClosedName = "";
  /** Characters fed to the parser, and the position (in characters) and place of the last event. */
  let fed = 0;
  let lastEvent = 0;
  let lastLine = 1;
  let lastColumn = 1;
  /** Where the text node being collected starts, and its length so far. */
  let textLine = 1;
  let textColumn = 1;
  let textLength = 0;
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
  /** The one copy of a name kept for the whole tree. */
  const shared = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    if (names.size < MAX_SHARED) names.set(name, name);
    return name;
  };

  parser.on("error", (err) => {
    // saxes prefixes its message with "line:column: "; keep our own position format.
    let message = err.message.replace(/^\d+:\d+: /, "");
    if (message.startsWith("unexpected close tag") && lastClosed)
      message = `unexpected close tag: expected </${lastClosedName}> for the element at ${lastClosed.line}:${lastClosed.column}`;
    if (root === undefined && /must contain a root element/.test(message) && !hasElement())
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
    if (tag.name.length > maxNameLength) nameTooLong({ line: tagLine, column: tagColumn });
    if (stack.length + 1 > maxDepth)
      refuse("XML_TOO_DEEP", `elements nest deeper than maxDepth (${maxDepth})`, {
        line: tagLine,
        column: tagColumn,
      });
    if (++elementCount > maxElements)
      refuse("XML_TOO_MANY_ELEMENTS", `more elements than maxElements (${maxElements})`, {
        line: tagLine,
        column: tagColumn,
      });
    attributeCount = 0;
    textLength = 0;
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
    mark(false);
  });
  /** The attributes of an element, namespace declarations left out (they are in its scope). */
  const ownAttributes = (all: Record<string, SaxesAttributeNS>): XmlAttribute[] | undefined => {
    let attributes: XmlAttribute[] | undefined;
    // saxes keeps attributes in a prototype-less object: for…in is the fast way through
    for (const name in all) {
      const attr = all[name];
      if (attr === undefined || attr.uri === XMLNS_NS || attr.name === "xmlns") continue;
      attributes ??= [];
      attributes.push({
        ns: attr.uri === "" ? null : attr.uri,
        local: shared(attr.local),
        prefix: attr.prefix,
        value: attr.value,
      });
    }
    return attributes;
  };
  parser.on("opentag", (tag) => {
    const depth = stack.length;
    const parent = depth > 0 ? stack[depth - 1] : undefined;
    // An element that declares no namespace shares its parent's scope. Declarations are attributes, so an
    // element without attributes skips both loops.
    let scope: ReadonlyMap<string, string> = parent === undefined ? new Map() : parent.scope;
    let attributes: XmlAttribute[] | undefined;
    if (attributeCount > 0) {
      const declared = tag.ns;
      let next: Map<string, string> | undefined;
      for (const prefix in declared) {
        next ??= new Map(scope);
        next.set(prefix, declared[prefix] ?? "");
      }
      if (next) scope = next;
      attributes = ownAttributes(tag.attributes);
    }
    const element: MutableElement = {
      kind: "element",
      ns: tag.uri === "" ? null : tag.uri,
      local: shared(tag.local),
      prefix: tag.prefix,
      attributes: attributes ?? NO_ATTRIBUTES,
      children: NO_NODES,
      scope,
      line: tagLine,
      column: tagColumn,
    };
    if (parent === undefined) root = element;
    else nodes[top++] = element;
    stack.push(element);
    starts.push(top);
    mark(false);
  });
  parser.on("closetag", (tag) => {
    if (tag.name.length > maxNameLength) nameTooLong(lastPlace());
    const closed = stack.pop();
    const start = starts.pop();
    if (closed !== undefined && start !== undefined) {
      if (top > start) {
        closed.children = nodes.slice(start, top);
        top = start;
      }
      lastClosed = closed;
      lastClosedName = tag.name;
    }
    textLength = 0;
    mark(false);
  });
  /** A text node; whitespace-only ones (indentation) are shared. */
  const textNode = (value: string): XmlText => {
    const first = value.charCodeAt(0);
    if (value.length > MAX_SHARED_BLANK || !(first === 0x0a || first === 0x20 || first === 0x09))
      return { kind: "text", value };
    const known = blanks.get(value);
    if (known !== undefined) return known;
    const node: XmlText = { kind: "text", value };
    if (blanks.size < MAX_SHARED && isBlank(value)) blanks.set(value, node);
    return node;
  };
  const addText = (value: string) => {
    const depth = stack.length;
    if (depth > 0 && value !== "") {
      const last = top > (starts[depth - 1] ?? 0) ? nodes[top - 1] : undefined;
      if (last !== undefined && last.kind === "text") {
        nodes[top - 1] = { kind: "text", value: last.value + value };
      } else {
        nodes[top++] = textNode(value);
        textLine = lastLine;
        textColumn = lastColumn;
        textLength = 0;
      }
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
    const pending = fed - lastEvent;
    if (pending > maxTextLength) {
      const inText = stack.length > 0 && textLength > 0;
      tooLong(
        "a text node, attribute value, comment or name",
        inText ? { line: textLine, column: textColumn } : lastPlace(),
      );
    }
  }
  parser.close();
  if (!root)
    return refuse(
      hasElement() ? "XML_NOT_WELL_FORMED" : "XML_EMPTY",
      "the document has no root element",
      here(),
    );
  return root;
}
