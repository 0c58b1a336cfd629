/**
 * The one-parse path of XSD validation and canonicalization: a document that the hardened reader's cheap
 * pre-check passed ({@link plainXmlBytes}) goes straight to libxml2, and is kept only when libxml2 parsed
 * it without a single diagnostic. Then the reader would accept it too, and the reader's own pass (a second
 * parse of the whole document in JavaScript) is skipped. Otherwise the caller takes the reader's path
 * exactly as before, so every refusal keeps its code, message and position.
 *
 * @module
 */
import { XmlDocument, XmlLibError } from "libxml2-wasm";
import type { ReaderOptions } from "../binding/xml-model.js";
import { plainXmlBytes } from "../binding/xml-plain-check.js";
import { DOCUMENT_PARSE_OPTIONS } from "./document-parse-options.js";
import { withServedFiles } from "./schema-input-provider.js";

/**
 * libxml2's document when the reader certainly accepts the input, else `undefined` (nothing is kept).
 * The caller disposes of the document.
 *
 * @throws `RangeError` for a reader limit that is not a non-negative number (as the reader does)
 */
export function parsePlainDocument(
  input: string | Uint8Array,
  reader: ReaderOptions,
): XmlDocument | undefined {
  const bytes = plainXmlBytes(input, reader);
  if (bytes === undefined) return undefined;
  const option = { url: reader.file ?? "document.xml", option: DOCUMENT_PARSE_OPTIONS };
  let doc: XmlDocument;
  try {
    doc = withServedFiles(new Map(), [], () => XmlDocument.fromBuffer(bytes, option));
  } catch (error) {
    if (error instanceof XmlLibError) return undefined;
    throw error;
  }
  if (doc.warnings.length === 0) return doc;
  doc.dispose();
  return undefined;
}
