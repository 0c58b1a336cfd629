/**
 * Text report: one line per issue, `file:line:column code message`, the path and expectations after it.
 * A character XML 1.0 forbids (a terminal escape, a lone surrogate that UTF-8 output would turn into
 * U+FFFD) is shown as the visible text `\uXXXX`, as in the JUnit report (`showForbiddenCharacters`).
 *
 * Said once, not in every line: a namespace libxml2 writes as `{uri}name` becomes `ns1:name`, and a line
 * after the file's issues binds the prefix (`file: xmlns:ns1="uri"`); the enumeration libxml2 puts in its
 * message ("Expected is one of ( … ).", "not an element of the set {…}") is left out of the message when
 * the issue's `expected` holds it, which the line shows in its brackets.
 *
 * @module
 */
import { showForbiddenCharacters } from "../../binding/xml-escape.js";
import { renderIssuePath } from "../../shared/issue.js";
import type { ValidationIssue } from "../../validation/issues.js";
import type { FileReport } from "./report.js";

/** `{uri}` before a name, as libxml2 writes a qualified name (an absolute URI: a scheme, then a colon). */
const CLARK_NAMESPACE = /\{([A-Za-z][A-Za-z0-9+.-]*:[^{}\s']*)\}(?=[A-Za-z_])/g;
const EXPECTED_LIST = / Expected is one of \( ([^()]*) \)\./;
const ENUMERATION_SET = / is not an element of the set \{([^{}]*)\}\./;

/** The namespaces `{uri}` names in a text. */
function namespacesIn(text: string): Set<string> {
  return new Set([...text.matchAll(CLARK_NAMESPACE)].map((m) => m[1] ?? ""));
}

/**
 * The message without the enumeration the issue's `expected` already holds: only when `expected` is that
 * list exactly and the list names no namespace the rest of the message does not, so nothing is lost.
 */
function trimEnumeration(issue: ValidationIssue): string {
  const { message, expected } = issue;
  if (expected === undefined) return message;
  const list = EXPECTED_LIST.exec(message);
  if (list) {
    const rest = message.replace(list[0], "");
    const names = (list[1] ?? "").replace(CLARK_NAMESPACE, "");
    const known = namespacesIn(rest);
    if (names === expected && [...namespacesIn(list[1] ?? "")].every((uri) => known.has(uri))) return rest;
  }
  const set = ENUMERATION_SET.exec(message);
  if (set && `one of ${set[1]}` === expected)
    return message.replace(set[0], " is not an element of the set.");
  return message;
}

/** The line of one issue, its namespaces shortened to the file's prefixes. */
function renderIssue(file: string, issue: ValidationIssue, prefixes: Map<string, string>): string {
  const message = trimEnumeration(issue).replace(CLARK_NAMESPACE, (_m, uri: string) => {
    let prefix = prefixes.get(uri);
    if (prefix === undefined) {
      prefix = `ns${prefixes.size + 1}`;
      prefixes.set(uri, prefix);
    }
    return `${prefix}:`;
  });
  const extra = [
    issue.path.length > 0 ? `at ${renderIssuePath(issue)}` : "",
    issue.expected !== undefined ? `expected ${issue.expected}` : "",
    issue.received !== undefined ? `received ${issue.received}` : "",
  ].filter((s) => s !== "");
  const severity = issue.severity === "warning" ? " (warning)" : "";
  return `${file}:${issue.line}:${issue.column} ${issue.code}${severity} ${message}${extra.length ? ` [${extra.join("; ")}]` : ""}`;
}

export function renderText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const prefixes = new Map<string, string>();
    const issueLines = r.issues.map((i) => renderIssue(r.file, i, prefixes));
    lines.push(...issueLines);
    for (const [uri, prefix] of prefixes) lines.push(`${r.file}: xmlns:${prefix}="${uri}"`);
  }
  return showForbiddenCharacters(lines.join("\n"));
}
