/**
 * The evidence reporter: a vitest reporter that writes `report.json` and a self-contained `report.html`
 * (see {@link EvidenceReport}) when a run ends.
 *
 * ```ts
 * // vitest.config.ts
 * import { defineConfig } from "vitest/config";
 * export default defineConfig({
 *   test: {
 *     reporters: [
 *       "default",
 *       ["b2mml/testing/reporter", { outputDir: "reports/evidence", requirementSources: ["docs/requirements.md"] }],
 *     ],
 *   },
 * });
 * ```
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import { evidenceOf, findRequirementIds } from "./evidence.js";
import {
  buildEvidenceReport,
  describeEnvironment,
  type EvidenceReport,
  type EvidenceTest,
  scanRequirementSources,
} from "./evidence-report.js";
import { renderEvidenceHtml } from "./render-html.js";

export interface EvidenceReporterOptions {
  /** Where `report.json` and `report.html` go, relative to the root. @default "reports/evidence" */
  readonly outputDir?: string;
  /** The root folder. @default process.cwd() */
  readonly root?: string;
  /**
   * Documents naming the requirements (files, or `*` patterns in the last segment): every ID they name
   * is listed, with or without a test, and only those (IDs only tests name are listed apart). @default []
   */
  readonly requirementSources?: readonly string[];
  /** The requirement ID pattern (in titles and documents). @default `REQUIREMENT_ID_PATTERN` of b2mml/testing */
  readonly pattern?: RegExp;
  /** Folders of the schema set the tests use (digested into the environment). @default [] */
  readonly schemas?: readonly string[];
  /** Configuration files (JSON) the tests use (digested into the environment). @default [] */
  readonly configurations?: readonly string[];
}

function toEvidenceTest(test: TestCase, root: string, pattern: RegExp | undefined): EvidenceTest {
  const evidence = evidenceOf(test.meta());
  const result = test.result();
  const requirements = [...findRequirementIds(test.fullName, pattern)];
  for (const id of evidence?.requirements ?? []) if (!requirements.includes(id)) requirements.push(id);
  const duration = test.diagnostic()?.duration;
  const firstError = result.state === "failed" ? result.errors[0]?.message : undefined;
  return {
    name: test.fullName,
    file: path.relative(root, test.module.moduleId).split(path.sep).join("/"),
    state: result.state,
    ...(duration !== undefined ? { durationMs: Math.round(duration) } : {}),
    requirements,
    ...(evidence?.documentationCheck === true ? { documentationCheck: true as const } : {}),
    artifacts: evidence?.artifacts ?? [],
    ...(firstError !== undefined ? { error: firstError.split("\n").slice(0, 12).join("\n") } : {}),
  };
}

/** A vitest reporter writing the evidence report. */
export class EvidenceReporter implements Reporter {
  readonly options: EvidenceReporterOptions;
  /** The last report written. */
  report: EvidenceReport | undefined;

  constructor(options: EvidenceReporterOptions = {}) {
    this.options = options;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const root = path.resolve(this.options.root ?? process.cwd());
    const pattern = this.options.pattern;
    const tests = testModules.flatMap((m) =>
      [...m.children.allTests()].map((t) => toEvidenceTest(t, root, pattern)),
    );
    const documented = scanRequirementSources(this.options.requirementSources ?? [], root, pattern);
    const environment = describeEnvironment({
      root,
      schemas: this.options.schemas ?? [],
      configurations: this.options.configurations ?? [],
    });
    const report = buildEvidenceReport(tests, documented, environment);
    const out = path.resolve(root, this.options.outputDir ?? "reports/evidence");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(out, "report.html"), renderEvidenceHtml(report));
    this.report = report;
  }
}

export default EvidenceReporter;
