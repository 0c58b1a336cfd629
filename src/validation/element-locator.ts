/**
 * Finds, in the hardened reader's tree, the element a libxml2 diagnostic is about, so that an issue carries
 * the project's XPath (`/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]`).
 *
 * libxml2 gives the node's path as `xmlGetNodePath` writes it: a step per element, `*` for an element in a
 * default (unprefixed) namespace, `prefix:name` or `name` otherwise, with a 1-based `[n]` counted among the
 * element siblings the step matches (all of them for `*`). That path is followed in the tree. When it is
 * missing or does not resolve, the element is found by the name libxml2 quotes (`Element '{ns}Name'`) and
 * the line it reports: the last element of that name starting at or before that line.
 *
 * @module
 */
import { childElements, type XmlElement } from "../binding/xml-tree.js";

/** Looks elements up by libxml2 path, or by name and line; built once per document. */
export class ElementLocator {
  private byName: Map<string, XmlElement[]> | undefined;

  constructor(private readonly root: XmlElement) {}

  /** The element at libxml2's node path, or `undefined`. */
  byNodePath(nodePath: string): XmlElement | undefined {
    const steps = nodePath.split("/").slice(1);
    if (steps.length === 0) return undefined;
    let current: XmlElement | undefined;
    for (const step of steps) {
      const match = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
      if (match === null) return undefined;
      const name = match[1] ?? "";
      const index = Number(match[2] ?? "1");
      const candidates = current === undefined ? [this.root] : childElements(current);
      const matching = candidates.filter((element) => matchesStep(element, name));
      current = matching[index - 1];
      if (current === undefined) return undefined;
    }
    return current;
  }

  /** The last element named `{ns}local` (Clark notation, or `local`) that starts at or before `line`. */
  byNameAndLine(clarkName: string, line: number): XmlElement | undefined {
    const elements = this.index().get(clarkName);
    if (elements === undefined) return undefined;
    let found: XmlElement | undefined;
    for (const element of elements) {
      if (element.line > line) break;
      if (found === undefined || element.line > found.line) found = element;
    }
    return found;
  }

  private index(): Map<string, XmlElement[]> {
    if (this.byName === undefined) {
      const byName = new Map<string, XmlElement[]>();
      const walk = (element: XmlElement) => {
        const key = element.ns === null ? element.local : `{${element.ns}}${element.local}`;
        const list = byName.get(key);
        if (list === undefined) byName.set(key, [element]);
        else list.push(element);
        for (const child of childElements(element)) walk(child);
      };
      walk(this.root);
      this.byName = byName;
    }
    return this.byName;
  }
}

function matchesStep(element: XmlElement, name: string): boolean {
  if (name === "*") return true;
  const colon = name.indexOf(":");
  if (colon < 0) return element.ns === null && element.local === name;
  return element.prefix === name.slice(0, colon) && element.local === name.slice(colon + 1);
}
