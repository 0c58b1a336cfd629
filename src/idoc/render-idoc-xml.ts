/**
 * Renders the reader's node tree as plain IDoc-XML (no namespace), for strict validation against
 * `xsd/idoc`. Element order, attributes and field text are kept as read; the root takes the name given
 * (the basic type, so that an extension-type root or a JSON packet without a root validates as its basic
 * type). Each element starts on the line it had in the source (blank lines are inserted before it), so
 * that libxml2's line numbers are the source's.
 *
 * @module
 */
import type { IdocNode } from "./idoc-node.js";

/** An element name the rendering could not write (only possible for IDoc-JSON keys). */
export interface InvalidName {
  readonly name: string;
  /** Positions of the element among its ancestors' children: the IDoc path is derived from them. */
  readonly trail: readonly IdocNode[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) =>
  escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");

/** Renders `root` (named `rootName`) as IDoc-XML; nodes whose names are not XML names are left out and listed. */
export function renderIdocXml(
  root: IdocNode,
  rootName: string,
): { readonly xml: string; readonly invalid: InvalidName[] } {
  const parts: string[] = [];
  const invalid: InvalidName[] = [];
  let line = 1;
  const write = (node: IdocNode, name: string, trail: IdocNode[]) => {
    if (!NAME.test(name)) {
      invalid.push({ name, trail });
      return;
    }
    while (node.line !== undefined && line < node.line) {
      parts.push("\n");
      line++;
    }
    parts.push(`<${name}`);
    for (const [key, value] of node.attributes)
      if (NAME.test(key)) parts.push(` ${key}="${escapeAttribute(value)}"`);
    const text = node.children.length > 0 && node.text.trim() === "" ? "" : node.text;
    if (node.children.length === 0 && text === "") {
      parts.push("/>");
      return;
    }
    parts.push(">");
    if (text !== "") {
      parts.push(escapeText(text));
      line += text.split("\n").length - 1;
    }
    for (const child of node.children) write(child, child.name, [...trail, child]);
    parts.push(`</${name}>`);
  };
  write(root, rootName, []);
  return { xml: parts.join(""), invalid };
}
