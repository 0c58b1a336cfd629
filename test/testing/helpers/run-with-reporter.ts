/**
 * Runs test files in a child vitest with the project's evidence reporter (src/testing/reporter.ts) and
 * returns its exit status, its output and the report.json it wrote. The child gets a config file of its
 * own in `outputDir`'s parent and none of this run's VITEST_* variables.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EvidenceReport } from "../../../src/testing/index.js";
import { repoRoot } from "../../helpers/paths.js";

export interface ReporterRun {
  readonly run: { readonly status: number | null; readonly output: string };
  readonly report: EvidenceReport;
}

/**
 * @param include the test files (globs, relative to the project root)
 * @param options the reporter's options; `outputDir` is where report.json is written
 */
export function runWithReporter(
  include: readonly string[],
  options: { readonly outputDir: string } & Record<string, unknown>,
): ReporterRun {
  const config = `${options.outputDir}.config.mjs`;
  const reporter = path.join(repoRoot, "src/testing/reporter.ts");
  const setupFiles = [path.join(repoRoot, "test/setup/issue-path-text.ts")];
  writeFileSync(
    config,
    `export default { test: { root: ${JSON.stringify(repoRoot)}, include: ${JSON.stringify(include)}, setupFiles: ${JSON.stringify(setupFiles)}, reporters: [[${JSON.stringify(reporter)}, ${JSON.stringify(options)}]] } };\n`,
  );
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const child = spawnSync(
    process.execPath,
    [path.join(repoRoot, "node_modules/vitest/vitest.mjs"), "run", "--config", config],
    { cwd: repoRoot, encoding: "utf8", env },
  );
  return {
    run: { status: child.status, output: `${child.stdout}${child.stderr}` },
    report: JSON.parse(readFileSync(path.join(options.outputDir, "report.json"), "utf8")) as EvidenceReport,
  };
}
