/**
 * The evidence report's HTML shows a test name, file name or failure message with a character XML 1.0
 * forbids as the visible text `\uXXXX` (the JUnit report's choice, `showForbiddenCharacters`): the page
 * does not hide that the name had such a character, a lone surrogate is not turned into U+FFFD by the
 * UTF-8 file, and the name can be restored exactly. Checked in headless chromium where it is installed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findForbiddenCharacter, restoreShownCharacters } from "../../src/binding/xml-escape.js";
import {
  EVIDENCE_REPORT_FORMAT,
  type EvidenceReport,
  type ReportedTest,
  renderEvidenceHtml,
} from "../../src/testing/index.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-evidence-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAME = "DEMO-REQ-001 parses \u0001 and \uD800 & <b>";
const FILE = "test/odd\u001b[31m.test.ts";
const ERROR = "expected '\uFFFE' to be 'a'\nat line 2";

const TEST: ReportedTest = {
  name: NAME,
  file: FILE,
  state: "failed",
  requirements: ["DEMO-REQ-001"],
  artifacts: [],
  error: ERROR,
  anchor: "test-1",
};

const report: EvidenceReport = {
  format: EVIDENCE_REPORT_FORMAT,
  generatedAt: "2026-01-01T00:00:00Z",
  environment: {
    library: { name: "b2mml", version: "0.0.0" },
    node: "v20",
    os: "linux",
    configurations: [],
  },
  summary: {
    tests: 1,
    passed: 0,
    failed: 1,
    skipped: 0,
    requirements: 1,
    requirementsPassed: 0,
    requirementsWithoutPassingTest: 1,
  },
  requirements: [
    {
      id: "DEMO-REQ-001",
      documented: true,
      sources: ["docs/x.md"],
      status: "failed",
      tests: [TEST],
      documentationChecks: [],
    },
  ],
  tests: [TEST],
  outsideSources: [],
  withoutPassingTest: ["DEMO-REQ-001"],
  testsWithoutRequirement: 0,
};

describe("renderEvidenceHtml", () => {
  test("forbidden characters are shown as \\uXXXX, markup is escaped", () => {
    const html = renderEvidenceHtml(report);
    expect(findForbiddenCharacter(html)).toBeUndefined();
    expect(html).toContain(
      "DEMO-REQ-001 parses \\u0001 and \\uD800 &amp; &lt;b&gt; <code>test/odd\\u001B[31m.test.ts</code>",
    );
    expect(html).toContain("<pre>expected &#39;\\uFFFE&#39; to be &#39;a&#39;\nat line 2</pre>");
  });

  test("the environment's plain values are escaped too (library, Node.js, operating system, commit)", () => {
    const html = renderEvidenceHtml({
      ...report,
      environment: {
        library: { name: "b2mml<x>", version: "1&2" },
        node: "v20 <beta>",
        os: "Linux 6.1 <x> & \u0001",
        gitCommit: "<no>",
        configurations: [],
      },
    });
    expect(findForbiddenCharacter(html)).toBeUndefined();
    expect(html).toContain(
      '<table id="environment"><tr><th>Library</th><td>b2mml&lt;x&gt; 1&amp;2</td></tr><tr><th>Node.js</th><td>v20 &lt;beta&gt;</td></tr><tr><th>Operating system</th><td>Linux 6.1 &lt;x&gt; &amp; \\u0001</td></tr><tr><th>Git commit</th><td>&lt;no&gt;</td></tr>',
    );
  });

  test.skipIf(!existsSync(CHROMIUM))("chromium shows the names, and they restore exactly", async () => {
    const file = path.join(dir, "report.html");
    writeFileSync(file, renderEvidenceHtml(report));
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${file}`);
      const item = page.locator('tr[data-requirement="DEMO-REQ-001"] li').first();
      const code = (await item.locator("code").first().textContent()) ?? "";
      expect(code).toBe("test/odd\\u001B[31m.test.ts");
      expect(restoreShownCharacters(code)).toBe(FILE);
      const text = (await item.textContent()) ?? "";
      expect(text).toContain("DEMO-REQ-001 parses \\u0001 and \\uD800 & <b>");
      expect(restoreShownCharacters((await item.locator("pre").textContent()) ?? "")).toBe(ERROR);
    } finally {
      await browser.close();
    }
  });
});
