/**
 * The hardened reader's data model: the element tree, the error type and codes, the options and their
 * defaults. A leaf module (imports nothing of the reader), so that the reader's modules need no cycle.
 *
 * @module
 */

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

/** The root element as {@link scanXml} reports it: its name and where its `<` stands. */
export interface XmlRootStart {
  readonly ns: string | null;
  readonly local: string;
  readonly prefix: string;
  readonly line: number;
  readonly column: number;
}

/** What {@link scanXml} reports of a document it accepted. */
export interface XmlScanResult {
  readonly root: XmlRootStart;
}

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
  | "XML_UNSUPPORTED_ENCODING"
  /**
   * A string input that is not well-formed UTF-16: a lone surrogate has no Unicode character, and
   * encoding it would silently turn it into U+FFFD.
   */
  | "XML_ILL_FORMED_UTF16"
  /** A second byte order mark right after the first: U+FEFF may begin a document once. */
  | "XML_DUPLICATE_BOM"
  /**
   * An element or attribute name that is not a QName (Namespaces in XML 1.0 §3): more than one colon,
   * or a prefix or local part that is not an NCName (`b2:-a`, `b2:1a`, `xmlns:.p`).
   */
  | "XML_BAD_QNAME"
  /**
   * A namespace declaration whose value is not an absolute URI (RFC 3986): not a URI reference at all
   * (`"foo bar"`, `"http://a/ü"`), or a relative one (`"rel/x"`, `"#f"`), which Namespaces in XML
   * deprecates and Canonical XML must refuse. `xmlns=""` (no default namespace) is accepted.
   */
  | "XML_BAD_NAMESPACE_URI"
  /**
   * libxml2 refused a document the reader accepted (a limit of libxml2 beyond the reader's, e.g. a
   * `maxDepth` raised past 2048); the message is libxml2's, the position its own.
   */
  | "XML_REFUSED_BY_LIBXML2";

/** A document that is not well-formed, or is refused; carries where it happened. */
export class XmlParseError extends Error {
  override readonly name = "XmlParseError";
  constructor(
    readonly code: XmlParseErrorCode,
    message: string,
    readonly line: number,
    readonly column: number,
    readonly file?: string,
    detail: { readonly expected?: string; readonly received?: string } = {},
  ) {
    super(`${file ?? "<input>"}:${line}:${column}: ${message}`);
    if (detail.expected !== undefined) this.expected = detail.expected;
    if (detail.received !== undefined) this.received = detail.received;
  }
  /** What was expected at the position, when the refusal can say it. */
  declare readonly expected?: string;
  /** What was found instead (for example the refused namespace URI). */
  declare readonly received?: string;
}

/**
 * Limits and naming for {@link parseXmlTree} and {@link scanXml}. The defaults fit B2MML and IDoc messages
 * with a wide margin (real documents are kilobytes to tens of megabytes, nest fewer than 30 levels and
 * carry a handful of attributes per element); raise a limit for a document that legitimately needs more.
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
   * Most elements in one document. The tree costs roughly 250 bytes per element, text included, so the
   * default bounds it near 125 MB; typical B2MML carries 500,000 elements in about 15–30 MB of XML.
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
