/**
 * Both layers on one document: XSD validation (libxml2) and, when asked, the business rules. The
 * document is read once by the hardened reader (the scan mode without rules, the tree with them: the rules
 * walk it); a document it refuses is `unusable` and gets no further check.
 *
 * @module
 */
import type { ValidationIssue } from "./issues.js";
import { runRules } from "./rules/index.js";
import {
  type ValidateXsdOptions,
  validateXsd,
  validateXsdWithTree,
  type XsdValidationResult,
} from "./validate-xsd.js";

export interface ValidateDocumentOptions extends ValidateXsdOptions {
  /** Run the business rules too: `true` for all, or the IDs of the rules to run. @default false */
  readonly rules?: boolean | readonly string[];
}

export interface DocumentValidationResult {
  readonly release: XsdValidationResult["release"];
  /** `valid`: no error; `invalid`: XSD or rule errors; `unusable`: unreadable, not well-formed or refused. */
  readonly outcome: "valid" | "invalid" | "unusable";
  /** Issues of both layers, ordered by position (XSD before rules at the same position). */
  readonly issues: readonly ValidationIssue[];
  readonly schemaSet: XsdValidationResult["schemaSet"];
}

/**
 * Validates a document against its schema set and, optionally, the business rules.
 *
 * @throws {@link SchemaSetError} when the schema set cannot be loaded
 */
export function validateDocument(
  input: string | Uint8Array,
  options: ValidateDocumentOptions = {},
): DocumentValidationResult {
  const xsd = options.rules ? validateXsdWithTree(input, options) : validateXsd(input, options);
  const unusable = xsd.issues.some((i) => i.source === "xml" && i.severity === "error");
  const issues = [...xsd.issues];
  if (!unusable && options.rules && xsd.root) {
    const only = options.rules === true ? undefined : options.rules;
    issues.push(...runRules(xsd.root, only ? { only } : {}));
  }
  const order = (i: ValidationIssue) => (i.source === "rule" ? 1 : 0);
  issues.sort((a, b) => a.line - b.line || a.column - b.column || order(a) - order(b));
  const outcome = unusable ? "unusable" : issues.some((i) => i.severity === "error") ? "invalid" : "valid";
  return { release: xsd.release, outcome, issues, schemaSet: xsd.schemaSet };
}
