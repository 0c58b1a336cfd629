/**
 * libxml2 refusing a document that the hardened reader accepted. The reader is the gate: it refuses
 * everything libxml2 would (DOCTYPEs, names that are not QNames, namespace names that are not absolute
 * URIs, a second byte order mark, …) and libxml2 parses with `XML_PARSE_HUGE` so that its own size limits
 * lie beyond the reader's defaults. What is left (a reader limit raised past libxml2's: depth 2048, 1 GB
 * of text) becomes an input error with libxml2's message and position, code `XML_REFUSED_BY_LIBXML2`,
 * never an internal error.
 *
 * @module
 */
import type { XmlLibError } from "libxml2-wasm";
import { XmlParseError } from "../binding/xml-tree.js";

/** The first error-level detail of libxml2's error, as the reader's {@link XmlParseError}. */
export function toLibxml2Refusal(error: XmlLibError, file: string | undefined): XmlParseError {
  const detail = error.details.find((d) => d.level >= 2) ?? error.details[0];
  const message = (detail?.message ?? error.message).trim();
  return new XmlParseError(
    "XML_REFUSED_BY_LIBXML2",
    `libxml2 refused the document: ${message}`,
    detail?.line ?? 0,
    detail?.col ?? 0,
    file,
  );
}
