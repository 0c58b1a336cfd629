/**
 * The evidence report's requirement table (issue #12): each documented requirement links to the tests
 * that exercise it; a documentation check (`markDocumentationCheck`) is listed beside a requirement but is
 * never its test, so a requirement with only documentation checks is "not tested"; an ID no requirement
 * source documents (a sample such as ACME-IF-001) is kept out of the table. A child vitest runs
 * test/testing/sample/links/requirement-links.sample.ts with the reporter; report.html is opened in headless
 * chromium (skipped, saying so, where /usr/bin/chromium is absent).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EvidenceReport } from "../../src/testing/index.js";
import { repoRoot } from "../helpers/paths.js";
import { runWithReporter } from "./helpers/run-with-reporter.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`${CHROMIUM} is absent: the browser check of the requirement links is skipped`);

const SAMPLE = "test/testing/sample/links/requirement-links.sample.ts";
const T1 = "[LINK-REQ-001] exercised by its title";
const T2 = "LINK-REQ-002 is documented (a documentation check only)";
const T3 = "LINK-REQ-001 and LINK-REQ-003 exercised by one test";
const T4 = "LINK-REQ-003 is documented (a documentation check beside a test)";
const T5 = "a sample ID tagged by a helper test";

let dir = "";
let report: EvidenceReport;
let run: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-links-"));
  writeFileSync(
    path.join(dir, "requirements.md"),
    "| ID | Requirement |\n|---|---|\n| LINK-REQ-001 | a |\n| LINK-REQ-002 | b |\n| LINK-REQ-003 | c |\n",
  );
  const options = {
    outputDir: path.join(dir, "out"),
    root: repoRoot,
    requirementSources: [path.join(dir, "requirements.md")],
  };
  ({ run, report } = runWithReporter([SAMPLE], options));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const linksOf = (r: { tests: readonly { anchor: string }[] } | undefined) => r?.tests.map((t) => t.anchor);

describe("the requirement table links each requirement to the tests that exercise it", () => {
  test("report.json: documented requirements only, exercising tests linked, documentation checks apart", () => {
    expect(run.status, run.output).toBe(0);
    expect(report.tests.map((t) => [t.anchor, t.name, t.documentationCheck ?? false])).toEqual([
      ["test-1", T1, false],
      ["test-2", T2, true],
      ["test-3", T3, false],
      ["test-4", T4, true],
      ["test-5", T5, false],
    ]);
    expect(
      report.requirements.map((r) => [
        r.id,
        r.status,
        linksOf(r),
        r.documentationChecks.map((t) => t.anchor),
      ]),
    ).toEqual([
      ["LINK-REQ-001", "passed", ["test-1", "test-3"], []],
      ["LINK-REQ-002", "untested", [], ["test-2"]],
      ["LINK-REQ-003", "passed", ["test-3"], ["test-4"]],
    ]);
    expect(report.outsideSources.map((o) => [o.id, linksOf(o)])).toEqual([["ACME-IF-001", ["test-5"]]]);
    expect(report.withoutPassingTest).toEqual(["LINK-REQ-002"]);
    expect(report.summary).toMatchObject({
      tests: 5,
      passed: 5,
      requirements: 3,
      requirementsPassed: 2,
      requirementsWithoutPassingTest: 1,
    });
  });

  test.skipIf(!hasChromium)(
    "report.html in chromium: links resolve, samples absent, docs-only not tested",
    async () => {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`file://${path.join(dir, "out/report.html")}`);
        const rows = page.locator("#requirements tbody tr");
        expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-requirement")))).toEqual(
          ["LINK-REQ-001", "LINK-REQ-002", "LINK-REQ-003"],
        );
        expect(await page.locator("#requirements td.status").allTextContents()).toEqual([
          "passed",
          "not tested",
          "passed",
        ]);
        // Every link of a row resolves to one entry of the list of tests, whose text names that test.
        const links = await page.locator("#requirements a.test-link").evaluateAll((anchors) =>
          anchors.map((a) => {
            const row = a.closest("tr")?.getAttribute("data-requirement");
            const id = (a.getAttribute("href") ?? "").replace(/^#/, "");
            const target = (
              a.ownerDocument as unknown as { getElementById(i: string): typeof a | null }
            ).getElementById(id);
            const inTests = target?.parentElement?.id === "tests";
            const doc = a.closest("p.documentation-checks") !== null;
            return [row, id, doc, inTests, target?.textContent ?? null];
          }),
        );
        expect(links).toEqual([
          ["LINK-REQ-001", "test-1", false, true, `passed ${T1} ${SAMPLE} exercises LINK-REQ-001`],
          [
            "LINK-REQ-001",
            "test-3",
            false,
            true,
            `passed ${T3} ${SAMPLE} exercises LINK-REQ-001, LINK-REQ-003`,
          ],
          [
            "LINK-REQ-002",
            "test-2",
            true,
            true,
            `passed ${T2} ${SAMPLE} checks the documentation of LINK-REQ-002`,
          ],
          [
            "LINK-REQ-003",
            "test-3",
            false,
            true,
            `passed ${T3} ${SAMPLE} exercises LINK-REQ-001, LINK-REQ-003`,
          ],
          [
            "LINK-REQ-003",
            "test-4",
            true,
            true,
            `passed ${T4} ${SAMPLE} checks the documentation of LINK-REQ-003`,
          ],
        ]);
        expect(await page.locator('tr[data-requirement="LINK-REQ-002"] td').nth(3).textContent()).toBe(
          `no testDocumentation checks (not tests of the requirement): test-2 passed ${T2}`,
        );
        // Following a link scrolls to the test's entry.
        await page.locator('tr[data-requirement="LINK-REQ-003"] a.test-link').first().click();
        expect(new URL(page.url()).hash).toBe("#test-3");
        expect(await page.locator("#test-3:target").count()).toBe(1);
        // The sample ID is not a requirement of the table; it is listed apart with its test.
        expect(await page.locator('#requirements [data-requirement="ACME-IF-001"]').count()).toBe(0);
        expect(await page.locator("#requirements").textContent()).not.toContain("ACME-IF");
        expect(await page.locator("#outside-sources li").allTextContents()).toEqual(["ACME-IF-001: test-5"]);
        expect(await page.locator("#without-passing-test li").allTextContents()).toEqual(["LINK-REQ-002"]);
      } finally {
        await browser.close();
      }
    },
  );
});
