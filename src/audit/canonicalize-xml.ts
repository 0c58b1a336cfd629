/**
 * XML canonicalization on untrusted input: Canonical XML 1.0 and 1.1 and Exclusive XML Canonicalization
 * 1.0, with or without comments, of a whole document, a subtree or an XPath document subset.
 *
 * The input goes through two gates before libxml2 canonicalizes it (a plain document, one that the reader's
 * cheap pre-check vouches for and that libxml2 parses without a diagnostic, is parsed once: the reader
 * would accept it, see `validation/parse-plain-document.ts`):
 * 1. the project's hardened reader ({@link parseXmlTree}) must accept it: no DOCTYPE (so no DTD
 *    attribute defaulting and no entity other than the five predefined ones), UTF-8 only, size and shape
 *    limits ({@link ReaderOptions});
 * 2. libxml2 then parses it with {@link DOCUMENT_PARSE_OPTIONS} (no entity substitution, no DTD loading,
 *    no network, no catalog) while no external file is served. The reader refuses everything libxml2's
 *    parser and canonicalizer refuse (names that are not QNames, namespace names that are not absolute
 *    URIs, a second byte order mark); should libxml2 still refuse the document (a reader limit raised
 *    beyond libxml2's), its error is an {@link XmlParseError} `XML_REFUSED_BY_LIBXML2` with libxml2's
 *    position, never an internal error.
 *
 * Canonical XML of a document depends on its DTD (default attributes, entity replacement text, attribute
 * types for normalization); since a DOCTYPE is refused, the canonical form here is the one of the
 * document as written. The libxml2 conformance vectors that need a DTD are listed in `docs/audit.md`.
 *
 * @module
 */
import { XmlDocument, XmlLibError } from "libxml2-wasm";
import { type ReaderOptions, scanXml } from "../binding/xml-tree.js";
import { toLibxml2Refusal } from "../validation/libxml2-refusal.js";
import { parsePlainDocument } from "../validation/parse-plain-document.js";
import { withServedFiles } from "../validation/schema-input-provider.js";
import { DOCUMENT_PARSE_OPTIONS } from "../validation/validate-xsd.js";
import { type C14nMethod, type C14nMethodName, type C14nMethodUri, c14nMethod } from "./c14n-method.js";
import { type C14nSubset, canonicalizeLibxml2Document, type XPathSelector } from "./libxml2-c14n.js";

export interface CanonicalizeXmlOptions {
  /** The algorithm, by short name or W3C URI. @default "c14n" (Canonical XML 1.0 without comments) */
  readonly method?: C14nMethodName | C14nMethodUri;
  /**
   * The InclusiveNamespaces PrefixList of exclusive canonicalization: prefixes treated as in
   * inclusive canonicalization; `#default` names the default namespace. Exclusive methods only.
   * @default []
   */
  readonly inclusivePrefixes?: readonly string[];
  /**
   * Canonicalize only the element this XPath selects (the first match) and its descendants, with their
   * attributes and in-scope namespaces (the document subset of an XML Signature same-document reference).
   */
  readonly subtree?: string | XPathSelector;
  /** Canonicalize exactly the nodes of this XPath node set (an XPath document subset). */
  readonly nodeSet?: string | XPathSelector;
  /** Limits and file name for the hardened reader. @default the reader's defaults */
  readonly reader?: ReaderOptions;
}

/** Normalizes the options to a method, a subset and a PrefixList. */
export function resolveCanonicalizeOptions(options: CanonicalizeXmlOptions): {
  method: C14nMethod;
  subset: C14nSubset;
  inclusivePrefixes: readonly string[];
} {
  const select = (s: string | XPathSelector): XPathSelector =>
    typeof s === "string" ? { expression: s } : s;
  if (options.subtree !== undefined && options.nodeSet !== undefined)
    throw new RangeError("give either subtree or nodeSet, not both");
  const subset: C14nSubset =
    options.subtree !== undefined
      ? { kind: "subtree", select: select(options.subtree) }
      : options.nodeSet !== undefined
        ? { kind: "node-set", select: select(options.nodeSet) }
        : { kind: "document" };
  return {
    method: c14nMethod(options.method ?? "c14n"),
    subset,
    inclusivePrefixes: options.inclusivePrefixes ?? [],
  };
}

/**
 * Parses untrusted XML through both gates (see the module documentation) and returns libxml2's
 * document. The caller disposes of it.
 *
 * @throws {@link XmlParseError} when the hardened reader refuses the input, or libxml2 does
 */
export function parseForCanonicalization(
  input: string | Uint8Array,
  reader: ReaderOptions = {},
): XmlDocument {
  // one parse when the reader's cheap pre-check and libxml2's silence prove the reader accepts it
  const plain = parsePlainDocument(input, reader);
  if (plain !== undefined) return plain;
  scanXml(input, reader);
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const option = { url: reader.file ?? "document.xml", option: DOCUMENT_PARSE_OPTIONS };
  try {
    return withServedFiles(new Map(), [], () => XmlDocument.fromBuffer(bytes, option));
  } catch (error) {
    if (error instanceof XmlLibError) throw toLibxml2Refusal(error, reader.file);
    throw error;
  }
}

/**
 * Canonicalizes an XML document (or a subtree, or an XPath node set of it).
 *
 * @returns the canonical form: UTF-8 bytes, exactly as the algorithm defines them (no trailing newline)
 * @throws {@link XmlParseError} when the hardened reader refuses the input (a DOCTYPE, a limit, not UTF-8,
 *   not well-formed, a lone surrogate in a string, a relative namespace URI), or libxml2 does
 * @throws {@link XPathSelectorError} when a subtree or node-set expression fails
 * @throws `RangeError` for an unknown method, or a PrefixList with a non-exclusive method
 */
export function canonicalizeXml(input: string | Uint8Array, options: CanonicalizeXmlOptions = {}): Buffer {
  const { method, subset, inclusivePrefixes } = resolveCanonicalizeOptions(options);
  const doc = parseForCanonicalization(input, options.reader);
  try {
    return canonicalizeLibxml2Document(doc, method, subset, inclusivePrefixes);
  } finally {
    doc.dispose();
  }
}
