/**
 * Text report: one line per issue, `file:line:column code message`, the path and expectations after it.
 * A character XML 1.0 forbids (a terminal escape, a lone surrogate that UTF-8 output would turn into
 * U+FFFD) is shown as the visible text `\uXXXX`, as in the JUnit report (`showForbiddenCharacters`).
 *
 * @module
 */
import { showForbiddenCharacters } from "../../binding/xml-escape.js";
import type { FileReport } from "./report.js";

export function renderText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const i of r.issues) {
      const extra = [
        i.path ? `at ${i.path}` : "",
        i.expected !== undefined ? `expected ${i.expected}` : "",
        i.received !== undefined ? `received ${i.received}` : "",
      ].filter((s) => s !== "");
      const severity = i.severity === "warning" ? " (warning)" : "";
      lines.push(
        `${r.file}:${i.line}:${i.column} ${i.code}${severity} ${i.message}${extra.length ? ` [${extra.join("; ")}]` : ""}`,
      );
    }
  }
  return showForbiddenCharacters(lines.join("\n"));
}
