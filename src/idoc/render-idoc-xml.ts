/**
 * Renders the reader's node tree as plain IDoc-XML (no namespace), for strict validation against
 * `xsd/idoc`. Element order, attributes and field text are kept as read; the root takes the name given
 * (the basic type, so that an extension-type root or a JSON packet without a root validates as its basic
 * type). Each element starts on the line it had in the source (blank lines are inserted before it), so
 * that libxml2's line numbers are the source's.
 *
 * Values are escaped by the library's one escaping module (`binding/xml-escape.ts`), as Canonical XML
 * escapes them, so libxml2 sees exactly the values read (a CR stays a CR instead of becoming a line end).
 * A value with a character XML 1.0 cannot carry (only IDoc-JSON can hold one) is listed, and rendered with
 * each such character replaced by U+FFFD so that the rest of the document, and the length of that value,
 * are still validated.
 *
 * @module
 */
import {
  describeForbiddenCharacter,
  escapeAttribute,
  escapeText,
  findForbiddenCharacter,
  replaceForbiddenCharacters,
} from "../binding/xml-escape.js";
import type { IdocNode } from "./idoc-node.js";

/** An element name the rendering could not write (only possible for IDoc-JSON keys). */
export interface InvalidName {
  readonly name: string;
  /** Positions of the element among its ancestors' children: the IDoc path is derived from them. */
  readonly trail: readonly IdocNode[];
}

/** A text or attribute value with a character XML 1.0 forbids. */
export interface InvalidCharacter {
  /** The element, as in {@link InvalidName}. */
  readonly trail: readonly IdocNode[];
  /** The attribute that holds it; absent for the element's text. */
  readonly attribute?: string;
  /** `U+0001 at character 5 is not allowed in XML 1.0`. */
  readonly message: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Renders `root` (named `rootName`) as IDoc-XML; nodes whose names are not XML names are left out and
 * listed, values with characters XML 1.0 forbids are listed (and rendered with U+FFFD in their place).
 */
export function renderIdocXml(
  root: IdocNode,
  rootName: string,
): {
  readonly xml: string;
  readonly invalid: InvalidName[];
  readonly invalidCharacters: InvalidCharacter[];
} {
  const parts: string[] = [];
  const invalid: InvalidName[] = [];
  const invalidCharacters: InvalidCharacter[] = [];
  let line = 1;
  /** The value, with forbidden characters listed and replaced. */
  const checked = (value: string, trail: IdocNode[], attribute?: string): string => {
    const bad = findForbiddenCharacter(value);
    if (bad === undefined) return value;
    const { message } = describeForbiddenCharacter(value, bad);
    invalidCharacters.push(attribute === undefined ? { trail, message } : { trail, attribute, message });
    return replaceForbiddenCharacters(value, "\uFFFD");
  };
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
      if (NAME.test(key)) parts.push(` ${key}="${escapeAttribute(checked(value, trail, key))}"`);
    const text = node.children.length > 0 && node.text.trim() === "" ? "" : node.text;
    if (node.children.length === 0 && text === "") {
      parts.push("/>");
      return;
    }
    parts.push(">");
    if (text !== "") {
      parts.push(escapeText(checked(text, trail)));
      line += text.split("\n").length - 1;
    }
    for (const child of node.children) write(child, child.name, [...trail, child]);
    parts.push(`</${name}>`);
  };
  write(root, rootName, []);
  return { xml: parts.join(""), invalid, invalidCharacters };
}
