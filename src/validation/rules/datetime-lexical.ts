/**
 * B2MML-TIME-003: every dateTime element holds a lexically valid xsd:dateTime.
 *
 * @module
 */
import { explainXsdDateTime } from "../../binding/lexical/index.js";
import type { ValidationIssue } from "../issues.js";
import { DATE_TIME_ELEMENTS } from "./b2mml-terms.js";
import { collapsedText, isNil, type Rule, ruleIssue } from "./rule.js";

export const dateTimeLexicalRule: Rule = {
  id: "B2MML-TIME-003",
  title: "Valid xsd:dateTime",
  statement:
    "Every dateTime element holds a valid xsd:dateTime: existing month and day (leap years included), hours 00–23 or 24:00:00, offset within ±14:00.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const element of ctx.elements) {
      if (!DATE_TIME_ELEMENTS.has(element.local) || isNil(element)) continue;
      const text = collapsedText(element);
      const reason = explainXsdDateTime(text);
      if (reason === undefined) continue;
      issues.push(
        ruleIssue(
          ctx,
          this.id,
          element,
          `${element.local} "${text}" is not a valid xsd:dateTime: ${reason}`,
          {
            expected: "xsd:dateTime YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)",
            received: text,
          },
        ),
      );
    }
    return issues;
  },
};
