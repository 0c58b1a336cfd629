/**
 * The hardened XML reader: a small positioned element tree over a strict, namespace-aware SAX parser
 * (saxes). Every entry point that takes XML from outside (partner B2MML, IDoc-XML, schema files) reads
 * through {@link parseXmlTree}.
 *
 * It keeps what a schema reader and a binding reader need: element and attribute names with their
 * namespaces, the in-scope prefix bindings (to resolve QName-valued attributes such as `type="xsd:string"`),
 * text exactly as written, and the line and column where each element starts. Comments and processing
 * instructions (`<?xml-stylesheet?>` included) are dropped.
 *
 * Security model (see `docs/security.md`):
 * - **A DOCTYPE is refused**, whatever it contains ({@link XmlParseErrorCode | `XML_DOCTYPE_REFUSED`}).
 *   B2MML, IDoc-XML and XSD never need one, and every entity attack needs one: external entities (XXE),
 *   parameter entities, external DTDs, billion laughs and quadratic blow-up. Only the five predefined
 *   entities and character references are expanded.
 * - **Nothing is ever fetched** from disk or network. XInclude is not processed (an `xi:include` element is
 *   an ordinary element), and `xsi:schemaLocation` / `xsi:noNamespaceSchemaLocation` are ordinary
 *   attributes that the reader never follows.
 * - **Limits are enforced while parsing** ({@link ReaderOptions}): the input size is checked first, before
 *   any decoding; the input is then decoded and fed to the parser in chunks of 64 Ki, and depth, attribute
 *   count, name length, element count and text length are checked as they grow, so an oversized construct
 *   is refused after at most one chunk more than the limit, without buffering it whole.
 * - **Only UTF-8** is read. Bytes are decoded strictly (an invalid sequence is an error with its line and
 *   column); a UTF-8 byte order mark is skipped; a UTF-16/UTF-32 byte order mark, or an XML declaration
 *   naming any other encoding, is refused.
 *
 * Every error is an {@link XmlParseError} with a code, a 1-based line and column (columns count
 * characters) and the file name when one was given. Messages never quote a DOCTYPE or anything outside the
 * document.
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
export type XmlParseErrorCode =
  /** Not well-formed XML (mismatched tags, bad syntax, undefined entity, text outside the root…). */
  | "XML_NOT_WELL_FORMED"
  /** The document has a DOCTYPE; refused whatever it declares. */
  | "XML_DOCTYPE_REFUSED"
  /** No root element: empty input, whitespace, comments or processing instructions only. */
  | "XML_EMPTY"
  /** The input is larger than {@link ReaderOptions.maxInputBytes}. */
  | "XML_INPUT_TOO_LARGE"
  /** Elements nest deeper than {@link ReaderOptions.maxDepth}. */
  | "XML_TOO_DEEP"
  /** An element has more attributes than {@link ReaderOptions.maxAttributes}. */
  | "XML_TOO_MANY_ATTRIBUTES"
  /** The document has more elements than {@link ReaderOptions.maxElements}. */
  | "XML_TOO_MANY_ELEMENTS"
  /** A text node, attribute value, comment or processing instruction is longer than {@link ReaderOptions.maxTextLength}. */
  | "XML_TEXT_TOO_LONG"
  /** An element or attribute name is longer than {@link ReaderOptions.maxNameLength}. */
  | "XML_NAME_TOO_LONG"
  /** The bytes are not valid UTF-8. */
  | "XML_BAD_ENCODING"
  /** A UTF-16/UTF-32 byte order mark, or an XML declaration naming an encoding other than UTF-8. */
  | "XML_UNSUPPORTED_ENCODING";

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

/**
 * Limits and naming for {@link parseXmlTree}. The defaults fit B2MML and IDoc messages with a wide margin
 * (real documents are kilobytes to tens of megabytes, nest fewer than 30 levels and carry a handful of
 * attributes per element); raise a limit for a document that legitimately needs more.
 */
export interface ReaderOptions {
  /** A name for positions in errors (a path, or omitted). */
  readonly file?: string;
  /**
   * Largest input accepted, checked before anything is decoded or parsed: the byte length of a
   * `Uint8Array`, the length (UTF-16 code units, counted as one byte each) of a string.
   * @default 67108864 (64 MiB)
   */
  readonly maxInputBytes?: number;
  /**
   * Deepest element nesting accepted; the root element is at depth 1.
   * @default 256
   */
  readonly maxDepth?: number;
  /**
   * Most attributes on one element, namespace declarations included.
   * @default 256
   */
  readonly maxAttributes?: number;
  /**
   * Most elements in one document. The tree costs roughly 130 bytes per element plus its text, so the
   * default bounds it near 65 MB; typical B2MML carries 500,000 elements in about 15–25 MB of XML.
   * @default 500000
   */
  readonly maxElements?: number;
  /**
   * Longest text node (adjacent text and CDATA sections together), attribute value, comment or processing
   * instruction, in characters after entity expansion.
   * @default 8388608 (8 Mi characters)
   */
  readonly maxTextLength?: number;
  /**
   * Longest element or attribute name (prefix included), in characters.
   * @default 1024
   */
  readonly maxNameLength?: number;
}

/** The limits applied when {@link ReaderOptions} leaves them out. */
export const DEFAULT_READER_LIMITS = Object.freeze({
  maxInputBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxAttributes: 256,
  maxElements: 500_000,
  maxTextLength: 8 * 1024 * 1024,
  maxNameLength: 1024,
});

type Limits = { -readonly [K in keyof typeof DEFAULT_READER_LIMITS]: number };

interface MutableElement {
  kind: "element";
  ns: string | null;
  local: string;
  prefix: string;
  attributes: readonly XmlAttribute[];
  children: XmlNode[] | readonly XmlNode[];
  scope: ReadonlyMap<string, string>;
  line: number;
  column: number;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
/** Shared by every element without attributes or children: a large tree costs about a third less. */
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const NO_NODES: readonly XmlNode[] = Object.freeze([]);

function appendChild(parent: MutableElement, node: XmlNode): void {
  if (parent.children === NO_NODES) parent.children = [node];
  else (parent.children as XmlNode[]).push(node);
}
/** Characters (or bytes) handed to the parser at a time; limits are checked between chunks. */
const CHUNK = 64 * 1024;

/**
 * Parses a document into an element tree, refusing anything unsafe (see the module documentation).
 *
 * @param input the document: text, or bytes decoded strictly as UTF-8
 * @param options limits and a file name for errors; a string is taken as the file name (older form)
 * @throws {@link XmlParseError} when the input is not well-formed, is refused, exceeds a limit or has no root
 */
export function parseXmlTree(input: string | Uint8Array, options?: string | ReaderOptions): XmlElement {
  const opts: ReaderOptions = typeof options === "string" ? { file: options } : (options ?? {});
  const file = opts.file;
  const limits = resolveLimits(opts);
  const refuse = (code: XmlParseErrorCode, message: string, at: Position): never => {
    throw new XmlParseError(code, message, at.line, at.column, file);
  };

  if (input.length > limits.maxInputBytes)
    refuse(
      "XML_INPUT_TOO_LARGE",
      `the input is ${input.length} ${typeof input === "string" ? "characters" : "bytes"}, more than maxInputBytes (${limits.maxInputBytes})`,
      { line: 1, column: 1 },
    );

  let bomLength = 0;
  let head: string;
  if (typeof input === "string") {
    // the byte order mark of a decoded file is skipped, as for bytes (columns never count it)
    bomLength = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    head = input.slice(bomLength, bomLength + 512);
  } else {
    if (
      startsWith(input, [0xfe, 0xff]) ||
      startsWith(input, [0xff, 0xfe]) ||
      startsWith(input, [0, 0, 0xfe, 0xff])
    )
      refuse("XML_UNSUPPORTED_ENCODING", "a UTF-16 or UTF-32 byte order mark; only UTF-8 is read", POS1);
    if (startsWith(input, [0x3c, 0, 0x3f, 0]) || startsWith(input, [0, 0x3c, 0, 0x3f]))
      refuse("XML_UNSUPPORTED_ENCODING", "UTF-16 text without a byte order mark; only UTF-8 is read", POS1);
    if (startsWith(input, [0xef, 0xbb, 0xbf])) bomLength = 3;
    head = String.fromCharCode(...input.subarray(bomLength, bomLength + 512));
  }
  checkDeclaredEncoding(head, refuse);

  const chunks =
    typeof input === "string" ? stringChunks(input, bomLength) : utf8Chunks(input, bomLength, refuse);
  return buildTree(chunks, limits, refuse, () => hasElementStart(input));
}

const POS1: Position = { line: 1, column: 1 };

function resolveLimits(options: ReaderOptions): Limits {
  const limits: Limits = { ...DEFAULT_READER_LIMITS };
  for (const key of Object.keys(limits) as (keyof Limits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!(value >= 0)) throw new RangeError(`${key} must be a non-negative number, got ${value}`);
    limits[key] = value;
  }
  return limits;
}

/** Refuses an XML declaration that names an encoding other than UTF-8. */
function checkDeclaredEncoding(
  head: string,
  refuse: (code: XmlParseErrorCode, message: string, at: Position) => never,
): void {
  const match = /^<\?xml\s+version\s*=\s*(?:"[^"]*"|'[^']*')\s+encoding\s*=\s*(["'])([^"']*)\1/.exec(head);
  const encoding = match?.[2];
  if (encoding === undefined || encoding.toLowerCase() === "utf-8") return;
  const at = positionOf(head, (match?.[0].length ?? 0) - encoding.length - 1);
  refuse(
    "XML_UNSUPPORTED_ENCODING",
    `the XML declaration names the encoding ${JSON.stringify(encoding)}; only UTF-8 is read`,
    at,
  );
}

/** Where `index` stands in `text`: 1-based line and column, line ends and columns counted as saxes does. */
function positionOf(text: string, index: number): Position {
  let line = 1;
  let column = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else if (
      code !== 0x0d &&
      !(code >= 0xdc00 && code <= 0xdfff && i > 0 && isHighSurrogate(text, i - 1))
    ) {
      column++;
    }
  }
  return { line, column };
}

const isHighSurrogate = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff;
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function* stringChunks(text: string, from: number): Generator<string> {
  for (let start = from; start < text.length; start += CHUNK) yield text.slice(start, start + CHUNK);
}

/** Decodes strictly as UTF-8, a chunk at a time; an invalid sequence is refused at its line and column. */
function* utf8Chunks(
  bytes: Uint8Array,
  start: number,
  refuse: (code: XmlParseErrorCode, message: string, at: Position) => never,
): Generator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let end = start;
  try {
    for (; end < bytes.length; end += CHUNK) {
      const text = decoder.decode(bytes.subarray(end, end + CHUNK), { stream: true });
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const offset = firstInvalidUtf8(bytes, start);
    const line = bytes.subarray(lineStart(bytes, start, offset), offset);
    const at = {
      line: lineNumber(bytes, start, offset),
      column: [...new TextDecoder().decode(line)].length + 1,
    };
    refuse("XML_BAD_ENCODING", `invalid UTF-8: byte 0x${hex(bytes[offset])} at offset ${offset}`, at);
  }
}

const hex = (byte: number | undefined) => (byte ?? 0).toString(16).padStart(2, "0");

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let size: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) size = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += size;
  }
  return bytes.length;
}

/** 1-based line of `offset`: LF, CR LF and a lone CR each end a line. */
function lineNumber(bytes: Uint8Array, start: number, offset: number): number {
  let line = 1;
  for (let i = start; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function lineStart(bytes: Uint8Array, start: number, offset: number): number {
  for (let i = offset - 1; i >= start; i--) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i + 1;
  return start;
}

/** Whether the input has a `<` that could open an element (to tell an empty document from a broken one). */
function hasElementStart(input: string | Uint8Array): boolean {
  const isMarkupChar = (code: number | undefined) => code === 0x3f || code === 0x21; // ? !
  if (typeof input === "string") {
    for (let i = input.indexOf("<"); i >= 0; i = input.indexOf("<", i + 1))
      if (!isMarkupChar(input.charCodeAt(i + 1))) return true;
  } else {
    for (let i = input.indexOf(0x3c); i >= 0; i = input.indexOf(0x3c, i + 1))
      if (!isMarkupChar(input[i + 1])) return true;
  }
  return false;
}

/** Refuses a DOCTYPE in the prolog of the first chunk at once, before the parser buffers its subset. */
function findDoctype(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
    if (text.startsWith("<!DOCTYPE", i)) return i;
    const close = text.startsWith("<?", i) ? "?>" : text.startsWith("<!--", i) ? "-->" : undefined;
    if (close === undefined) return -1;
    const end = text.indexOf(close, i + 2);
    if (end < 0) return -1;
    i = end + close.length;
  }
}

function buildTree(
  chunks: Iterable<string>,
  limits: Limits,
  refuse: (code: XmlParseErrorCode, message: string, at: Position) => never,
  hasElement: () => boolean,
): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let elementCount = 0;
  let tagStart: Position = POS1;
  let attributeCount = 0;
  /** The element closed last: saxes reports a mismatched end tag right after popping it. */
  let lastClosed: { name: string; line: number; column: number } | undefined;
  /** Characters fed to the parser, and the position (in characters) and place of the last event. */
  let fed = 0;
  let lastEvent = 0;
  let lastPlace: Position = POS1;
  /** Where the text node being collected starts, and its length so far. */
  let textStart: Position = POS1;
  let textLength = 0;
  /** Whether the last event was text, which saxes reports after reading the next "<". */
  let afterText = false;
  const mark = (text = false) => {
    lastEvent = parser.position;
    lastPlace = here();
    afterText = text;
  };
  const endText = () => {
    textLength = 0;
  };
  const tooLong = (what: string, at: Position): never =>
    refuse("XML_TEXT_TOO_LONG", `${what} longer than maxTextLength (${limits.maxTextLength})`, at);
  const checkName = (name: string, at: Position) => {
    if (name.length > limits.maxNameLength)
      refuse("XML_NAME_TOO_LONG", `a name longer than maxNameLength (${limits.maxNameLength})`, at);
  };

  parser.on("error", (err) => {
    // saxes prefixes its message with "line:column: "; keep our own position format.
    let message = err.message.replace(/^\d+:\d+: /, "");
    if (message.startsWith("unexpected close tag") && lastClosed)
      message = `unexpected close tag: expected </${lastClosed.name}> for the element at ${lastClosed.line}:${lastClosed.column}`;
    if (root === undefined && /must contain a root element/.test(message) && !hasElement())
      refuse("XML_EMPTY", "the document has no root element", here());
    refuse("XML_NOT_WELL_FORMED", message, here());
  });
  parser.on("doctype", () => refuse("XML_DOCTYPE_REFUSED", "a DOCTYPE is not accepted", lastPlace));
  parser.on("xmldecl", (decl) => {
    if (decl.encoding !== undefined && decl.encoding.toLowerCase() !== "utf-8")
      refuse(
        "XML_UNSUPPORTED_ENCODING",
        `the XML declaration names the encoding ${JSON.stringify(decl.encoding)}; only UTF-8 is read`,
        lastPlace,
      );
    mark();
  });
  parser.on("comment", (comment) => {
    if (comment.length > limits.maxTextLength) tooLong("a comment", lastPlace);
    mark();
  });
  parser.on("processinginstruction", (pi) => {
    if (pi.body.length > limits.maxTextLength) tooLong("a processing instruction", lastPlace);
    mark();
  });
  parser.on("opentagstart", (tag) => {
    // The "<" stands where the last event left the parser, or one column before it when that event was
    // text (saxes reports text on reading the "<"). Counting back over the name would be wrong when a
    // line break follows it.
    tagStart = afterText ? { line: lastPlace.line, column: lastPlace.column - 1 } : lastPlace;
    checkName(tag.name, tagStart);
    if (stack.length + 1 > limits.maxDepth)
      refuse("XML_TOO_DEEP", `elements nest deeper than maxDepth (${limits.maxDepth})`, tagStart);
    if (++elementCount > limits.maxElements)
      refuse("XML_TOO_MANY_ELEMENTS", `more elements than maxElements (${limits.maxElements})`, tagStart);
    attributeCount = 0;
    endText();
    mark();
  });
  parser.on("attribute", (attr) => {
    checkName(attr.name, lastPlace);
    if (++attributeCount > limits.maxAttributes)
      refuse(
        "XML_TOO_MANY_ATTRIBUTES",
        `an element with more than maxAttributes (${limits.maxAttributes}) attributes`,
        tagStart,
      );
    if (attr.value.length > limits.maxTextLength) tooLong("an attribute value", lastPlace);
    mark();
  });
  parser.on("opentag", (tag) => {
    const parent = stack[stack.length - 1];
    let scope: ReadonlyMap<string, string> = parent?.scope ?? new Map();
    // saxes keeps declarations and attributes in prototype-less objects: for…in is the fast way through
    const declared = tag.ns;
    let next: Map<string, string> | undefined;
    for (const prefix in declared) {
      next ??= new Map(scope);
      next.set(prefix, declared[prefix] ?? "");
    }
    if (next) scope = next;
    let attributes: XmlAttribute[] | undefined;
    for (const name in tag.attributes) {
      const attr = tag.attributes[name];
      if (attr === undefined || attr.uri === XMLNS_NS || attr.name === "xmlns") continue;
      attributes ??= [];
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
      attributes: attributes ?? NO_ATTRIBUTES,
      children: NO_NODES,
      scope,
      line: tagStart.line,
      column: tagStart.column,
    };
    if (parent) appendChild(parent, element);
    else root = element;
    stack.push(element);
    mark();
  });
  parser.on("closetag", (tag) => {
    checkName(tag.name, lastPlace);
    const closed = stack.pop();
    if (closed) lastClosed = { name: tag.name, line: closed.line, column: closed.column };
    endText();
    mark();
  });
  const addText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent && value !== "") {
      const last = parent.children[parent.children.length - 1];
      if (last?.kind === "text") {
        (parent.children as XmlNode[])[parent.children.length - 1] = {
          kind: "text",
          value: last.value + value,
        };
      } else {
        appendChild(parent, { kind: "text", value });
        textStart = lastPlace;
        textLength = 0;
      }
      textLength += value.length;
      if (textLength > limits.maxTextLength) tooLong("a text node", textStart);
    } else if (!parent && value.length > limits.maxTextLength)
      tooLong("text outside the root element", lastPlace);
    mark(true);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

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
    if (pending > limits.maxTextLength) {
      const inText = stack.length > 0 && textLength > 0;
      tooLong("a text node, attribute value, comment or name", inText ? textStart : lastPlace);
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
