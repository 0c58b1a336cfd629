/**
 * B2MML-TIME-001: a start does not come after its end, compared as exact instants.
 *
 * @module
 */
import { compareXsdDateTime, explainXsdDateTime, parseXsdDateTime } from "../../binding/lexical/index.js";
import type { ValidationIssue } from "../issues.js";
import { START_END_PAIRS } from "./b2mml-terms.js";
import { b2mmlChildren, collapsedText, isNil, type Rule, ruleIssue } from "./rule.js";

export const timeOrderRule: Rule = {
  id: "B2MML-TIME-001",
  title: "Start not after end",
  statement:
    "Within one element, StartTime ≤ EndTime, EarliestStartTime ≤ LatestEndTime and ActualStartTime ≤ ActualEndTime, compared as exact instants.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const parent of ctx.elements) {
      for (const [startName, endName] of START_END_PAIRS) {
        const starts = b2mmlChildren(parent, startName).filter((e) => !isNil(e));
        if (starts.length === 0) continue;
        const ends = b2mmlChildren(parent, endName).filter((e) => !isNil(e));
        for (const start of starts) {
          const startText = collapsedText(start);
          // an invalid value or one without an offset is B2MML-TIME-003's or B2MML-TIME-002's issue
          if (explainXsdDateTime(startText) !== undefined) continue;
          const startValue = parseXsdDateTime(startText);
          if (startValue.offsetMinutes === undefined) continue;
          for (const end of ends) {
            const endText = collapsedText(end);
            if (explainXsdDateTime(endText) !== undefined) continue;
            const endValue = parseXsdDateTime(endText);
            if (endValue.offsetMinutes === undefined) continue;
            if (compareXsdDateTime(startValue, endValue) !== 1) continue;
            issues.push(
              ruleIssue(ctx, this.id, start, `${startName} ${startText} is after ${endName} ${endText}`, {
                expected: `${startName} at or before ${endText}`,
                received: startText,
              }),
            );
          }
        }
      }
    }
    return issues;
  },
};
