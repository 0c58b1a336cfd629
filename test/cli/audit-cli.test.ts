/**
 * `b2mml c14n`, `b2mml hash`, `b2mml audit verify` and `validate --audit`: exact outputs and exit codes.
 */

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { appendToLedger, verifyLedger } from "../../src/audit/ledger.js";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { repoRoot } from "../helpers/paths.js";
import { fillLeaving, mountSmallTmpfs, probeSmallTmpfs, unmountSmallTmpfs } from "../helpers/small-tmpfs.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string; bytes: Buffer }> {
  let out = "";
  let err = "";
  const chunks: Buffer[] = [];
  const io: Io = {
    out: (t) => {
      out += t.endsWith("\n") ? t : `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    write: (b) => {
      chunks.push(Buffer.from(b));
    },
  };
  const code = await runCli(args, io);
  return { code, out, err, bytes: Buffer.concat(chunks) };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-audit-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};

const doc = file(
  "doc.xml",
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><r xmlns:b="urn:b" xmlns="urn:a" z='1' a="2"><b:x b:k="v"/>\n</r>\n`,
);
const fixture = path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml");
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

describe("b2mml c14n", () => {
  test.each([
    ["c14n", '<r xmlns="urn:a" xmlns:b="urn:b" a="2" z="1"><b:x b:k="v"></b:x>\n</r>'],
    [
      "c14n#WithComments",
      '<!-- c -->\n<r xmlns="urn:a" xmlns:b="urn:b" a="2" z="1"><b:x b:k="v"></b:x>\n</r>',
    ],
    ["c14n11", '<r xmlns="urn:a" xmlns:b="urn:b" a="2" z="1"><b:x b:k="v"></b:x>\n</r>'],
    ["exc-c14n", '<r xmlns="urn:a" a="2" z="1"><b:x xmlns:b="urn:b" b:k="v"></b:x>\n</r>'],
    [
      "exc-c14n#WithComments",
      '<!-- c -->\n<r xmlns="urn:a" a="2" z="1"><b:x xmlns:b="urn:b" b:k="v"></b:x>\n</r>',
    ],
    [
      "http://www.w3.org/2001/10/xml-exc-c14n#",
      '<r xmlns="urn:a" a="2" z="1"><b:x xmlns:b="urn:b" b:k="v"></b:x>\n</r>',
    ],
  ])("--method %s: the exact canonical bytes on stdout, no newline added", async (method, expected) => {
    const r = await run(["c14n", "--method", method, doc]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.bytes.toString("utf8")).toBe(expected);
    expect(r.out).toBe("");
    expect(r.err).toBe("");
  });

  test("--inclusive-prefixes with exc-c14n", async () => {
    const r = await run(["c14n", "--method", "exc-c14n", "--inclusive-prefixes", "b #default", doc]);
    expect(r.bytes.toString("utf8")).toBe(
      '<r xmlns="urn:a" xmlns:b="urn:b" a="2" z="1"><b:x b:k="v"></b:x>\n</r>',
    );
  });

  test("usage errors: exit 2", async () => {
    expect((await run(["c14n", "--method", "c14n2", doc])).code).toBe(ExitCode.USAGE);
    expect((await run(["c14n", "--inclusive-prefixes", "b", doc])).code).toBe(ExitCode.USAGE);
    expect((await run(["c14n"])).code).toBe(ExitCode.USAGE);
    expect((await run(["c14n", doc, doc])).code).toBe(ExitCode.USAGE);
    expect((await run(["c14n", "--nope", doc])).code).toBe(ExitCode.USAGE);
  });

  test("a DOCTYPE is refused, a missing file is unreadable: exit 3, nothing on stdout", async () => {
    const evil = file("evil.xml", '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>');
    const r = await run(["c14n", evil]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.bytes.length).toBe(0);
    expect(r.err).toBe(`b2mml c14n: ${evil}:1:1: a DOCTYPE is not accepted (XML_DOCTYPE_REFUSED)\n`);
    const missing = await run(["c14n", path.join(tmp, "missing.xml")]);
    expect(missing.code).toBe(ExitCode.INPUT_ERROR);
    expect(missing.err).toBe(
      `b2mml c14n: ${path.join(tmp, "missing.xml")}: IO_UNREADABLE cannot read the file (ENOENT)\n`,
    );
  });
});

describe("b2mml hash", () => {
  test("sha256sum layout over the C14N 1.0 form by default", async () => {
    const r = await run(["hash", doc, fixture]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toBe(
      `${sha256(canonicalizeXml(readFileSync(doc)))}  ${doc}\n${sha256(canonicalizeXml(readFileSync(fixture)))}  ${fixture}\n`,
    );
  });

  test("--method none is sha256sum itself", async () => {
    const r = await run(["hash", "--method", "none", doc]);
    expect(r.out).toBe(`${sha256(readFileSync(doc))}  ${doc}\n`);
  });

  test("--format json: the self-describing records", async () => {
    const r = await run([
      "hash",
      "--algorithm",
      "sha384",
      "--method",
      "exc-c14n#WithComments",
      "--format",
      "json",
      doc,
    ]);
    expect(r.code).toBe(ExitCode.OK);
    const hex = createHash("sha384")
      .update(canonicalizeXml(readFileSync(doc), { method: "exc-c14n#WithComments" }))
      .digest();
    expect(JSON.parse(r.out)).toEqual([
      {
        file: doc,
        algorithm: "http://www.w3.org/2001/04/xmldsig-more#sha384",
        canonicalization: "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
        hex: hex.toString("hex"),
        base64: hex.toString("base64"),
      },
    ]);
  });

  test("--method jcs on a JSON file", async () => {
    const json = file("a.json", '{ "b": [1.0, 2e3], "a": "\\u00e9" }\n');
    expect((await run(["hash", "--method", "jcs", json])).out).toBe(
      `${sha256('{"a":"é","b":[1,2000]}')}  ${json}\n`,
    );
    const bad = file("bad.json", "{");
    expect((await run(["hash", "--method", "jcs", bad])).code).toBe(ExitCode.INPUT_ERROR);
  });

  test("a refused file: exit 3, the others still hashed", async () => {
    const evil = file("evil2.xml", "<!DOCTYPE r><r/>");
    const r = await run(["hash", evil, doc]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.out).toBe(`${sha256(canonicalizeXml(readFileSync(doc)))}  ${doc}\n`);
  });

  test("usage errors: exit 2", async () => {
    expect((await run(["hash", "--algorithm", "md5", doc])).code).toBe(ExitCode.USAGE);
    expect((await run(["hash", "--format", "xml", doc])).code).toBe(ExitCode.USAGE);
    expect((await run(["hash"])).code).toBe(ExitCode.USAGE);
  });
});

describe("validate --audit and b2mml audit verify", () => {
  test("validate appends one record per file; verify says ok; a damaged ledger: exit 1 with the line and why", async () => {
    const ledger = path.join(tmp, "audit.jsonl");
    const v = await run(["validate", "--audit", ledger, fixture, fixture]);
    expect(v.code).toBe(ExitCode.OK);
    const lines = readFileSync(ledger, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const { record } = JSON.parse(lines[0] ?? "") as {
      record: {
        operation: string;
        messageType: string;
        b2mmlRelease: string;
        outcome: string;
        input: { hex: string };
        schemaSet: { files: unknown[] };
      };
    };
    expect(record).toMatchObject({
      operation: "validation",
      messageType: "ProcessProductionSchedule",
      b2mmlRelease: "V0600",
      outcome: "valid",
      input: { hex: sha256(canonicalizeXml(readFileSync(fixture))) },
    });
    expect(record.schemaSet.files.length).toBeGreaterThan(0);

    const ok = await run(["audit", "verify", ledger]);
    expect(ok.code).toBe(ExitCode.OK);
    expect(ok.out).toBe(`ok: 2 record(s), root ${verifyLedger(ledger).checkpoint.root}\n`);

    writeFileSync(ledger, readFileSync(ledger, "utf8").replace('"outcome":"valid"', '"outcome":"VALID"'));
    const bad = await run(["audit", "verify", ledger]);
    expect(bad.code).toBe(ExitCode.FINDINGS);
    expect(bad.out).toBe(`${ledger}:1: altered: record 1's content does not match its hash\n`);
  });

  test("a torn last line and a truncation below the checkpoint", async () => {
    const ledger = path.join(tmp, "torn.jsonl");
    await run(["validate", "--audit", ledger, fixture, fixture, fixture]);
    const checkpoint = path.join(tmp, "published.json");
    writeFileSync(checkpoint, readFileSync(`${ledger}.checkpoint.json`));
    const full = readFileSync(ledger);
    writeFileSync(ledger, full.subarray(0, full.length - 5));
    const torn = await run(["audit", "verify", ledger]);
    expect(torn.code).toBe(ExitCode.FINDINGS);
    expect(torn.out).toMatch(new RegExp(`^${ledger}:3: torn: the last line has no newline`));
    const lines = full.toString("utf8").split("\n");
    writeFileSync(ledger, `${lines.slice(0, 2).join("\n")}\n`);
    const truncated = await run(["audit", "verify", "--checkpoint", checkpoint, ledger]);
    expect(truncated.out).toBe(
      `${ledger}:3: truncated: the ledger has 2 record(s), the checkpoint given covers 3\n`,
    );
    expect(truncated.code).toBe(ExitCode.FINDINGS);
  });

  test("usage: exit 2; a missing ledger: exit 3 (an input error, like hash missing.xml)", async () => {
    expect((await run(["audit"])).code).toBe(ExitCode.USAGE);
    expect((await run(["audit", "check", "x"])).code).toBe(ExitCode.USAGE);
    expect((await run(["audit", "verify"])).code).toBe(ExitCode.USAGE);
    const none = path.join(tmp, "none.jsonl");
    const missing = await run(["audit", "verify", none]);
    expect(missing.code).toBe(ExitCode.INPUT_ERROR);
    expect(missing.out).toBe("");
    expect(missing.err).toBe(
      `b2mml audit: ${none}: LEDGER_NOT_FOUND the ledger does not exist; expected a ledger file; received nothing at the path\n`,
    );
  });

  test('--checkpoint {} or with "size":"20" does not pass a rewritten ledger: exit 3 with the code and what was expected', async () => {
    const ledger = path.join(tmp, "rewritten.jsonl");
    await run(["validate", "--audit", ledger, fixture, fixture]);
    const published = path.join(tmp, "rewritten-published.json");
    writeFileSync(published, readFileSync(`${ledger}.checkpoint.json`));
    // an attacker rewrites the whole ledger (and its checkpoint file): a consistent chain of other records
    rmSync(ledger);
    rmSync(`${ledger}.checkpoint.json`);
    await run(["validate", "--audit", ledger, doc, doc]);
    const genuine = await run(["audit", "verify", "--checkpoint", published, ledger]);
    expect(genuine.code).toBe(ExitCode.FINDINGS);
    const cases: [string, string, string][] = [
      ["empty.json", "{}", "size: missing; expected an integer ≥ 0 (a JSON number)"],
      [
        "size-string.json",
        JSON.stringify({ ...JSON.parse(readFileSync(published, "utf8")), size: "20" }),
        'size: wrong value; expected an integer ≥ 0 (a JSON number); received "20" (a string)',
      ],
    ];
    for (const [name, content, why] of cases) {
      const checkpoint = file(name, content);
      const r = await run(["audit", "verify", "--checkpoint", checkpoint, ledger]);
      expect(r.code).toBe(ExitCode.INPUT_ERROR);
      expect(r.out).toBe("");
      expect(r.err.startsWith(`b2mml audit: ${checkpoint}: LEDGER_CHECKPOINT_INVALID ${why}`)).toBe(true);
    }
  });

  test("a checkpoint file too large, a FIFO, a directory as the ledger: exit 3 with the code, nothing waited on", async () => {
    const ledger = path.join(tmp, "bounded.jsonl");
    await run(["validate", "--audit", ledger, fixture]);
    const big = file("big-checkpoint.json", `{}${" ".repeat(70_000)}`);
    const tooLarge = await run(["audit", "verify", "--checkpoint", big, ledger]);
    expect(tooLarge.code).toBe(ExitCode.INPUT_ERROR);
    expect(tooLarge.err).toMatch(/^b2mml audit: .*big-checkpoint\.json: LEDGER_CHECKPOINT_TOO_LARGE /);
    const fifo = path.join(tmp, "checkpoint-fifo");
    execFileSync("mkfifo", [fifo]);
    const fromFifo = await run(["audit", "verify", "--checkpoint", fifo, ledger]);
    expect(fromFifo.code).toBe(ExitCode.INPUT_ERROR);
    expect(fromFifo.err).toMatch(/LEDGER_CHECKPOINT_UNREADABLE .* a FIFO/);
    const dir = path.join(tmp, "dir.jsonl");
    mkdirSync(dir);
    const isDir = await run(["audit", "verify", dir]);
    expect(isDir.code).toBe(ExitCode.INPUT_ERROR);
    expect(isDir.err).toMatch(new RegExp(`^b2mml audit: ${dir}: LEDGER_IS_DIRECTORY `));
  });

  test("validate --audit into a directory: exit 3 with LEDGER_IS_DIRECTORY, nothing recorded, no report", async () => {
    const dir = path.join(tmp, "ledger-dir.jsonl");
    mkdirSync(dir);
    const r = await run(["validate", "--audit", dir, fixture]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.err).toMatch(
      new RegExp(
        `^b2mml validate: the audit ledger ${dir}: nothing recorded: ${dir}: LEDGER_IS_DIRECTORY cannot open the ledger for appending: the path is a directory; received EISDIR\n$`,
      ),
    );
  });

  test("validate --audit keeps the issue codes, whether rules ran (which IDs), and the actor as given", async () => {
    const ledger = path.join(tmp, "findings.jsonl");
    const rules = path.join(repoRoot, "fixtures/b2mml-v0600/rules/end-before-start/document.xml");
    const invalid = path.join(repoRoot, "fixtures/b2mml-v0600/invalid/missing-release-id/document.xml");
    expect(
      (await run(["validate", "--rules", "--audit", ledger, "--actor", "qa.lead@site-7", rules])).code,
    ).toBe(ExitCode.FINDINGS);
    expect((await run(["validate", "--audit", ledger, invalid])).code).toBe(ExitCode.FINDINGS);
    const [withRules, withoutRules] = readFileSync(ledger, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { record: Record<string, unknown> }).record);
    expect(withRules).toMatchObject({
      format: "b2mml-audit-record/2",
      outcome: "invalid",
      actor: "qa.lead@site-7",
      findings: { errors: { count: 2, codes: { "B2MML-TIME-001": 2 } }, warnings: { count: 0, codes: {} } },
      rules: {
        ran: true,
        ids: [
          "B2MML-TIME-001",
          "B2MML-TIME-002",
          "B2MML-TIME-003",
          "B2MML-VALUE-001",
          "B2MML-UOM-001",
          "B2MML-ID-001",
          "B2MML-ID-002",
        ],
      },
    });
    expect(withoutRules).toMatchObject({
      outcome: "invalid",
      findings: {
        errors: { count: 1, codes: { XSD_MISSING_ATTRIBUTE: 1 } },
        warnings: { count: 0, codes: {} },
      },
      rules: { ran: false, ids: [] },
    });
    expect(withoutRules).not.toHaveProperty("actor");
  });

  test("validate --audit on an unreadable or refused file records it as unusable (exit 3 as without --audit)", async () => {
    const ledger = path.join(tmp, "unusable.jsonl");
    const missing = path.join(tmp, "no-such-file.xml");
    const doctype = file("doctype.xml", "<!DOCTYPE r><r/>");
    const without = await run(["validate", missing, doctype]);
    const r = await run(["validate", "--audit", ledger, "--actor", "ci", missing, doctype]);
    expect(without.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.out).toBe(without.out);
    expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 2 });
    const [unreadable, refused] = readFileSync(ledger, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { record: Record<string, unknown> }).record);
    expect(unreadable).toMatchObject({
      operation: "validation",
      messageType: "unknown",
      source: { file: missing },
      outcome: "unusable",
      inputNotCanonical: "the file could not be read (ENOENT)",
      findings: { errors: { count: 1, codes: { IO_UNREADABLE: 1 } } },
      rules: { ran: false, ids: [] },
      actor: "ci",
    });
    expect(unreadable).not.toHaveProperty("input");
    expect(refused).toMatchObject({
      messageType: "unknown",
      outcome: "unusable",
      input: { canonicalization: null, hex: sha256("<!DOCTYPE r><r/>") },
      inputNotCanonical: `Canonical XML 1.0 refused the input: XML_DOCTYPE_REFUSED ${doctype}:1:1: a DOCTYPE is not accepted`,
      findings: { errors: { count: 1, codes: { XML_DOCTYPE_REFUSED: 1 } } },
    });
  });

  test("validate --audit on a document the reader refuses because C14N cannot take it: the digest of its bytes and why", async () => {
    const ledger = path.join(tmp, "relative-ns.jsonl");
    const text = readFileSync(fixture, "utf8").replace(
      "<ProcessProductionSchedule ",
      '<ProcessProductionSchedule xmlns:r="relative/ns" ',
    );
    const relative = file("relative-ns.xml", text);
    const without = await run(["validate", relative]);
    const r = await run(["validate", "--audit", ledger, relative]);
    expect(r.code).toBe(without.code);
    const { record } = JSON.parse(readFileSync(ledger, "utf8")) as { record: Record<string, unknown> };
    expect(record).toMatchObject({
      messageType: "unknown",
      input: { canonicalization: null, hex: sha256(text) },
      inputNotCanonical: `Canonical XML 1.0 refused the input: XML_BAD_NAMESPACE_URI ${relative}:3:28: xmlns:r="relative/ns": the namespace name is a relative URI reference (namespace names must be absolute; Canonical XML refuses relative ones)`,
    });
  });

  test("validate --actor without --audit, or empty: usage error", async () => {
    const r = await run(["validate", "--actor", "qa", fixture]);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toMatch(
      /^b2mml validate: --actor <name> is recorded in the audit record: give --audit <ledger> too\n/,
    );
    expect((await run(["validate", "--audit", path.join(tmp, "x.jsonl"), "--actor", "", fixture])).code).toBe(
      ExitCode.USAGE,
    );
  });

  test("records of format /1 (written before --actor and findings) still verify beside /2 records", async () => {
    const ledger = path.join(tmp, "mixed-formats.jsonl");
    appendToLedger(ledger, {
      format: "b2mml-audit-record/1",
      operation: "validation",
      correlationId: "c",
      idempotencyKey: "k",
      messageType: "ProcessProductionSchedule",
      library: { name: "b2mml", version: "0.1.0" },
      outcome: "valid",
      timestamps: { recordedAt: "2026-03-29T01:30:00.250+01:00" },
    });
    await run(["validate", "--audit", ledger, fixture]);
    const r = await run(["audit", "verify", ledger]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toMatch(/^ok: 2 record\(s\), root [0-9a-f]{64}\n$/);
  });

  test("the main help lists the new commands", async () => {
    const r = await run(["--help"]);
    expect(r.out).toContain("  c14n      write the canonical form");
    expect(r.out).toContain("  hash      digest the canonical form");
    expect(r.out).toContain("  audit     verify an audit ledger");
  });
});

const noTmpfs = probeSmallTmpfs();

describe.skipIf(noTmpfs !== undefined)(
  `validate --audit on a full disk (64 KiB tmpfs)${noTmpfs !== undefined ? `: skipped, ${noTmpfs}` : ""}`,
  () => {
    let diskDir = "";
    let filler = "";
    beforeAll(() => {
      diskDir = mountSmallTmpfs();
      filler = path.join(diskDir, "filler");
    });
    afterAll(() => {
      if (diskDir !== "") unmountSmallTmpfs(diskDir);
    });
    afterEach(() => rmSync(filler, { force: true }));

    test("no space: exit 3 with LEDGER_NO_SPACE and nothing recorded (was exit 70), no lock left", async () => {
      const ledger = path.join(diskDir, "full.jsonl");
      expect((await run(["validate", "--audit", ledger, doc])).code).toBe(ExitCode.FINDINGS);
      fillLeaving(filler, 0);
      const r = await run(["validate", "--audit", ledger, doc]);
      expect(r.code).toBe(ExitCode.INPUT_ERROR);
      expect(r.err).toBe(
        `b2mml validate: the audit ledger ${ledger}: nothing recorded: ${ledger}.lock: LEDGER_NO_SPACE cannot create the lock file: no space left on the device; received ENOSPC\n`,
      );
      expect(existsSync(`${ledger}.lock`)).toBe(false);
      rmSync(filler);
      expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 1 });
    });

    test("space for the record but not the checkpoint: 'record appended, checkpoint not updated', the exit code of the run", async () => {
      const ledger = path.join(diskDir, "lagging.jsonl");
      expect((await run(["validate", "--audit", ledger, doc])).code).toBe(ExitCode.FINDINGS);
      fillLeaving(filler, 1);
      const r = await run(["validate", "--audit", ledger, doc]);
      expect(r.code).toBe(ExitCode.FINDINGS);
      expect(r.err).toContain(
        `b2mml validate: the audit ledger ${ledger}: record 2 appended, checkpoint not updated: ${ledger}.checkpoint.json: LEDGER_CHECKPOINT_NOT_WRITTEN cannot replace the checkpoint file (ENOSPC); received ENOSPC\n`,
      );
      rmSync(filler);
      expect(verifyLedger(ledger)).toMatchObject({ ok: true, records: 2 });
    });
  },
);
