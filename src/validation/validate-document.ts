/**
 * Both layers on one document: XSD validation (libxml2) and, when asked, the business rules. The
 * document is read once by the hardened reader (the scan mode without rules, the tree with them: the rules
 * walk it); a document it refuses is `unusable` and gets no further check.
 *
 * @module
 */
import type { ValidationIssue } from "./issues.js";
import { type RuleSelection, runRules } from "./rules/index.js";
import {
  type ValidateXsdOptions,
  validateXsd,
  validateXsdWithTree,
  type XsdValidationResult,
} from "./validate-xsd.js";

export interface ValidateDocumentOptions extends ValidateXsdOptions {
  /**
   * Run the business rules too: `true` for all, the IDs of the rules to run, or a {@link RuleSelection}
   * (`{ exclude: ["B2MML-ID-001"] }`: all but one). An unknown ID is a `RangeError`. @default false
   */
  readonly rules?: boolean | readonly string[] | RuleSelection;
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
  const unusable = xsd.issues.some((i) => i.origin === "xml" && i.severity === "error");
  const issues = [...xsd.issues];
  if (!unusable && options.rules && xsd.root) {
    issues.push(...runRules(xsd.root, toRuleSelection(options.rules)));
  }
  const order = (i: ValidationIssue) => (i.origin === "rule" ? 1 : 0);
  issues.sort((a, b) => a.line - b.line || a.column - b.column || order(a) - order(b));
  const outcome = unusable ? "unusable" : issues.some((i) => i.severity === "error") ? "invalid" : "valid";
  return { release: xsd.release, outcome, issues, schemaSet: xsd.schemaSet };
}

/** The selection `rules` names (`true`: every rule; an array: those IDs). */
function toRuleSelection(rules: true | readonly string[] | RuleSelection): RuleSelection {
  if (rules === true) return {};
  return isIdList(rules) ? { only: rules } : rules;
}

function isIdList(rules: readonly string[] | RuleSelection): rules is readonly string[] {
  return Array.isArray(rules);
}
