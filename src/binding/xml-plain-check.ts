/**
 * A cheap proof that the hardened reader would accept a document, for the callers that hand the document
 * to libxml2 anyway (XSD validation, canonicalization): {@link plainXmlBytes}. It does not replace the
 * reader: it answers "certainly accepted, provided libxml2 parses it without a single diagnostic" or "not
 * sure", and on "not sure" the caller runs the reader exactly as before (so every refusal keeps its code,
 * message and position).
 *
 * What it checks, in this order, each before libxml2 sees a byte:
 * - the size (`maxInputBytes`, counted as the reader counts it);
 * - the encoding: no UTF-16/UTF-32 byte order mark, at most one UTF-8 byte order mark, an XML declaration
 *   naming no encoding or `UTF-8`; bytes that are valid UTF-8 (`isUtf8`), or a string without a lone
 *   surrogate;
 * - the prolog: only white space, the XML declaration, comments and processing instructions before the
 *   first element, so no DOCTYPE (libxml2 never sees an entity declaration);
 * - the shape, in one pass over the bytes that jumps over comments, CDATA sections, processing
 *   instructions and quoted attribute values: elements (bounded by `maxElements`), nesting (`maxDepth`),
 *   quoted values per start tag (`maxAttributes`), the longest run of name characters (`maxNameLength`),
 *   and the longest stretch between two element tags, which bounds in bytes (never fewer than the
 *   reader's UTF-16 code units) every text node, attribute value, comment and processing instruction,
 *   and, doubled, what the reader buffers between two of its events (`maxTextLength`). It stops at the
 *   first bound exceeded. Namespace declarations are read and their values classified as the reader
 *   classifies them (libxml2 takes a relative namespace name without a word).
 *
 * The shape bounds assume a well-formed document; libxml2 checks that, and any diagnostic (error or
 * warning: a namespace error, a relative namespace URI, a name that is not a QName, XML 1.1) sends the
 * caller back to the reader. The bounds are upper bounds of what the reader counts, so a document near a
 * limit may take the reader's path though the reader accepts it: that costs time, never a verdict.
 *
 * @module
 */
import { isUtf8 } from "node:buffer";
import { findLoneSurrogate } from "../shared/find-lone-surrogate.js";
import { resolveLimits } from "./reader-limits.js";
import type { ReaderOptions } from "./xml-model.js";
import { classifyNamespaceUri } from "./xml-namespace-uri.js";

/**
 * The document as UTF-8 bytes when the reader certainly accepts it if libxml2 parses it without any
 * diagnostic; `undefined` when only the reader can tell (see the module documentation).
 */
export function plainXmlBytes(input: string | Uint8Array, options: ReaderOptions): Uint8Array | undefined {
  const limits = resolveLimits(options);
  if (input.length > limits.maxInputBytes) return undefined;
  let bytes: Uint8Array;
  if (typeof input === "string") {
    if (findLoneSurrogate(input) !== undefined) return undefined;
    bytes = Buffer.from(input, "utf8");
  } else bytes = input;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = prologEnd(bytes, start);
  if (body < 0 || !plainShape(bytes, body, limits)) return undefined;
  if (typeof input !== "string" && !isUtf8(bytes)) return undefined;
  return bytes;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Where the first element's `<` stands, after white space, an XML declaration (UTF-8 or none), comments
 * and processing instructions; -1 for anything else (a DOCTYPE, text, a second byte order mark, a
 * construct without its end).
 */
function prologEnd(bytes: Uint8Array, start: number): number {
  let i = start;
  if (startsWithAscii(bytes, i, "<?xml") && (isSpace(bytes[i + 5]) || bytes[i + 5] === QUESTION)) {
    const end = indexOfAscii(bytes, "?>", i);
    if (end < 0 || end - i > 512) return -1;
    if (!utf8Declaration(String.fromCharCode(...bytes.subarray(i, end + 2)))) return -1;
    i = end + 2;
  }
  for (;;) {
    while (isSpace(bytes[i])) i++;
    if (bytes[i] !== LT) return -1;
    const next = bytes[i + 1];
    if (next === QUESTION) {
      const end = indexOfAscii(bytes, "?>", i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (next === BANG) {
      if (!startsWithAscii(bytes, i, "<!--")) return -1; // a DOCTYPE, or not well-formed
      const end = indexOfAscii(bytes, "-->", i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else return i;
  }
}

/** An XML declaration that names no encoding, or UTF-8 (as the reader reads it). */
function utf8Declaration(declaration: string): boolean {
  if (!declaration.includes("encoding")) return true;
  const match = /^<\?xml\s+version\s*=\s*(?:"[^"]*"|'[^']*')\s+encoding\s*=\s*(["'])([^"']*)\1/.exec(
    declaration,
  );
  return match?.[2]?.toLowerCase() === "utf-8";
}

/** The shape pass (see the module documentation): true when every bound is within the reader's limits. */
function plainShape(bytes: Uint8Array, from: number, limits: ReturnType<typeof resolveLimits>): boolean {
  // a Buffer view (no copy): its indexOf is memchr, faster than the typed array's on long stretches
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const { maxDepth, maxElements, maxAttributes, maxNameLength } = limits;
  // the reader refuses when what it buffered between two events exceeds maxTextLength; two stretches
  // between element tags bound that
  const maxStretch = Math.floor(limits.maxTextLength / 2);
  const n = b.length;
  let elements = 0;
  let depth = 0;
  /** The `<` of the last element tag (start or end); the prolog counts from the document's start. */
  let last = 0;
  /** The next double and single quote at or after the tag being read (n: none), found once each. */
  let nextDouble = -1;
  let nextSingle = -1;
  let i = from;
  for (;;) {
    const p = b.indexOf(LT, i);
    if (p < 0) break;
    const c = b[p + 1];
    if (c === BANG || c === QUESTION) {
      const close = c === QUESTION ? "?>" : b[p + 2] === 0x5b ? "]]>" : "-->";
      const end = indexOfAscii(b, close, p + 2);
      if (end < 0 || end - last > maxStretch) return false;
      i = end + close.length;
      continue;
    }
    if (p - last > maxStretch) return false;
    last = p;
    const nameStart = c === SLASH ? p + 2 : p + 1;
    let end = b.indexOf(GT, nameStart);
    if (end < 0) return false;
    if (nextDouble < nameStart) nextDouble = indexOrEnd(b, DQUOTE, nameStart);
    if (nextSingle < nameStart) nextSingle = indexOrEnd(b, SQUOTE, nameStart);
    let quoted = 0;
    // most tags have no quoted value: then the whole tag bounds its name; otherwise walk it
    if (nextDouble < end || nextSingle < end || end - nameStart > maxNameLength) {
      const tag = walkTag(b, nameStart, maxNameLength);
      if (tag === undefined) return false;
      end = tag.end;
      quoted = tag.quoted;
    }
    if (end - last > maxStretch) return false;
    if (c === SLASH) depth--;
    else {
      if (++elements > maxElements || quoted > maxAttributes || depth + 1 > maxDepth) return false;
      if (b[end - 1] !== SLASH) depth++;
    }
    i = end + 1;
  }
  return n - last <= maxStretch && elements > 0;
}

function indexOrEnd(b: Uint8Array, byte: number, from: number): number {
  const at = b.indexOf(byte, from);
  return at < 0 ? b.length : at;
}

/**
 * Walks a tag from its name to its `>`, over quoted values: where the `>` stands and how many quoted
 * values it holds; `undefined` when a run of name characters is longer than `maxNameLength`, a namespace
 * declaration's value is not plainly an absolute URI (libxml2 accepts relative ones silently), or the tag
 * has no end.
 */
function walkTag(
  b: Buffer,
  from: number,
  maxNameLength: number,
): { end: number; quoted: number } | undefined {
  let run = 0;
  let runStart = from;
  /** The last name read (the attribute's, when a quote follows). */
  let nameStart = from;
  let nameLength = 0;
  let quoted = 0;
  for (let j = from; ; ) {
    const x = b[j];
    if (x === undefined) return undefined;
    if (x === GT) return { end: j, quoted };
    if (x === DQUOTE || x === SQUOTE) {
      const close = b.indexOf(x, j + 1);
      if (close < 0) return undefined;
      if (isNamespaceDeclaration(b, nameStart, nameLength) && !plainNamespaceUri(b, j + 1, close))
        return undefined;
      quoted++;
      run = 0;
      j = close + 1;
      continue;
    }
    if (isSpace(x) || x === 0x3d || x === SLASH) {
      if (run > 0) {
        nameStart = runStart;
        nameLength = run;
      }
      run = 0;
    } else {
      if (run === 0) runStart = j;
      if (++run > maxNameLength) return undefined;
    }
    j++;
  }
}

/** `xmlns` or `xmlns:…`. */
function isNamespaceDeclaration(b: Buffer, start: number, length: number): boolean {
  return startsWithAscii(b, start, "xmlns") && (length === 5 || b[start + 5] === 0x3a);
}

/**
 * A namespace name the reader certainly accepts: an absolute URI written without references or white
 * space (whose normalized value would need the reader's reading).
 */
function plainNamespaceUri(b: Buffer, start: number, end: number): boolean {
  if (end === start) return false;
  for (let k = start; k < end; k++) {
    const x = b[k] ?? 0;
    if (x <= 0x20 || x === 0x26) return false;
  }
  return classifyNamespaceUri(b.toString("utf8", start, end)) === "absolute";
}

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1))
    if (startsWithAscii(bytes, i, text)) return i;
  return -1;
}
