/**
 * Reads the human documentation of a schema component: the text of its `xsd:annotation/xsd:documentation`
 * children.
 *
 * @module
 */
import { childElements, textContent, type XmlElement } from "../../binding/xml-tree.js";
import { XS } from "./model.js";

/**
 * The `xsd:documentation` text of a component, one paragraph per `xsd:documentation` element, runs of
 * white space collapsed to one space; `undefined` when there is none.
 */
export function readDocumentation(element: XmlElement): string[] | undefined {
  const paragraphs: string[] = [];
  for (const annotation of childElements(element)) {
    if (annotation.ns !== XS || annotation.local !== "annotation") continue;
    for (const doc of childElements(annotation)) {
      if (doc.ns !== XS || doc.local !== "documentation") continue;
      const text = textContent(doc).replace(/\s+/g, " ").trim();
      if (text !== "") paragraphs.push(text);
    }
  }
  return paragraphs.length > 0 ? paragraphs : undefined;
}
