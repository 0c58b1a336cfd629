/**
 * The input side of the hardened reader ({@link parseXmlTree}, {@link scanXml}): encoding checks before
 * anything is parsed, strict UTF-8 decoding, the 64 Ki chunks fed to the parser, the parser itself (saxes,
 * kept in V8's fast object shape), and the prolog scans (DOCTYPE, empty document). Internal to `xml-tree.ts`
 * and `xml-builder.ts`.
 *
 * @module
 */
import { SaxesParser } from "saxes";
import { findLoneSurrogate, formatCodeUnit } from "../shared/find-lone-surrogate.js";
import type { XmlParseErrorCode } from "./xml-model.js";

/** A 1-based line and column (columns count characters). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** What was expected and what was found, for a refusal that can say it. */
export interface RefusalDetail {
  readonly expected?: string;
  readonly received?: string;
}

/** Throws the {@link XmlParseError} for `code` at `at`. */
export type Refuse = (
  code: XmlParseErrorCode,
  message: string,
  at: Position,
  detail?: RefusalDetail,
) => never;

export const POS1: Position = { line: 1, column: 1 };

/** Characters (or bytes) handed to the parser at a time; limits are checked between chunks. */
const CHUNK = 64 * 1024;

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
export class ReaderParser extends SaxesParser<{ xmlns: true; position: true }> {
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

/**
 * Checks what can be checked before decoding (byte order marks, UTF-16 without one, the encoding an XML
 * declaration names) and returns the document as chunks of text, decoded strictly from bytes.
 */
export function inputChunks(input: string | Uint8Array, refuse: Refuse): Iterable<string> {
  let bomLength = 0;
  let head: string;
  if (typeof input === "string") {
    // the byte order mark of a decoded file is skipped, as for bytes (columns never count it)
    bomLength = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (bomLength === 1 && input.charCodeAt(1) === 0xfeff) refuseDuplicateBom(refuse);
    refuseLoneSurrogate(input, bomLength, refuse);
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
    if (bomLength === 3 && startsWith(input.subarray(3), [0xef, 0xbb, 0xbf])) refuseDuplicateBom(refuse);
    head = String.fromCharCode(...input.subarray(bomLength, bomLength + 512));
  }
  checkDeclaredEncoding(head, refuse);
  return typeof input === "string" ? stringChunks(input, bomLength) : utf8Chunks(input, bomLength, refuse);
}

/**
 * A second U+FEFF right after the byte order mark: the parser would skip it as a byte order mark too,
 * while to XML (and libxml2) it is a character before the root element.
 */
function refuseDuplicateBom(refuse: Refuse): never {
  return refuse("XML_DUPLICATE_BOM", "a second byte order mark (U+FEFF) after the first one", POS1, {
    expected: "at most one byte order mark, then '<'",
    received: "U+FEFF",
  });
}

/** Refuses a string that is not well-formed UTF-16, at the lone surrogate's line and column. */
function refuseLoneSurrogate(input: string, from: number, refuse: Refuse): void {
  const lone = findLoneSurrogate(input);
  if (lone === undefined) return;
  const unit = formatCodeUnit(lone.codeUnit);
  refuse(
    "XML_ILL_FORMED_UTF16",
    `a lone surrogate ${unit} at index ${lone.index}: the string is not well-formed UTF-16`,
    positionOf(input.slice(from), lone.index - from),
    { expected: "a Unicode character (a surrogate only as half of a pair)", received: unit },
  );
}

/** Refuses an XML declaration that names an encoding other than UTF-8. */
function checkDeclaredEncoding(head: string, refuse: Refuse): void {
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
export function positionOf(text: string, index: number): Position {
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
function* utf8Chunks(bytes: Uint8Array, start: number, refuse: Refuse): Generator<string> {
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
export function hasElementStart(input: string | Uint8Array): boolean {
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
export function findDoctype(text: string): number {
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
