/**
 * XPaths for issues: `/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]/StartTime`.
 * Local names; a 1-based index only where an element has siblings of the same name.
 *
 * @module
 */
import { childElements, type XmlElement } from "../binding/xml-tree.js";

/** The XPath of every element of a tree. */
export function indexPaths(root: XmlElement): Map<XmlElement, string> {
  const paths = new Map<XmlElement, string>();
  const walk = (element: XmlElement, path: string) => {
    paths.set(element, path);
    const children = childElements(element);
    const counts = new Map<string, number>();
    for (const child of children) counts.set(child.local, (counts.get(child.local) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const child of children) {
      const n = (seen.get(child.local) ?? 0) + 1;
      seen.set(child.local, n);
      walk(child, `${path}/${child.local}${(counts.get(child.local) ?? 0) > 1 ? `[${n}]` : ""}`);
    }
  };
  walk(root, `/${root.local}`);
  return paths;
}
