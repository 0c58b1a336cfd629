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
