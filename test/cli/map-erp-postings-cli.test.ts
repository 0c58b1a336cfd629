/** `b2mml map erp-postings`: files per IDoc, exit codes (PERF-POST-090). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import { type ErpPostingConfig, mapProductionPerformanceToErpPostings } from "../../src/mappers/index.js";
import { formatUnmapped } from "../../src/mappers/shared/unmapped.js";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

/** The CLI in this process: stdout as written, stderr a line per message. */
const run = async (args: string[]) => {
  const r = await runInProcess(["map", "erp-postings", ...args], { outAsWritten: true });
  return { ...r, code: r.code ?? -1 };
};

const fixture = (p: string) => path.join(repoRoot, p);
const config = fixture("fixtures/mappers/erp-postings/config.json");
const sync = fixture("fixtures/b2mml-v0600/valid/sync-production-performance/document.xml");
const tmp = () => mkdtempSync(path.join(tmpdir(), "b2mml-erp-"));

describe("b2mml map erp-postings", () => {
  test("PERF-POST-090 writes one file per IDoc named after type and key, equal to the goldens; exit 0", async () => {
    const dir = tmp();
    const r = await run([sync, "--config", config, "--out-dir", dir]);
    expect(r.code, r.err).toBe(ExitCode.OK);
    const golden = fixture("fixtures/mappers/erp-postings/tt-yield-activities-final/expected");
    const files = readdirSync(dir).sort();
    expect(files).toEqual(readdirSync(golden).sort());
    for (const f of files)
      expect(readFileSync(path.join(dir, f), "utf8")).toBe(readFileSync(path.join(golden, f), "utf8"));
    expect(files.every((f) => /^(PPCC2PRETTICKET02-[A-Z2-7]{32}|MBGMCR03-[A-Z2-7]{16})\.xml$/.test(f))).toBe(
      true,
    );
  });

  test("PERF-POST-090 --order-context supplies ERP-side fields; a rejected mapping writes nothing (exit 1)", async () => {
    const input = fixture("fixtures/mappers/erp-postings/ctx-storage-from-loipro/input.xml");
    const strictConfig = fixture("fixtures/mappers/erp-postings/ctx-storage-from-loipro/config.json");
    const rejected = tmp();
    const r1 = await run([input, "--config", strictConfig, "--out-dir", rejected]);
    expect(r1.code).toBe(ExitCode.FINDINGS);
    expect(r1.err).toMatch(/MISSING_STORAGE_LOCATION/);
    expect(readdirSync(rejected)).toEqual([]);
    const dir = tmp();
    const r2 = await run([
      input,
      "--config",
      strictConfig,
      "--order-context",
      fixture("fixtures/idoc/loipro05-tablet-plain/idoc.xml"),
      "--out-dir",
      dir,
    ]);
    expect(r2.code, r2.err).toBe(ExitCode.OK);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  test("PERF-POST-090 usage errors exit 2; unreadable or not well-formed input and a bad configuration exit 3", async () => {
    expect((await run([sync, "--config", config])).code).toBe(ExitCode.USAGE);
    expect((await run(["--config", config, "--out-dir", tmp()])).code).toBe(ExitCode.USAGE);
    expect((await run([sync, "--out-dir", tmp(), "--config", config, "--bogus"])).code).toBe(ExitCode.USAGE);
    const dir = tmp();
    const broken = path.join(dir, "broken.xml");
    writeFileSync(broken, "<SyncProductionPerformance>");
    expect((await run([broken, "--config", config, "--out-dir", tmp()])).code).toBe(ExitCode.INPUT_ERROR);
    expect((await run([path.join(dir, "missing.xml"), "--config", config, "--out-dir", tmp()])).code).toBe(
      ExitCode.INPUT_ERROR,
    );
    const badConfig = path.join(dir, "config.json");
    writeFileSync(badConfig, JSON.stringify({ plants: {} }));
    const r = await run([sync, "--config", badConfig, "--out-dir", tmp()]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.err).toMatch(/postings/);
  });
});

describe("b2mml map erp-postings --report-unmapped", () => {
  test("PERF-POST-006 prints the library's account of the values not posted, one line each, nothing else changed", async () => {
    const dir = tmp();
    const without = await run([sync, "--config", config, "--out-dir", dir]);
    const r = await run([sync, "--config", config, "--out-dir", dir, "--report-unmapped"]);
    expect(r.code, r.err).toBe(ExitCode.OK);
    const account = mapProductionPerformanceToErpPostings(
      readFileSync(sync),
      JSON.parse(readFileSync(config, "utf8")) as ErpPostingConfig,
    );
    expect(account.unmapped.length).toBeGreaterThan(0);
    expect(without.err).not.toContain(": unmapped ");
    expect(r.err.split("\n").filter((l) => l.includes(": unmapped "))).toEqual(
      account.unmapped.map(formatUnmapped),
    );
    expect(r.out).toBe(without.out);
  });
});
