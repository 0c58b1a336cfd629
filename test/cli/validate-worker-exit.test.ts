/**
 * `validate --jobs`: a worker that stops without answering (out of memory, a crash) ends the file it was
 * validating with VALIDATE_WORKER_EXITED and the batch goes on; every other file's report is that of
 * --jobs 1 (issue #10). The test makes a worker exit through the test-only B2MML_TEST_WORKER_EXIT_ON.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { compiledCli, spawnCli } from "./helpers/run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-worker-exit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixtures = path.join(repoRoot, "fixtures/b2mml-v0600");
const fixtureFiles = ["valid", "invalid", "rules"].flatMap((kind) =>
  readdirSync(path.join(fixtures, kind))
    .sort()
    .map((name) => path.relative(repoRoot, path.join(fixtures, kind, name, "document.xml"))),
);
const crash = path.join(tmp, "crash-me.xml");
copyFileSync(path.join(fixtures, "valid/process-production-performance/document.xml"), crash);
const exited = `${crash}:0:0 VALIDATE_WORKER_EXITED the validation worker stopped (exit code 1) before it reported this file\n`;

describe.skipIf(!existsSync(compiledCli))("a worker that exits without answering (the built CLI)", () => {
  test.each([
    ["2", [crash, ...fixtureFiles, ...fixtureFiles]],
    ["3", [crash, ...fixtureFiles, crash, ...fixtureFiles, crash]],
  ])(
    "--jobs %s: a crashed file gets VALIDATE_WORKER_EXITED; the others are reported as with --jobs 1; exit 70",
    async (jobs, files) => {
      const env = { B2MML_TEST_WORKER_EXIT_ON: "crash-me.xml" };
      const others = files.filter((f) => f !== crash);
      const one = await spawnCli(["validate", "--rules", "--jobs", "1", ...others], { env });
      const two = await spawnCli(["validate", "--rules", "--jobs", jobs, ...files], {
        env,
        timeoutMs: 60_000,
      });
      const crashed = two.out.split("\n").filter((line) => line.startsWith(crash)).length;
      // The first task always goes to a worker (it crashes there); a crash file the main thread takes is
      // validated there (valid, no line).
      expect(crashed).toBeGreaterThanOrEqual(1);
      const lines = two.out.split("\n").filter((line) => !line.startsWith(crash));
      expect(lines.join("\n")).toBe(one.out);
      const [v, i, u] = (one.err.match(/(\d+) valid, (\d+) invalid, (\d+) unusable/) ?? [])
        .slice(1)
        .map(Number);
      const crashes = files.length - others.length;
      expect(two.err).toBe(
        `b2mml validate: ${files.length} file(s): ${(v ?? 0) + crashes - crashed} valid, ${i} invalid, ${(u ?? 0) + crashed} unusable\n`,
      );
      expect(two.out.startsWith(exited)).toBe(true);
      expect(two.code).toBe(70);
    },
    90_000,
  );
});
