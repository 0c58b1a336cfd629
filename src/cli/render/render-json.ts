/**
 * JSON report: an array with one entry per file, each with its issues.
 *
 * @module
 */
import type { FileReport } from "./report.js";

export function renderJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      release: r.release ?? null,
      outcome: r.outcome,
      valid: r.outcome === "valid",
      issues: r.issues,
    })),
    null,
    2,
  );
}
