/**
 * B2MML-TIME-002: every dateTime carries an explicit time zone offset.
 *
 * @module
 */
import { explainXsdDateTime, parseXsdDateTime } from "../../binding/lexical/index.js";
import type { XmlElement } from "../../binding/xml-tree.js";
import type { ValidationIssue } from "../issues.js";
import { DATE_TIME_ELEMENTS, dataTypeOf, lexicalTypeOfDataType } from "./b2mml-terms.js";
import { collapsedText, isNil, type Rule, ruleIssue } from "./rule.js";

const EXPECTED = "a dateTime with an offset: Z or ±hh:mm";

/** The dateTime text of a dateTime element, or of a value whose DataType is dateTime, with its label. */
function dateTimeOf(element: XmlElement, parent: XmlElement | undefined): string | undefined {
  if (DATE_TIME_ELEMENTS.has(element.local)) return element.local;
  if ((element.local === "QuantityString" || element.local === "ValueString") && parent !== undefined) {
    const code = dataTypeOf(parent);
    if (code !== undefined && lexicalTypeOfDataType(code) === "dateTime")
      return `${element.local} (DataType ${code})`;
  }
  return undefined;
}

export const dateTimeOffsetRule: Rule = {
  id: "B2MML-TIME-002",
  title: "Explicit time zone offset",
  statement:
    "Every dateTime (CreationDateTime, PublishedDate, StartTime, EndTime, … and values with DataType dateTime) carries an explicit offset, Z or ±hh:mm.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const element of ctx.elements) {
      const label = dateTimeOf(element, ctx.parentOf(element));
      if (label === undefined || isNil(element)) continue;
      const text = collapsedText(element);
      // a value that is no dateTime at all is B2MML-TIME-003's (or B2MML-VALUE-001's) issue
      if (explainXsdDateTime(text) !== undefined || parseXsdDateTime(text).offsetMinutes !== undefined)
        continue;
      issues.push(
        ruleIssue(ctx, this.id, element, `${label} ${text} has no time zone offset`, {
          expected: EXPECTED,
          received: text,
        }),
      );
    }
    return issues;
  },
};
