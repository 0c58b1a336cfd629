/**
 * Every CLI input is read with the size limit applied while reading (issue #18): `/dev/zero` and
 * `/dev/urandom` are refused one byte past the limit, a FIFO is refused at once instead of waited on, a
 * sparse 3 GB file is refused from its size without being read. The limit is `B2MML_MAX_INPUT_BYTES`
 * (4096 here), 64 MiB by default.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runInProcess } from "./helpers/run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-bounded-"));
const fifo = path.join(tmp, "input.fifo");
const sparse = path.join(tmp, "sparse-3g.xml");
const config = "fixtures/mappers/config.json";
const postingsConfig = "fixtures/mappers/erp-postings/config.json";
const idoc = "fixtures/idoc/loipro05-tablet-plain/idoc.xml";
const ticket = "fixtures/idoc/perf-tt-final-scrap-rework/timeticket.xml";
const performance = "fixtures/b2mml-v0600/valid/sync-production-performance/document.xml";
const large = (p: string) =>
  `${p}: IO_INPUT_TOO_LARGE the input is larger than 4096 bytes (raise B2MML_MAX_INPUT_BYTES)\n`;
const notFile = (p: string) => `${p}: IO_NOT_A_FILE not a regular file: a FIFO (use - for standard input)\n`;

beforeAll(() => {
  execFileSync("mkfifo", [fifo]);
  execFileSync("truncate", ["-s", "3G", sparse]);
  process.env.B2MML_MAX_INPUT_BYTES = "4096";
});
afterAll(() => {
  delete process.env.B2MML_MAX_INPUT_BYTES;
  rmSync(tmp, { recursive: true, force: true });
});

describe("CLI inputs are bounded while read", () => {
  const cases: [string, () => string[], { out?: string; err: string }][] = [
    [
      "validate /dev/zero",
      () => ["validate", "/dev/zero"],
      {
        out: "/dev/zero:0:0 IO_INPUT_TOO_LARGE the input is larger than 4096 bytes (raise B2MML_MAX_INPUT_BYTES)\n",
        err: "b2mml validate: 1 file(s): 0 valid, 0 invalid, 1 unusable\n",
      },
    ],
    [
      "validate a FIFO",
      () => ["validate", fifo],
      {
        out: `${fifo}:0:0 IO_NOT_A_FILE not a regular file: a FIFO (use - for standard input)\n`,
        err: "b2mml validate: 1 file(s): 0 valid, 0 invalid, 1 unusable\n",
      },
    ],
    [
      "hash /dev/urandom",
      () => ["hash", "/dev/urandom"],
      { out: "", err: `b2mml hash: ${large("/dev/urandom")}` },
    ],
    ["hash a FIFO", () => ["hash", fifo], { out: "", err: `b2mml hash: ${notFile(fifo)}` }],
    ["c14n /dev/zero", () => ["c14n", "/dev/zero"], { out: "", err: `b2mml c14n: ${large("/dev/zero")}` }],
    [
      "map production-schedule /dev/zero",
      () => ["map", "production-schedule", "/dev/zero", "--config", config],
      { out: "", err: large("/dev/zero") },
    ],
    [
      "map production-schedule --config /dev/zero",
      () => ["map", "production-schedule", idoc, "--config", "/dev/zero"],
      { out: "", err: large("/dev/zero") },
    ],
    [
      "map production-schedule --config FIFO",
      () => ["map", "production-schedule", idoc, "--config", fifo],
      { out: "", err: notFile(fifo) },
    ],
    [
      "map production-performance /dev/urandom",
      () => ["map", "production-performance", "/dev/urandom", "--config", config],
      { out: "", err: large("/dev/urandom") },
    ],
    [
      "map production-performance --order-context FIFO",
      () => ["map", "production-performance", ticket, "--config", config, "--order-context", fifo],
      { out: "", err: notFile(fifo) },
    ],
    [
      "map erp-postings /dev/zero",
      () => [
        "map",
        "erp-postings",
        "/dev/zero",
        "--config",
        postingsConfig,
        "--out-dir",
        path.join(tmp, "out"),
      ],
      { out: "", err: large("/dev/zero") },
    ],
    [
      "map erp-postings --order-context /dev/zero",
      () => [
        "map",
        "erp-postings",
        performance,
        "--config",
        postingsConfig,
        "--order-context",
        "/dev/zero",
        "--out-dir",
        path.join(tmp, "out"),
      ],
      { out: "", err: large("/dev/zero") },
    ],
  ];
  test.each(cases)("%s: refused at the limit, exit 3", async (_name, args, expected) => {
    const r = await runInProcess(args());
    expect(r.err).toBe(expected.err);
    if (expected.out !== undefined) expect(r.out).toBe(expected.out);
    expect(r.code).toBe(3);
  });

  test("a sparse 3 GB file is refused from its size under the default limit (64 MiB), nothing read", async () => {
    delete process.env.B2MML_MAX_INPUT_BYTES;
    try {
      const before = process.memoryUsage().rss;
      const r = await runInProcess(["hash", sparse]);
      expect(r.err).toBe(
        `b2mml hash: ${sparse}: IO_INPUT_TOO_LARGE the input is larger than 67108864 bytes (raise B2MML_MAX_INPUT_BYTES)\n`,
      );
      expect(r.code).toBe(3);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    } finally {
      process.env.B2MML_MAX_INPUT_BYTES = "4096";
    }
  });

  test("a file of exactly the limit is read, one byte more is refused; a malformed limit is a usage error", async () => {
    const exact = path.join(tmp, "exact.xml");
    writeFileSync(exact, `<r>${"x".repeat(4096 - 7)}</r>`);
    const ok = await runInProcess(["hash", "--method", "none", exact]);
    expect(ok.out).toBe(`${createHash("sha256").update(readFileSync(exact)).digest("hex")}  ${exact}\n`);
    expect(ok.code).toBe(0);
    const over = path.join(tmp, "over.xml");
    writeFileSync(over, `<r>${"x".repeat(4096 - 6)}</r>`);
    const r = await runInProcess(["hash", "--method", "none", over]);
    expect(r.err).toBe(`b2mml hash: ${large(over)}`);
    expect(r.code).toBe(3);
    process.env.B2MML_MAX_INPUT_BYTES = "1e9";
    try {
      const bad = await runInProcess(["hash", idoc]);
      expect(bad.err).toBe('b2mml: B2MML_MAX_INPUT_BYTES="1e9": expected a positive number of bytes\n');
      expect(bad.code).toBe(2);
    } finally {
      process.env.B2MML_MAX_INPUT_BYTES = "4096";
    }
  });
});
