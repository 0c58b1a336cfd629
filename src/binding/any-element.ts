/**
 * Elements matched by a wildcard (or of type anyType) are kept whole, as trees.
 *
 * @module
 */
import type { AnyElement } from "./metadata.js";
import type { XmlElement } from "./xml-tree.js";

/** Keeps an element matched by a wildcard as a tree. */
export function toAnyElement(element: XmlElement): AnyElement {
  return {
    ns: element.ns,
    name: element.local,
    attributes: element.attributes.map((a) => ({ ns: a.ns, name: a.local, value: a.value })),
    children: element.children.map((c) => (c.kind === "text" ? c.value : toAnyElement(c))),
  };
}
