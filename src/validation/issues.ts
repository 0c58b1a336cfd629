/**
 * Validation issues as data: what is wrong, where (line, column and an XPath to the element), and what
 * was expected. Renderers (the CLI's text, JSON and JUnit formats) read only this.
 *
 * @module
 */

/** Where an issue comes from: the XML reader, XSD validation (libxml2), or a business rule. */
export type IssueSource = "xml" | "xsd" | "rule";

export interface ValidationIssue {
  /** Stable code: `XML_*` from the reader, `XSD_*` from schema validation, the rule ID for a rule. */
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly source: IssueSource;
  readonly message: string;
  /** 1-based; 0 when unknown. */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
  /** XPath of the element, local names, an index where siblings share the name: `/A/B[2]/C`. */
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
}
