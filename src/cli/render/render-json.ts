/**
 * JSON report: an array with one entry per file, each with its issues.
 *
 * @module
 */

import { renderIssuePath } from "../../shared/issue.js";
import type { ValidationIssue } from "../../validation/issues.js";
import type { FileReport } from "./report.js";

/** An issue as the report writes it: its origin as `source`, its path as an XPath. */
function issueOf(issue: ValidationIssue) {
  return {
    code: issue.code,
    severity: issue.severity,
    source: issue.origin,
    message: issue.message,
    line: issue.line,
    column: issue.column,
    path: renderIssuePath(issue),
    ...(issue.expected === undefined ? {} : { expected: issue.expected }),
    ...(issue.received === undefined ? {} : { received: issue.received }),
  };
}

export function renderJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      release: r.release ?? null,
      outcome: r.outcome,
      valid: r.outcome === "valid",
      issues: r.issues.map(issueOf),
    })),
    null,
    2,
  );
}
