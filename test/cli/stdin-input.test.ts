/**
 * `-` reads standard input for every command that takes one document (issue #20): the built CLI with a
 * real pipe as stdin gives what the same bytes give as a file (the name shown is `-`), under the input
 * limit.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { compiledCli, spawnCli } from "./helpers/run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-stdin-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const read = (file: string) => readFileSync(path.join(repoRoot, file));
const invalid = "fixtures/b2mml-v0600/invalid/missing-release-id/document.xml";
const valid = "fixtures/b2mml-v0600/valid/process-production-performance/document.xml";
const idoc = "fixtures/idoc/loipro05-tablet-plain/idoc.xml";
const config = "fixtures/mappers/config.json";
const ticket = "fixtures/idoc/perf-tt-final-scrap-rework/timeticket.xml";
const performance = "fixtures/b2mml-v0600/valid/sync-production-performance/document.xml";
const postingsConfig = "fixtures/mappers/erp-postings/config.json";

describe.skipIf(!existsSync(compiledCli))("- is standard input (the built CLI, a real pipe)", () => {
  test("validate -: the report names -, as for the file", async () => {
    const file = await spawnCli(["validate", invalid]);
    const stdin = await spawnCli(["validate", "-"], { stdin: read(invalid) });
    expect(stdin.out).toBe(file.out.replaceAll(invalid, "-"));
    expect(stdin.err).toBe(file.err);
    expect(stdin.code).toBe(1);
  });

  test("validate a file, - and another file: - takes its place in the order", async () => {
    const r = await spawnCli(["validate", "--format", "json", valid, "-", invalid], { stdin: read(invalid) });
    expect((JSON.parse(r.out) as { file: string }[]).map((e) => e.file)).toEqual([valid, "-", invalid]);
    expect(r.code).toBe(1);
  });

  test("validate --jobs 2 with -: the same as --jobs 1", async () => {
    const files = ["-", valid, invalid, "-", valid];
    const one = await spawnCli(["validate", "--jobs", "1", "--format", "json", ...files], {
      stdin: read(invalid),
    });
    const two = await spawnCli(["validate", "--jobs", "2", "--format", "json", ...files], {
      stdin: read(invalid),
    });
    expect(two).toEqual(one);
    expect((JSON.parse(one.out) as { file: string }[]).map((e) => e.file)).toEqual(files);
    expect(one.code).toBe(1);
  });

  test("hash -: the digest of the bytes, named -", async () => {
    const file = await spawnCli(["hash", valid]);
    const stdin = await spawnCli(["hash", "-"], { stdin: read(valid) });
    expect(stdin.out).toBe(file.out.replace(valid, "-"));
    expect(stdin.code).toBe(0);
  });

  test("c14n -: the same canonical form", async () => {
    const file = await spawnCli(["c14n", valid]);
    const stdin = await spawnCli(["c14n", "-"], { stdin: read(valid) });
    expect(stdin.out).toBe(file.out);
    expect(stdin.code).toBe(0);
  });

  test("map production-schedule -: the same document", async () => {
    const args = ["--config", config, "--created", "2026-01-01T00:00:00Z"];
    const file = await spawnCli(["map", "production-schedule", idoc, ...args]);
    const stdin = await spawnCli(["map", "production-schedule", "-", ...args], { stdin: read(idoc) });
    expect(stdin.out).toBe(file.out);
    expect(stdin.err).toBe(file.err.replaceAll(idoc, "-"));
    expect(stdin.code).toBe(0);
  });

  test("map production-performance -: the same document", async () => {
    const file = await spawnCli(["map", "production-performance", ticket, "--config", config]);
    const stdin = await spawnCli(["map", "production-performance", "-", "--config", config], {
      stdin: read(ticket),
    });
    expect(stdin.out).toBe(file.out);
    expect(stdin.code).toBe(file.code);
  });

  test("map erp-postings -: the same IDoc files", async () => {
    const a = path.join(tmp, "file");
    const b = path.join(tmp, "stdin");
    const file = await spawnCli([
      "map",
      "erp-postings",
      performance,
      "--config",
      postingsConfig,
      "--out-dir",
      a,
    ]);
    const stdin = await spawnCli(["map", "erp-postings", "-", "--config", postingsConfig, "--out-dir", b], {
      stdin: read(performance),
    });
    expect(stdin.code).toBe(0);
    expect(file.code).toBe(0);
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    for (const name of names)
      expect(readFileSync(path.join(b, name), "utf8")).toBe(readFileSync(path.join(a, name), "utf8"));
  });

  test("standard input over the limit is refused at the limit (exit 3)", async () => {
    const r = await spawnCli(["hash", "-"], {
      stdin: Buffer.alloc(10_000, 0x20),
      env: { B2MML_MAX_INPUT_BYTES: "4096" },
    });
    expect(r.err).toBe(
      "b2mml hash: -: IO_INPUT_TOO_LARGE the input is larger than 4096 bytes (raise B2MML_MAX_INPUT_BYTES)\n",
    );
    expect(r.code).toBe(3);
  });
});
