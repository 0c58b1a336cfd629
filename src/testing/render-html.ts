/**
 * The evidence report as one self-contained HTML page: inline CSS, no script, no external asset, so that
 * it can be archived with a validation pack and opened offline.
 *
 * @module
 */
import type { DigestRecord } from "../audit/digest.js";
import { showForbiddenCharacters } from "../binding/xml-escape.js";
import type { EvidenceArtifact } from "./evidence.js";
import type { EvidenceReport, EvidenceTest, RequirementEvidence } from "./evidence-report.js";

/**
 * HTML text or a double-quoted attribute value. A character XML 1.0 forbids (a test or file name may hold
 * U+0001; a lone surrogate would become U+FFFD in the UTF-8 file) is shown as the visible text `\uXXXX`,
 * as in the JUnit report, so the page does not hide it and `restoreShownCharacters` gives the name back.
 */
const escapeHtml = (text: string) =>
  showForbiddenCharacters(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1b1f23}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
code,.digest{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.passed{background:#dafbe1}.failed{background:#ffebe9}.untested,.skipped,.pending{background:#fff8c5}
ul{margin:0;padding-left:1.2em}
.summary td{font-weight:600}
pre{white-space:pre-wrap;margin:.2em 0;font-size:12px}
`;

const digestCell = (d: DigestRecord) =>
  `<span class="digest" title="${escapeHtml(`${d.algorithm} ${d.canonicalization ?? "octets as given"}`)}">sha256:${escapeHtml(d.hex)}</span>`;

function artifactList(artifacts: readonly EvidenceArtifact[]): string {
  if (artifacts.length === 0) return "";
  return `<ul class="artifacts">${artifacts
    .map((a) => `<li>${escapeHtml(a.role)} <code>${escapeHtml(a.name)}</code>: ${digestCell(a.digest)}</li>`)
    .join("")}</ul>`;
}

function testItem(test: EvidenceTest): string {
  const error = test.error ? `<pre>${escapeHtml(test.error)}</pre>` : "";
  return `<li><span class="state ${test.state}">${test.state}</span> ${escapeHtml(test.name)} <code>${escapeHtml(test.file)}</code>${artifactList(test.artifacts)}${error}</li>`;
}

function requirementRow(r: RequirementEvidence): string {
  const tests = r.tests.length > 0 ? `<ul>${r.tests.map(testItem).join("")}</ul>` : "no test";
  const sources =
    r.sources.length > 0 ? r.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ") : "tests only";
  return `<tr data-requirement="${escapeHtml(r.id)}"><td><code>${escapeHtml(r.id)}</code></td><td class="status ${r.status}">${r.status}</td><td>${sources}</td><td>${tests}</td></tr>`;
}

/** Renders the report as a self-contained HTML document. */
export function renderEvidenceHtml(report: EvidenceReport): string {
  const env = report.environment;
  const envRows: [string, string][] = [
    ["Library", escapeHtml(`${env.library.name} ${env.library.version}`)],
    ["Node.js", escapeHtml(env.node)],
    ["Operating system", escapeHtml(env.os)],
    ["Git commit", escapeHtml(env.gitCommit ?? "not a git checkout")],
    [
      "Schema set",
      env.schemaSet
        ? `${env.schemaSet.files.length} files, ${digestCell(env.schemaSet.digest)} (JCS over the file list)`
        : "none given",
    ],
    ...env.configurations.map((c): [string, string] => [
      `Configuration <code>${escapeHtml(c.file)}</code>`,
      `${digestCell(c.digest)} (JCS)`,
    ]),
  ];
  const s = report.summary;
  const missing =
    report.withoutPassingTest.length > 0
      ? `<ul id="without-passing-test">${report.withoutPassingTest.map((id) => `<li><code>${escapeHtml(id)}</code></li>`).join("")}</ul>`
      : `<p id="without-passing-test">Every requirement has a passing test.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Evidence report: ${escapeHtml(env.library.name)} ${escapeHtml(env.library.version)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Evidence report</h1>
<p>Generated ${escapeHtml(report.generatedAt)} (${escapeHtml(report.format)}).</p>
<h2>Summary</h2>
<table class="summary" id="summary"><tr><th>Tests</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Requirements</th><th>With a passing test</th><th>Without</th></tr>
<tr><td>${s.tests}</td><td>${s.passed}</td><td>${s.failed}</td><td>${s.skipped}</td><td>${s.requirements}</td><td>${s.requirementsPassed}</td><td>${s.requirementsWithoutPassingTest}</td></tr></table>
<h2>Environment</h2>
<table id="environment">${envRows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>
<h2>Requirements without a passing test</h2>
${missing}
<h2>Requirements</h2>
<table id="requirements">
<thead><tr><th>Requirement</th><th>Status</th><th>Documented in</th><th>Tests (result, artifacts and their digests)</th></tr></thead>
<tbody>
${report.requirements.map(requirementRow).join("\n")}
</tbody>
</table>
<p>${report.testsWithoutRequirement} tests name no requirement.</p>
</body>
</html>
`;
}
