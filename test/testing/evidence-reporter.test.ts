/**
 * The evidence reporter end to end: a child vitest runs test/testing/sample/ with the reporter; the
 * report.json is checked, and report.html is opened in a real headless browser (Debian's chromium through
 * playwright-core; skipped, saying so, where /usr/bin/chromium is absent).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EvidenceReport } from "../../src/testing/index.js";
import { repoRoot } from "../helpers/paths.js";
import { runWithReporter } from "./helpers/run-with-reporter.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `${CHROMIUM} is absent: the browser check of report.html is skipped (apt-get install -y chromium)`,
  );

let dir = "";
let report: EvidenceReport;
let run: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-evidence-"));
  writeFileSync(
    path.join(dir, "requirements.md"),
    "| ID | Rule |\n|---|---|\n| DEMO-REQ-001 | a |\n| DEMO-REQ-002 | b |\n| DEMO-REQ-003 | c |\n| DEMO-REQ-004 | d, no test |\n",
  );
  const options = {
    outputDir: path.join(dir, "out"),
    root: repoRoot,
    requirementSources: [path.join(dir, "requirements.md")],
    schemas: ["xsd/b2mml-v0600"],
    configurations: ["fixtures/mappers/config.json"],
  };
  ({ run, report } = runWithReporter(["test/testing/sample/*.sample.ts"], options));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("evidence reporter", () => {
  test("the child run fails (one test fails on purpose) and still writes the report", () => {
    expect(run.status, run.output).toBe(1);
    expect(report.format).toBe("b2mml-evidence-report/1");
    expect(report.summary).toMatchObject({
      tests: 4,
      passed: 3,
      failed: 1,
      requirements: 4,
      requirementsPassed: 2,
    });
    expect(report.testsWithoutRequirement).toBe(1);
  });

  test("per requirement: tests, results and artifact digests; requirements without a passing test", () => {
    const byId = new Map(report.requirements.map((r) => [r.id, r]));
    expect(byId.get("DEMO-REQ-001")?.status).toBe("passed");
    const tagged = byId.get("DEMO-REQ-002");
    expect(tagged?.tests[0]?.artifacts.map((a) => a.role)).toEqual([
      "input",
      "configuration",
      "expected",
      "actual",
    ]);
    expect(tagged?.tests[0]?.artifacts[2]?.digest.hex).toBe(tagged?.tests[0]?.artifacts[3]?.digest.hex);
    expect(byId.get("DEMO-REQ-003")?.status).toBe("failed");
    expect(byId.get("DEMO-REQ-003")?.tests[0]?.error).toContain("expected");
    expect(byId.get("DEMO-REQ-004")).toMatchObject({ status: "untested", tests: [], documented: true });
    expect(report.withoutPassingTest).toEqual(["DEMO-REQ-003", "DEMO-REQ-004"]);
  });

  test("the environment: library, Node, OS, schema set and configuration digests", () => {
    const env = report.environment;
    expect(env.library.name).toBe("b2mml");
    expect(env.node).toBe(process.version);
    expect(env.schemaSet?.files.length).toBeGreaterThan(0);
    expect(env.schemaSet?.digest.canonicalization).toBe("urn:ietf:rfc:8785");
    expect(env.configurations.map((c) => c.file)).toEqual(["fixtures/mappers/config.json"]);
  });

  test("report.html is self-contained: no external asset, no script", () => {
    const html = readFileSync(path.join(dir, "out/report.html"), "utf8");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\bsrc=|url\(|@import/i);
  });

  test.skipIf(!hasChromium)("report.html renders in headless chromium: the requirement table", async () => {
    const { chromium } = await import("playwright-core");
    const profile = mkdtempSync(path.join(os.tmpdir(), "b2mml-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      offline: true,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    try {
      const page = await context.newPage();
      await page.goto(`file://${path.join(dir, "out/report.html")}`);
      expect(await page.title()).toContain("Evidence report");
      const rows = page.locator("#requirements tbody tr");
      expect(await rows.count()).toBe(4);
      const failed = page.locator('tr[data-requirement="DEMO-REQ-003"] td.status');
      expect(await failed.textContent()).toBe("failed");
      expect(
        await failed.evaluate(
          (td) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(td).backgroundColor,
        ),
      ).toBe("rgb(255, 235, 233)");
      expect(await page.locator('tr[data-requirement="DEMO-REQ-001"] td.status').textContent()).toBe(
        "passed",
      );
      expect(await page.locator("#without-passing-test li").allTextContents()).toEqual([
        "DEMO-REQ-003",
        "DEMO-REQ-004",
      ]);
      expect(await page.locator("#environment").textContent()).toContain(process.version);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
