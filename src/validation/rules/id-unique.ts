/**
 * B2MML-ID-002: siblings of the same kind have distinct IDs.
 *
 * @module
 */
import type { XmlElement } from "../../binding/xml-tree.js";
import type { ValidationIssue } from "../issues.js";
import { b2mmlChildren, collapsedText, isB2mml, type Rule, ruleIssue } from "./rule.js";

export const idUniqueRule: Rule = {
  id: "B2MML-ID-002",
  title: "Unique IDs among siblings",
  statement:
    "Sibling elements of the same name that each carry one ID (ProductionRequest, SegmentRequirement, SegmentResponse, ProductionData, Parameter, …Property, …) have distinct IDs.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const parent of ctx.elements) {
      // first element seen per (child name, ID value)
      const seen = new Map<string, XmlElement>();
      for (const child of parent.children) {
        if (child.kind !== "element" || !isB2mml(child)) continue;
        const ids = b2mmlChildren(child, "ID");
        if (ids.length !== 1) continue; // no ID, or a list of IDs (Receiver): not an identified object
        const [id] = ids;
        if (id === undefined) continue;
        const value = collapsedText(id);
        if (value === "") continue; // B2MML-ID-001's issue
        const key = `${child.local}\u0000${value}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, child);
          continue;
        }
        issues.push(
          ruleIssue(
            ctx,
            this.id,
            id,
            `${child.local} ID ${value} is not unique: ${ctx.pathOf(first)} (line ${first.line}) has the same ID`,
            {
              expected: `an ID unique among the ${child.local} elements of ${parent.local}`,
              received: value,
            },
          ),
        );
      }
    }
    return issues;
  },
};
