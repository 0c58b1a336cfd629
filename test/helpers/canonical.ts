import { ParseOption, XmlDocument } from "libxml2-wasm";

/**
 * Canonical XML 1.0 (without comments) by libxml2, blank text nodes between elements left out: they
 * are not part of a bound value, so this is what a written document is compared on.
 */
export function canonicalWithoutBlanks(xml: string): string {
  const doc = XmlDocument.fromString(xml, {
    option: ParseOption.XML_PARSE_NOBLANKS | ParseOption.XML_PARSE_NONET,
  });
  try {
    return doc.canonicalizeToString({ withComments: false });
  } finally {
    doc.dispose();
  }
}
