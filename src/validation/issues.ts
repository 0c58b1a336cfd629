/**
 * Validation issues as data: what is wrong, where (line, column and an XPath to the element), and what
 * was expected. Renderers (the CLI's text, JSON and JUnit formats) read only this.
 *
 * @module
 */

import type { Issue } from "../shared/issue.js";

/** Where an issue comes from: the XML reader, XSD validation (libxml2), or a business rule. */
export type IssueSource = "xml" | "xsd" | "rule";

/**
 * Stable code: `XML_*` from the reader, `XSD_*` from schema validation, the rule ID for a rule. The path
 * is the element's XPath as segments (local names, an index where siblings share the name:
 * `/A/B[2]/C`), rendered by `renderIssuePath`.
 */
export interface ValidationIssue extends Issue<string, IssueSource> {
  /** 1-based; 0 when unknown. */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
}
