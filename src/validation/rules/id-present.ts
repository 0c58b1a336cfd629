/**
 * B2MML-ID-001: requests, responses and segments are identified.
 *
 * @module
 */
import type { ValidationIssue } from "../issues.js";
import { b2mmlChildren, collapsedText, type Rule, ruleIssue } from "./rule.js";

/** Elements that must have an ID child with a non-empty value. */
export const ID_REQUIRED: ReadonlySet<string> = new Set([
  "ProductionRequest",
  "ProductionResponse",
  "SegmentRequirement",
  "SegmentResponse",
  // V0700+: the operations documents that replace the production ones
  "OperationsRequest",
  "OperationsResponse",
]);

/**
 * Elements whose ID may be absent (query nouns of a Get, echoes in an Acknowledge) but, when present,
 * must not be empty.
 */
export const ID_OPTIONAL: ReadonlySet<string> = new Set([
  "ProductionSchedule",
  "ProductionPerformance",
  "OperationsSchedule",
  "OperationsPerformance",
]);

export const idPresentRule: Rule = {
  id: "B2MML-ID-001",
  title: "Non-empty IDs",
  statement:
    "ProductionRequest, ProductionResponse, SegmentRequirement and SegmentResponse have a non-empty ID; a ProductionSchedule or ProductionPerformance ID, when present, is not empty.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const element of ctx.elements) {
      const required = ID_REQUIRED.has(element.local);
      if (!required && !ID_OPTIONAL.has(element.local)) continue;
      const ids = b2mmlChildren(element, "ID");
      if (ids.length === 0) {
        if (required)
          issues.push(
            ruleIssue(ctx, this.id, element, `${element.local} has no ID`, {
              expected: "an ID element with a non-empty value",
              received: "no ID element",
            }),
          );
        continue;
      }
      for (const id of ids)
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
