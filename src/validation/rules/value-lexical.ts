/**
 * B2MML-VALUE-001: a QuantityString or ValueString is in the lexical space its DataType names.
 *
 * @module
 */
import { explainLexical } from "../../binding/lexical/index.js";
import type { ValidationIssue } from "../issues.js";
import { dataTypeOf, lexicalTypeOfDataType } from "./b2mml-terms.js";
import { collapsedText, isNil, type Rule, ruleIssue } from "./rule.js";

export const valueLexicalRule: Rule = {
  id: "B2MML-VALUE-001",
  title: "Value matches its DataType",
  statement:
    "A QuantityString or ValueString is lexically valid for its sibling DataType (decimal, integer types, float, double, boolean, dateTime, date, time, duration; Amount, Measure, Numeric, Quantity as decimal).",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const element of ctx.elements) {
      if (element.local !== "QuantityString" && element.local !== "ValueString") continue;
      const parent = ctx.parentOf(element);
      if (parent === undefined || isNil(element)) continue;
      const code = dataTypeOf(parent);
      const type = code === undefined ? undefined : lexicalTypeOfDataType(code);
      if (type === undefined || type === "string") continue;
      // every checked type collapses whitespace, as a validator of an element of that type would
      const text = collapsedText(element);
      const reason = explainLexical(type, text);
      if (reason === undefined) continue;
      issues.push(
        ruleIssue(
          ctx,
          this.id,
          element,
          `${element.local} "${text}" is not a valid xsd:${type} (DataType ${code}): ${reason}`,
          { expected: `xsd:${type}`, received: text },
        ),
      );
    }
    return issues;
  },
};
