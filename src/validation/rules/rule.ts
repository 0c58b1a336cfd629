/**
 * What a business rule is and what it gets: the element tree of one document, its B2MML elements in
 * document order, and their XPaths. Shared helpers for rules that look at B2MML elements by local name,
 * in any release's namespace.
 *
 * @module
 */
import { childElements, textContent, type XmlElement } from "../../binding/xml-tree.js";
import { parseIssuePath } from "../../shared/issue.js";
import type { ValidationIssue } from "../issues.js";

/** The B2MML namespaces of every release (V0401, V0500, V0600, V0601, V0701). */
export const B2MML_NAMESPACES: ReadonlySet<string> = new Set([
  "http://www.wbf.org/xml/B2MML-V0401",
  "http://www.wbf.org/xml/B2MML-V05",
  "http://www.mesa.org/xml/B2MML-V0600",
  "http://www.mesa.org/xml/B2MML-V0601",
  "http://www.mesa.org/xml/B2MML",
]);

const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** What a rule's `check` receives. */
export interface RuleContext {
  readonly root: XmlElement;
  /** Every element in a B2MML namespace, in document order. */
  readonly elements: readonly XmlElement[];
  /** The XPath of an element of this tree. */
  pathOf(element: XmlElement): string;
  /** The parent element of an element of this tree (`undefined` for the root). */
  parentOf(element: XmlElement): XmlElement | undefined;
}

/** A business rule: a stable ID, a title, a one-line statement (the docs quote it), and its check. */
export interface Rule {
  /** Stable rule ID, also the `code` of its issues: `B2MML-TIME-001`. */
  readonly id: string;
  readonly title: string;
  /** One line: what must hold. */
  readonly statement: string;
  check(ctx: RuleContext): ValidationIssue[];
}

/** Whether an element is in a B2MML namespace. */
export function isB2mml(element: XmlElement): boolean {
  return element.ns !== null && B2MML_NAMESPACES.has(element.ns);
}

/** The B2MML child elements with a local name, in document order. */
export function b2mmlChildren(element: XmlElement, local: string): XmlElement[] {
  return childElements(element).filter((child) => child.local === local && isB2mml(child));
}

/** The first B2MML child element with a local name. */
export function b2mmlChild(element: XmlElement, local: string): XmlElement | undefined {
  return b2mmlChildren(element, local)[0];
}

/** Whether an element carries `xsi:nil="true"` (or `"1"`). */
export function isNil(element: XmlElement): boolean {
  const nil = element.attributes.find((a) => a.ns === XSI_NS && a.local === "nil")?.value.trim();
  return nil === "true" || nil === "1";
}

/** An element's text with XML Schema's `collapse` whitespace processing. */
export function collapsedText(element: XmlElement): string {
  return textContent(element)
    .replace(/[\t\n\r ]+/g, " ")
    .replace(/^ | $/g, "");
}

/** Builds an issue of a rule at an element. */
export function ruleIssue(
  ctx: RuleContext,
  rule: string,
  element: XmlElement,
  message: string,
  detail: { expected?: string; received?: string } = {},
): ValidationIssue {
  return {
    code: rule,
    severity: "error",
    origin: "rule",
    message,
    line: element.line,
    column: element.column,
    path: parseIssuePath(ctx.pathOf(element)),
    ...(detail.expected === undefined ? {} : { expected: detail.expected }),
    ...(detail.received === undefined ? {} : { received: detail.received }),
  };
}
