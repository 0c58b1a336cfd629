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
import { timeOrderRule } from "./time-order.js";
import { valueLexicalRule } from "./value-lexical.js";

export { B2MML_NAMESPACES, type Rule, type RuleContext } from "./rule.js";

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

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /** Run only these rule IDs (all rules when absent). An unknown ID is an error. */
  readonly only?: readonly string[];
}

/** The context rules run in: B2MML elements in document order, XPaths and parents. */
export function createRuleContext(root: XmlElement): RuleContext {
  const paths = indexPaths(root);
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
    pathOf: (element) => paths.get(element) ?? "",
    parentOf: (element) => parents.get(element),
  };
}

/**
 * Runs the business rules over a document's element tree.
 *
 * @param root the tree from `parseXmlTree` (b2mml/binding)
 * @returns the issues in document order (line, then column); issues at one element in catalogue order
 * @throws {RangeError} when `options.only` names a rule ID that does not exist
 */
export function runRules(root: XmlElement, options: RunRulesOptions = {}): ValidationIssue[] {
  let rules = RULES;
  if (options.only !== undefined) {
    const known = new Set(RULES.map((rule) => rule.id));
    const unknown = options.only.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new RangeError(`unknown rule ID ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
    const only = new Set(options.only);
    rules = RULES.filter((rule) => only.has(rule.id));
  }
  const ctx = createRuleContext(root);
  const issues = rules.flatMap((rule, order) => rule.check(ctx).map((issue) => ({ issue, order })));
  // Array.prototype.sort is stable: same element and rule keep the rule's own order
  issues.sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order);
  return issues.map((entry) => entry.issue);
}
