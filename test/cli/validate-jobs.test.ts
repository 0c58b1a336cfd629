/**
 * `b2mml validate --jobs <n>`: the same report (text, JSON, JUnit), summary, exit code and audit ledger as
 * in the main thread, in file order. Workers run from the compiled `dist/` (vitest runs the TypeScript
 * sources), so the parallel path spawns the built CLI; `npm test` builds it first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { taskSize } from "../../src/cli/validate-workers.js";
import { repoRoot } from "../helpers/paths.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
  };
  return { code: await runCli(["validate", ...args], io), out, err };
}

const fixtures = path.join(repoRoot, "fixtures/b2mml-v0600");
const fixtureFiles = ["valid", "invalid", "rules"].flatMap((kind) =>
  readdirSync(path.join(fixtures, kind))
    .sort()
    .map((name) => path.relative(repoRoot, path.join(fixtures, kind, name, "document.xml"))),
);
const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-validate-jobs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const notWellFormed = path.join(tmp, "not-well-formed.xml");
writeFileSync(notWellFormed, "<ProcessProductionSchedule><DataArea></ProcessProductionSchedule>");
const missing = path.join(tmp, "missing.xml");
/** Every outcome, several times over (more files than tasks, so the workers finish out of order). */
const mixed = [
  ...fixtureFiles,
  missing,
  ...fixtureFiles,
  notWellFormed,
  ...fixtureFiles,
  ...[...fixtureFiles].reverse(),
];

describe("b2mml validate --jobs (in this thread)", () => {
  test.each(["x", "-1", "1.5", "01", ""])("--jobs %j is a usage error (exit 2)", async (jobs) => {
    const r = await run(["--jobs", jobs, fixtureFiles[0] ?? ""]);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toContain(`Run "b2mml validate --help" for the usage.`);
  });

  test("--jobs 1 is the default: the same report, summary and exit code", async () => {
    const files = fixtureFiles.slice(0, 8);
    expect(await run(["--rules", "--jobs", "1", ...files])).toEqual(await run(["--rules", ...files]));
  });

  test("one file needs no worker: --jobs 4 validates it here", async () => {
    const file = fixtureFiles[0] ?? "";
    expect(await run(["--jobs", "4", file])).toEqual(await run([file]));
  });

  test("from the TypeScript sources there is no compiled worker: --jobs 2 says so (exit 70)", async () => {
    const r = await run(["--jobs", "2", ...fixtureFiles.slice(0, 2)]);
    expect(r.code).toBe(ExitCode.INTERNAL);
    expect(r.err).toContain("--jobs needs the compiled CLI");
  });

  test("tasks: a quarter of each thread's share of the files left, 1 to 32 files", async () => {
    expect(taskSize(1000, 2)).toBe(32);
    expect(taskSize(1000, 16)).toBe(16);
    expect(taskSize(53, 2)).toBe(7);
    expect(taskSize(9, 2)).toBe(2);
    expect(taskSize(3, 8)).toBe(1);
  });
});

const cli = path.join(repoRoot, "dist/cli/main.js");
const built = existsSync(cli);
const distMissing = `${cli} is absent: run npm run build (npm test does) for the worker-thread tests`;

function spawnCli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, "validate", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 2 ** 26,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!built)("b2mml validate --jobs (worker threads, the built CLI)", () => {
  test.each(["text", "json", "junit"])(
    "--format %s: byte-identical report, summary and exit code with --jobs 1, 2, 3 and auto",
    (format) => {
      const args = ["--rules", "--format", format, ...mixed];
      const one = spawnCli(["--jobs", "1", ...args]);
      expect(one.code).toBe(ExitCode.INPUT_ERROR);
      expect(one.err).toContain(`${mixed.length} file(s):`);
      expect(one.out.length).toBeGreaterThan(0);
      for (const jobs of ["2", "3", "auto", "0"]) expect(spawnCli(["--jobs", jobs, ...args])).toEqual(one);
    },
    60_000,
  );

  test("exit codes as in the main thread: 0 all valid, 1 an invalid document", async () => {
    const valid = fixtureFiles.filter((f) => f.includes(`${path.sep}valid${path.sep}`));
    const ok = spawnCli(["--jobs", "2", ...valid, ...valid]);
    expect(ok).toEqual(spawnCli(["--jobs", "1", ...valid, ...valid]));
    expect(ok.code).toBe(ExitCode.OK);
    const rules = spawnCli(["--jobs", "2", "--rules", ...fixtureFiles.filter((f) => !f.includes("invalid"))]);
    expect(rules.code).toBe(ExitCode.FINDINGS);
  }, 30_000);

  test("a schema set that cannot be loaded in the workers: exit 4, as in the main thread", async () => {
    const args = ["--schemas", path.join(tmp, "no-such-set"), ...fixtureFiles];
    const one = spawnCli(["--jobs", "1", ...args]);
    expect(one.code).toBe(ExitCode.SCHEMA_ERROR);
    expect(one.err).toContain("the schema set cannot be loaded");
    expect(spawnCli(["--jobs", "2", ...args])).toEqual(one);
  }, 30_000);

  test("--audit: the main thread appends the records in file order; the ledger verifies", async () => {
    const files = mixed.slice(0, 40);
    const ledgers = ["1", "2"].map((jobs) => {
      const ledger = path.join(tmp, `ledger-${jobs}.jsonl`);
      const r = spawnCli(["--jobs", jobs, "--rules", "--audit", ledger, ...files]);
      expect(r.code).toBe(ExitCode.INPUT_ERROR);
      const verify = spawnSync(process.execPath, [cli, "audit", "verify", ledger], { encoding: "utf8" });
      expect(verify.status).toBe(ExitCode.OK);
      return readFileSync(ledger, "utf8")
        .trim()
        .split("\n")
        .map((line) => {
          // Each run has its own correlation IDs, timestamps and so hashes: the rest must match.
          const {
            correlationId: _id,
            timestamps: _at,
            ...record
          } = (JSON.parse(line) as { record: Record<string, unknown> }).record;
          return record;
        });
    });
    const [one, two] = ledgers;
    // One record per file, in the order of the command line; the missing one is recorded too (issue #10:
    // outcome unusable, IO_UNREADABLE, no input digest).
    expect(one).toHaveLength(files.length);
    expect(two).toEqual(one);
    expect(one?.map((r) => (r.source as { file: string }).file)).toEqual(files);
    expect(one?.find((r) => (r.source as { file: string }).file === missing)).toMatchObject({
      outcome: "unusable",
      findings: { errors: { count: 1, codes: { IO_UNREADABLE: 1 } } },
    });
  }, 30_000);
});
if (!built) test.skip(distMissing, () => {});

describe.skipIf(!built)("the pool (dist/cli/validate-workers.js)", () => {
  test("the workers take part: their results are plain data (the compiled schema stays in the worker)", async () => {
    const pool = (await import(
      pathToFileURL(path.join(repoRoot, "dist/cli/validate-workers.js")).href
    )) as typeof import("../../src/cli/validate-workers.js");
    const valid = fixtureFiles.filter((f) => f.includes(`${path.sep}valid${path.sep}`));
    const files = Array.from({ length: 10 }, () => valid).flat();
    const outcomes = [];
    for await (const o of pool.validateInWorkers(files, { rules: false }, 2, false)) outcomes.push(o);
    expect(outcomes.map((o) => (o.kind === "validated" ? o.file : o.kind))).toEqual(files);
    const fromWorkers = outcomes.filter((o) => o.kind === "validated" && o.bytes === undefined);
    // The first task always goes to the worker; the main thread validates the others until it answers.
    expect(fromWorkers.length).toBeGreaterThanOrEqual(pool.taskSize(files.length, 2));
    for (const o of fromWorkers)
      if (o.kind === "validated")
        expect(Object.keys(o.result.schemaSet ?? {}).sort()).toEqual(["dir", "files"]);
  }, 30_000);
});
