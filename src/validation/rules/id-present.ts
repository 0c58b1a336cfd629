/**
 * B2MML-ID-001: an ID that is given identifies something.
 *
 * @module
 */
import type { ValidationIssue } from "../issues.js";
import { b2mmlChildren, collapsedText, type Rule, ruleIssue } from "./rule.js";

/**
 * The identified objects whose `ID`, when present, must not be empty: what MES and ERP refer to later.
 * The XSD makes every one of these IDs optional, and so does this rule: an absent ID is not an issue
 * (a segment response reported by its `ProcessSegmentID`, the query noun of a `Get`, the echo of an
 * `Acknowledge` are meaningful without one); an empty one is, since it identifies nothing and two empty IDs
 * look alike.
 */
export const ID_CHECKED: ReadonlySet<string> = new Set([
  "ProductionSchedule",
  "ProductionPerformance",
  "ProductionRequest",
  "ProductionResponse",
  "SegmentRequirement",
  "SegmentResponse",
  // V0700+: the operations documents that replace the production ones
  "OperationsSchedule",
  "OperationsPerformance",
  "OperationsRequest",
  "OperationsResponse",
]);

export const idPresentRule: Rule = {
  id: "B2MML-ID-001",
  title: "Non-empty IDs",
  statement:
    "An ID given to a ProductionSchedule, ProductionPerformance, ProductionRequest, ProductionResponse, SegmentRequirement or SegmentResponse is not empty or blank; an absent ID (optional in the XSD) is not an issue.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const element of ctx.elements) {
      if (!ID_CHECKED.has(element.local)) continue;
      for (const id of b2mmlChildren(element, "ID"))
        if (collapsedText(id) === "")
          issues.push(
            ruleIssue(ctx, this.id, id, `${element.local} has an empty ID`, {
              expected: "a non-empty ID",
              received: "an empty ID",
            }),
          );
    }
    return issues;
  },
};
