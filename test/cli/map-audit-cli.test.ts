/**
 * `b2mml map production-schedule --audit <ledger>`: one audit record per run, chained in the ledger,
 * with the BODID as idempotency key, digests of the canonical input and output, and the outcome.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { digest } from "../../src/audit/digest.js";
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

/** The records of a ledger, in order. */
const recordsOf = (ledger: string) =>
  readFileSync(ledger, "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { record: Record<string, unknown> }).record);

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const audit = (name: string) => path.join(repoRoot, "fixtures/audit", name);
const rawDigest = (file: string) => {
  const bytes = readFileSync(file);
  return {
    algorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    canonicalization: null,
    hex: sha256(bytes),
    base64: createHash("sha256").update(bytes).digest("base64"),
  };
};
const noFindings = { count: 0, codes: {} };

describe("map --audit records every run that maps or rejects, with the exit code of a run without --audit (issue #10)", () => {
  const emptyConfig = path.join(work, "plants-empty.json");
  writeFileSync(emptyConfig, JSON.stringify({ plants: {} }));
  test.each([
    {
      name: "IDoc-JSON with 100 spaces before the {: the JCS digest, as without the spaces",
      input: audit("idoc-json-leading-whitespace/idoc.json"),
      configFile: config,
      want: {
        code: ExitCode.OK,
        record: {
          outcome: "mapped",
          messageType: "LOIPRO",
          input: digest(
            JSON.parse(
              readFileSync(path.join(repoRoot, "fixtures/idoc/loipro05-tablet-json/idoc.json"), "utf8"),
            ),
            { canonicalization: "jcs" },
          ),
          findings: { errors: noFindings, warnings: noFindings },
        },
      },
    },
    {
      name: "a JSON number out of range: the digest of the bytes, and why",
      input: audit("idoc-json-number-out-of-range/idoc.json"),
      configFile: config,
      want: {
        code: ExitCode.OK,
        record: {
          outcome: "mapped",
          input: rawDigest(audit("idoc-json-number-out-of-range/idoc.json")),
          inputNotCanonical: "JCS (RFC 8785) refused the input: not a JSON value: Infinity is not allowed",
          findings: { errors: noFindings, warnings: { count: 1, codes: { IDOC_INVALID_JSON_VALUE: 1 } } },
        },
      },
    },
    {
      name: "a JSON number out of range, rejected by the mapping: recorded as rejected, exit 1",
      input: audit("idoc-json-number-out-of-range/idoc.json"),
      configFile: emptyConfig,
      want: {
        code: ExitCode.FINDINGS,
        record: {
          outcome: "rejected",
          input: rawDigest(audit("idoc-json-number-out-of-range/idoc.json")),
          inputNotCanonical: "JCS (RFC 8785) refused the input: not a JSON value: Infinity is not allowed",
          findings: {
            errors: { count: 5, codes: { MISSING_TIME_ZONE: 5 } },
            warnings: { count: 1, codes: { IDOC_INVALID_JSON_VALUE: 1 } },
          },
        },
      },
    },
    {
      name: "no MESTYP: the message type recorded as unknown, the warning by code",
      input: audit("idoc-no-mestyp/idoc.xml"),
      configFile: config,
      want: {
        code: ExitCode.OK,
        record: {
          outcome: "mapped",
          messageType: "unknown",
          input: digest(readFileSync(audit("idoc-no-mestyp/idoc.xml")), { canonicalization: "c14n" }),
          findings: { errors: noFindings, warnings: { count: 1, codes: { IDOC_CONTROL_FIELD_MISSING: 1 } } },
        },
      },
    },
    {
      name: "XML the reader refuses (a relative namespace URI, which C14N cannot take): the digest of the bytes, and why",
      input: audit("idoc-relative-namespace/idoc.xml"),
      configFile: config,
      want: {
        code: ExitCode.INPUT_ERROR,
        record: {
          outcome: "rejected",
          messageType: "unknown",
          input: rawDigest(audit("idoc-relative-namespace/idoc.xml")),
          inputNotCanonical: `Canonical XML 1.0 refused the input: XML_BAD_NAMESPACE_URI ${audit("idoc-relative-namespace/idoc.xml")}:2:11: xmlns:r="relative/ns": the namespace name is a relative URI reference (namespace names must be absolute; Canonical XML refuses relative ones)`,
          findings: { errors: { count: 1, codes: { XML_BAD_NAMESPACE_URI: 1 } } },
        },
      },
    },
  ])("$name", async ({ input, configFile, want }) => {
    const without = await run(["production-schedule", input, "--config", configFile]);
    expect(without.code).toBe(want.code);
    const ledger = path.join(
      work,
      `${path.basename(path.dirname(input))}-${path.basename(configFile)}.jsonl`,
    );
    const r = await run(["production-schedule", input, "--config", configFile, "--audit", ledger]);
    expect(r.code).toBe(want.code);
    expect(r.err).toBe(without.err);
    expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 1 });
    const [record] = recordsOf(ledger);
    expect(record).toMatchObject({ format: "b2mml-audit-record/2", operation: "mapping", ...want.record });
    if (!("inputNotCanonical" in want.record)) expect(record).not.toHaveProperty("inputNotCanonical");
    expect(record).not.toHaveProperty("actor");
  });

  test("a ledger that is a directory: exit 3 with LEDGER_IS_DIRECTORY, not 70", async () => {
    const dir = path.join(work, "ledger-is-a-dir.jsonl");
    mkdirSync(dir);
    const r = await run(["production-schedule", tablet, "--config", config, "--audit", dir]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.err).toContain(
      `b2mml map: the audit ledger ${dir}: nothing recorded: ${dir}: LEDGER_IS_DIRECTORY `,
    );
    expect(r.out).toBe("");
  });
});

describe("--actor: who ran it, recorded as given, never invented", () => {
  const movement = path.join(repoRoot, "fixtures/idoc/perf-gm-receipt-101/goodsmovement.xml");
  const performance = path.join(repoRoot, "fixtures/mappers/performance/gm-receipt-101/expected.xml");
  const erpConfig = path.join(repoRoot, "fixtures/mappers/erp-postings/config.json");
  const commands: [string, (ledger: string) => string[]][] = [
    ["production-schedule", (l) => ["production-schedule", tablet, "--config", config, "--audit", l]],
    ["production-performance", (l) => ["production-performance", movement, "--config", config, "--audit", l]],
    [
      "erp-postings",
      (l) => [
        "erp-postings",
        performance,
        "--config",
        erpConfig,
        "--out-dir",
        path.join(work, "actor-postings"),
        "--audit",
        l,
      ],
    ],
  ];
  test.each(commands)("map %s --actor", async (name, args) => {
    const ledger = path.join(work, `actor-${name}.jsonl`);
    expect((await run([...args(ledger), "--actor", "  Jürg Müller (QA) "])).code).toBe(ExitCode.OK);
    expect((await run(args(ledger))).code).toBe(ExitCode.OK);
    const [given, absent] = recordsOf(ledger);
    expect(given?.actor).toBe("  Jürg Müller (QA) ");
    expect(absent).not.toHaveProperty("actor");
    const noAudit = args(ledger).slice(0, -2);
    const r = await run([...noAudit, "--actor", "qa"]);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toMatch(
      /^b2mml map[a-z -]*: --actor <name> is recorded in the audit record: give --audit <ledger> too\n/,
    );
    expect((await run([...args(ledger), "--actor", " "])).code).toBe(ExitCode.USAGE);
    expect(recordsOf(ledger)).toHaveLength(2);
  });
});

describe("map --audit records a document the reader refuses, for every map command (issue #10)", () => {
  const refusedIdoc = audit("idoc-relative-namespace/idoc.xml");
  const erpConfig = path.join(repoRoot, "fixtures/mappers/erp-postings/config.json");
  const refusedPerformance = path.join(work, "relative-ns-performance.xml");
  writeFileSync(
    refusedPerformance,
    '<SyncProductionPerformance xmlns="http://www.mesa.org/xml/B2MML-V0600" xmlns:r="relative/ns"/>',
  );
  test.each([
    ["production-performance", refusedIdoc, config, "idoc-to-production-performance"],
    ["erp-postings", refusedPerformance, erpConfig, "production-performance-to-erp"],
  ])(
    "map %s: exit 3 as without --audit, one rejected record with the reader's code and the bytes' digest",
    async (mapping, input, configFile, mapper) => {
      const extra = mapping === "erp-postings" ? ["--out-dir", path.join(work, `out-${mapping}`)] : [];
      const without = await run([mapping, input, "--config", configFile, ...extra]);
      expect(without.code).toBe(ExitCode.INPUT_ERROR);
      const ledger = path.join(work, `refused-${mapping}.jsonl`);
      const r = await run([mapping, input, "--config", configFile, ...extra, "--audit", ledger]);
      expect(r.code).toBe(ExitCode.INPUT_ERROR);
      expect(r.err).toBe(without.err);
      expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 1 });
      expect(recordsOf(ledger)[0]).toMatchObject({
        operation: "mapping",
        mapper,
        outcome: "rejected",
        messageType: "unknown",
        input: rawDigest(input),
        findings: { errors: { count: 1, codes: { XML_BAD_NAMESPACE_URI: 1 } } },
      });
    },
  );
});
