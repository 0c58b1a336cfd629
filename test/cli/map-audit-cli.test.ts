/**
 * `b2mml map production-schedule --audit <ledger>`: one audit record per run, chained in the ledger,
 * with the BODID as idempotency key, digests of the canonical input and output, and the outcome.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { verifyLedger } from "../../src/audit/ledger.js";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { repoRoot } from "../helpers/paths.js";

const work = mkdtempSync(path.join(tmpdir(), "b2mml-map-audit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
  return { code: await runCli(["map", ...args], io), out, err };
}

const config = path.join(repoRoot, "fixtures/mappers/config.json");
const tablet = path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml");

describe("map --audit", () => {
  test("each run appends one chained record; a re-run has the same idempotency key and digests", async () => {
    const ledger = path.join(work, "ledger.jsonl");
    expect((await run(["production-schedule", tablet, "--config", config, "--audit", ledger])).code).toBe(
      ExitCode.OK,
    );
    expect((await run(["production-schedule", tablet, "--config", config, "--audit", ledger])).code).toBe(
      ExitCode.OK,
    );
    expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 2 });
    const records = readFileSync(ledger, "utf8")
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { record: Record<string, unknown> }).record);
    const [first, second] = records;
    expect(first?.operation).toBe("mapping");
    expect(first?.mapper).toBe("loipro-to-production-schedule");
    expect(first?.outcome).toBe("mapped");
    expect(String(first?.idempotencyKey)).toMatch(/\/sha256:[0-9a-f]{64}$/);
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(second?.input).toEqual(first?.input);
    expect(second?.output).toEqual(first?.output);
    expect(second?.correlationId).not.toBe(first?.correlationId);
    const schemaSet = first?.schemaSet as { files: unknown[] } | undefined;
    expect(schemaSet?.files.length).toBeGreaterThan(0);
  });

  test("a rejected mapping is recorded as rejected, without an output digest", async () => {
    const ledger = path.join(work, "rejected.jsonl");
    const emptyConfig = path.join(work, "empty-config.json");
    writeFileSync(emptyConfig, JSON.stringify({ plants: {} }));
    const r = await run(["production-schedule", tablet, "--config", emptyConfig, "--audit", ledger]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    const { record } = JSON.parse(readFileSync(ledger, "utf8").trim()) as { record: Record<string, unknown> };
    expect(record.outcome).toBe("rejected");
    expect(record.output).toBeUndefined();
  });

  test("production-performance and erp-postings append their records to the same ledger", async () => {
    const ledger = path.join(work, "both.jsonl");
    const movement = path.join(repoRoot, "fixtures/idoc/perf-gm-receipt-101/goodsmovement.xml");
    const performance = path.join(repoRoot, "fixtures/mappers/performance/gm-receipt-101/expected.xml");
    const erpConfig = path.join(repoRoot, "fixtures/mappers/erp-postings/config.json");
    expect(
      (await run(["production-performance", movement, "--config", config, "--audit", ledger])).code,
    ).toBe(ExitCode.OK);
    const postings = await run([
      "erp-postings",
      performance,
      "--config",
      erpConfig,
      "--out-dir",
      path.join(work, "postings"),
      "--audit",
      ledger,
    ]);
    expect(postings.code).toBe(ExitCode.OK);
    expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 2 });
    const records = readFileSync(ledger, "utf8")
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { record: Record<string, unknown> }).record);
    expect(records.map((r) => [r.mapper, r.outcome, r.output !== undefined])).toEqual([
      ["idoc-to-production-performance", "mapped", true],
      ["production-performance-to-erp", "mapped", true],
    ]);
  });
});
