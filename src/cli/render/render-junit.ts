/**
 * JUnit XML report for CI systems: one test case per file; an invalid document is a failure, an unusable
 * one (unreadable, not well-formed, refused) an error; warnings go to system-out.
 *
 * File names and messages are shown as they are, except the characters XML 1.0 forbids (a file name
 * may hold U+0001): each becomes the visible text `\uXXXX` (`showForbiddenCharacters`), so the report
 * stays well-formed, shows that the name had such a character, and the name can be restored exactly.
 *
 * @module
 */
import { escapeAttribute, escapeText, showForbiddenCharacters } from "../../binding/xml-escape.js";
import { renderIssuePath } from "../../shared/issue.js";
import type { ValidationIssue } from "../../validation/issues.js";
import type { FileReport } from "./report.js";

function issueLine(file: string, i: ValidationIssue): string {
  return `${file}:${i.line}:${i.column} ${i.code} ${i.message}${i.path.length > 0 ? ` at ${renderIssuePath(i)}` : ""}`;
}

const text = (s: string) => escapeText(showForbiddenCharacters(s));
const attribute = (s: string) => escapeAttribute(showForbiddenCharacters(s));

export function renderJunit(reports: readonly FileReport[]): string {
  const failures = reports.filter((r) => r.outcome === "invalid").length;
  const errors = reports.filter((r) => r.outcome === "unusable").length;
  const cases = reports.map((r) => {
    const name = attribute(r.file);
    const errorsOf = r.issues.filter((i) => i.severity === "error");
    const warnings = r.issues.filter((i) => i.severity === "warning");
    const out = warnings.length
      ? `<system-out>${text(warnings.map((w) => issueLine(r.file, w)).join("\n"))}</system-out>`
      : "";
    if (r.outcome === "valid")
      return `    <testcase classname="b2mml.validate" name="${name}">${out}</testcase>`;
    const first = errorsOf[0];
    const tag = r.outcome === "invalid" ? "failure" : "error";
    const message = attribute(first ? `${first.code} ${first.message}` : "invalid");
    const type = attribute(first?.code ?? "INVALID");
    const body = text(errorsOf.map((i) => issueLine(r.file, i)).join("\n"));
    return `    <testcase classname="b2mml.validate" name="${name}"><${tag} message="${message}" type="${type}">${body}</${tag}>${out}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${reports.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="b2mml validate" tests="${reports.length}" failures="${failures}" errors="${errors}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
  ].join("\n");
}
