/**
 * The evidence report as one self-contained HTML page: inline CSS, no script, no external asset, so that
 * it can be archived with a validation pack and opened offline.
 *
 * @module
 */
import type { DigestRecord } from "../audit/digest.js";
import { showForbiddenCharacters } from "../binding/xml-escape.js";
import type { EvidenceArtifact } from "./evidence.js";
import type {
  EvidenceReport,
  IdOutsideSources,
  ReportedTest,
  RequirementEvidence,
  RequirementStatus,
} from "./evidence-report.js";

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

/** The link to a test's entry in the list of tests. */
const testLink = (test: ReportedTest) =>
  `<a class="test-link" href="#${escapeHtml(test.anchor)}">${escapeHtml(test.anchor)}</a>`;

function testItem(test: ReportedTest): string {
  const error = test.error ? `<pre>${escapeHtml(test.error)}</pre>` : "";
  return `<li>${testLink(test)} <span class="state ${test.state}">${test.state}</span> ${escapeHtml(test.name)} <code>${escapeHtml(test.file)}</code>${artifactList(test.artifacts)}${error}</li>`;
}

/** What the status cell says: a requirement with no passing or failing test is "not tested". */
const STATUS_TEXT: Record<RequirementStatus, string> = {
  passed: "passed",
  failed: "failed",
  untested: "not tested",
};

function documentationChecks(r: RequirementEvidence): string {
  if (r.documentationChecks.length === 0) return "";
  return `<p class="documentation-checks">Documentation checks (not tests of the requirement): ${r.documentationChecks
    .map((t) => `${testLink(t)} <span class="state ${t.state}">${t.state}</span> ${escapeHtml(t.name)}`)
    .join("; ")}</p>`;
}

function requirementRow(r: RequirementEvidence): string {
  const tests = r.tests.length > 0 ? `<ul>${r.tests.map(testItem).join("")}</ul>` : "no test";
  const sources =
    r.sources.length > 0 ? r.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ") : "tests only";
  return `<tr data-requirement="${escapeHtml(r.id)}" id="requirement-${escapeHtml(r.id)}"><td><code>${escapeHtml(r.id)}</code></td><td class="status ${r.status}">${STATUS_TEXT[r.status]}</td><td>${sources}</td><td>${tests}${documentationChecks(r)}</td></tr>`;
}

/** One entry of the list of tests: the anchor the requirement rows link to, and what the test names. */
function testEntry(test: ReportedTest): string {
  const kind = test.documentationCheck === true ? "checks the documentation of" : "exercises";
  const named =
    test.requirements.length > 0
      ? ` ${kind} ${test.requirements.map((id) => `<code>${escapeHtml(id)}</code>`).join(", ")}`
      : "";
  return `<li id="${escapeHtml(test.anchor)}"><span class="state ${test.state}">${test.state}</span> ${escapeHtml(test.name)} <code>${escapeHtml(test.file)}</code>${named}</li>`;
}

function outsideSourcesList(ids: readonly IdOutsideSources[]): string {
  if (ids.length === 0) return `<p id="outside-sources">Every ID the tests name is documented.</p>`;
  return `<ul id="outside-sources">${ids
    .map((o) => `<li><code>${escapeHtml(o.id)}</code>: ${o.tests.map(testLink).join(", ")}</li>`)
    .join("")}</ul>`;
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
<h2>IDs the tests name that no requirement source documents</h2>
<p>Not requirements of this report (samples, or a typo in a title): listed so that none goes unseen.</p>
${outsideSourcesList(report.outsideSources)}
<h2>Tests</h2>
<ol id="tests">
${report.tests.map(testEntry).join("\n")}
</ol>
</body>
</html>
`;
}
