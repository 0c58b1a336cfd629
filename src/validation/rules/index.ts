/**
 * Business rules beyond XSD: what an XSD-valid B2MML document can still get wrong (an end before its
 * start, a quantity `12,5` declared decimal, a dateTime without offset, duplicate IDs). Each rule has
 * a stable ID, the `code` of its issues, and a one-line statement quoted in `docs/rules.md`.
 *
 * Rules read the element tree of `parseXmlTree` (b2mml/binding) and look at elements by local name in any B2MML
 * release's namespace (V0401 to V0701), so they apply to every release.
 *
 * @module
 */
import { childElements, type XmlElement } from "../../binding/xml-tree.js";
import type { ValidationIssue } from "../issues.js";
import { indexPaths } from "../xpath.js";
import { dateTimeLexicalRule } from "./datetime-lexical.js";
import { dateTimeOffsetRule } from "./datetime-offset.js";
import { idPresentRule } from "./id-present.js";
import { idUniqueRule } from "./id-unique.js";
import { quantityUnitRule } from "./quantity-unit.js";
import { isB2mml, type Rule, type RuleContext } from "./rule.js";
import type { RuleSelection } from "./rule-selection.js";
import { timeOrderRule } from "./time-order.js";
import { valueLexicalRule } from "./value-lexical.js";

export { B2MML_NAMESPACES, type Rule, type RuleContext } from "./rule.js";
export { parseRuleSelection, type RuleSelection, type RuleSelectionError } from "./rule-selection.js";

/** The rule catalogue, in the order issues of one element are reported. */
export const RULES: readonly Rule[] = [
  timeOrderRule,
  dateTimeOffsetRule,
  dateTimeLexicalRule,
  valueLexicalRule,
  quantityUnitRule,
  idPresentRule,
  idUniqueRule,
];

/**
 * Options of {@link runRules}: which rules run, `only` (all rules when absent) minus `exclude`. An unknown
 * ID in either is an error.
 */
export type RunRulesOptions = RuleSelection;

/** The context rules run in: B2MML elements in document order, XPaths and parents. */
export function createRuleContext(root: XmlElement): RuleContext {
  // the XPaths are made only when a rule reports an issue (most documents have none)
  let paths: Map<XmlElement, string> | undefined;
  const parents = new Map<XmlElement, XmlElement>();
  const elements: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    if (isB2mml(element)) elements.push(element);
    for (const child of childElements(element)) {
      parents.set(child, element);
      walk(child);
    }
  };
  walk(root);
  return {
    root,
    elements,
    pathOf: (element) => {
      paths ??= indexPaths(root);
      return paths.get(element) ?? "";
    },
    parentOf: (element) => parents.get(element),
  };
}

/**
 * Runs the business rules over a document's element tree.
 *
 * @param root the tree from `parseXmlTree` (b2mml/binding)
 * @returns the issues in document order (line, then column); issues at one element in catalogue order
 * @throws {RangeError} when `options.only` or `options.exclude` names a rule ID that does not exist
 */
export function runRules(root: XmlElement, options: RunRulesOptions = {}): ValidationIssue[] {
  const rules = selectRules(options);
  const ctx = createRuleContext(root);
  const issues = rules.flatMap((rule, order) => rule.check(ctx).map((issue) => ({ issue, order })));
  // Array.prototype.sort is stable: same element and rule keep the rule's own order
  issues.sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order);
  return issues.map((entry) => entry.issue);
}

/**
 * The rules of the catalogue a selection names, in catalogue order.
 *
 * @throws {RangeError} for an unknown rule ID, naming the known ones
 */
export function selectRules(selection: RuleSelection): readonly Rule[] {
  const known = new Set(RULES.map((rule) => rule.id));
  const unknown = [...(selection.only ?? []), ...(selection.exclude ?? [])].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new RangeError(`unknown rule ID ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  const only = selection.only === undefined ? undefined : new Set(selection.only);
  const exclude = new Set(selection.exclude ?? []);
  return RULES.filter((rule) => (only === undefined || only.has(rule.id)) && !exclude.has(rule.id));
}
