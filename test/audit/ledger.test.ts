/**
 * The ledger: hash chain, RFC 6962 Merkle root, verification of every kind of damage (properties over
 * single-byte changes, deletions, reorderings and truncations), torn last lines, and concurrent appends
 * from several processes.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { canonicalizeJson } from "../../src/audit/canonicalize-json.js";
import {
  appendToLedger,
  checkpointPath,
  GENESIS,
  type LedgerCheckpoint,
  LedgerError,
  verifyLedger,
} from "../../src/audit/ledger.js";
import { leafHash, MerkleFrontier, merkleTreeHash, nodeHash } from "../../src/audit/merkle-tree.js";
import { compileLedgerModule } from "../helpers/compiled-ledger.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-ledger-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const fresh = () => path.join(tmp, `ledger-${++counter}.jsonl`);

function build(records: number): { file: string; checkpoint: LedgerCheckpoint } {
  const file = fresh();
  let checkpoint: LedgerCheckpoint | undefined;
  for (let i = 0; i < records; i++)
    ({ checkpoint } = appendToLedger(file, { n: i, text: `record ${i} é €` }, { fsync: false }));
  if (!checkpoint) throw new Error("no records");
  return { file, checkpoint };
}

describe("RFC 6962 Merkle tree", () => {
  const sha = (...parts: Uint8Array[]) => {
    const h = createHash("sha256");
    for (const p of parts) h.update(p);
    return h.digest();
  };
  test("leaf and node hashing with the 0x00 / 0x01 prefixes, empty tree", () => {
    const d = Buffer.from("data");
    expect(leafHash(d)).toEqual(sha(Buffer.from([0]), d));
    expect(nodeHash(d, d)).toEqual(sha(Buffer.from([1]), d, d));
    expect(merkleTreeHash([]).toString("hex")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
  test("the split rule: the largest power of two smaller than n (7 leaves: 4 + (2 + 1))", () => {
    const l = [..."abcdefg"].map((c) => Buffer.from(c));
    const h = l.map(leafHash);
    const [a, b, c, d, e, f, g] = h as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
    const expected = nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), nodeHash(nodeHash(e, f), g));
    expect(merkleTreeHash(l)).toEqual(expected);
  });
  test("the frontier gives the recursive definition's root for every size, and restores", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (leaves) => {
        const frontier = new MerkleFrontier();
        for (const leaf of leaves) frontier.append(leaf);
        expect(frontier.root()).toEqual(merkleTreeHash(leaves));
        const restored = MerkleFrontier.restore(frontier.size, frontier.hashes());
        restored.append(Buffer.from("x"));
        expect(restored.root()).toEqual(merkleTreeHash([...leaves, Buffer.from("x")]));
      }),
    );
  });
});

describe("ledger", () => {
  test("JCS lines chained by hash, a checkpoint file, verify ok", () => {
    const { file, checkpoint } = build(5);
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("");
    const entries = lines
      .slice(0, 5)
      .map((l) => JSON.parse(l) as { seq: number; prev: string; hash: string });
    expect(entries[0]?.prev).toBe(GENESIS);
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.prev).toBe(entries[i - 1]?.hash);
      expect(canonicalizeJson(JSON.parse(lines[i] ?? "")).toString()).toBe(lines[i]);
    });
    expect(checkpoint.root).toBe(
      merkleTreeHash(lines.slice(0, 5).map((l) => Buffer.from(l))).toString("hex"),
    );
    const result = verifyLedger(file);
    expect(result).toEqual({ ok: true, records: 5, checkpoint });
    expect(JSON.parse(readFileSync(checkpointPath(file), "utf8"))).toMatchObject(checkpoint);
  });

  test("a torn last line is reported, and appending after it is refused", () => {
    const { file } = build(3);
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    const result = verifyLedger(file);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ line: 3, kind: "torn" });
    expect(result.records).toBe(2);
    expect(() => appendToLedger(file, { n: 4 })).toThrow(LedgerError);
  });

  test("a crash between the line and the checkpoint file: the ledger extends its checkpoint, appends go on", () => {
    const { file } = build(3);
    const before = readFileSync(checkpointPath(file));
    appendToLedger(file, { n: 3 });
    writeFileSync(checkpointPath(file), before); // as if the process died before renaming the new checkpoint
    expect(verifyLedger(file)).toMatchObject({ ok: true, records: 4 });
    appendToLedger(file, { n: 4 });
    expect(verifyLedger(file)).toMatchObject({ ok: true, records: 5 });
  });

  test("a caller's published checkpoint: truncation below it and rewriting are reported", () => {
    const { file, checkpoint } = build(4);
    const lines = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, `${lines.slice(0, 3).join("\n")}\n`);
    rmSync(checkpointPath(file));
    expect(verifyLedger(file).ok).toBe(true); // without any checkpoint, whole trailing records cannot be missed
    expect(verifyLedger(file, { checkpoint }).problem).toMatchObject({ line: 4, kind: "truncated" });
  });

  test("verify reports the line and why for each kind of damage", () => {
    const { file } = build(4);
    const original = readFileSync(file, "utf8");
    const lines = original.split("\n").slice(0, 4);
    const check = (content: string) => {
      writeFileSync(file, content);
      return verifyLedger(file).problem;
    };
    expect(check(`${[lines[0], lines[2], lines[1], lines[3]].join("\n")}\n`)).toMatchObject({
      line: 2,
      kind: "missing",
    });
    expect(check(`${[lines[0], lines[1], lines[3]].join("\n")}\n`)).toMatchObject({
      line: 3,
      kind: "missing",
    });
    expect(check(`${[lines[0], lines[1], lines[1], lines[2]].join("\n")}\n`)).toMatchObject({
      line: 3,
      kind: "reordered",
    });
    expect(check(original.replace("record 2", "record 9"))).toMatchObject({ line: 3, kind: "altered" });
    expect(check(`${lines.slice(0, 3).join("\n")}\n`)).toMatchObject({ line: 4, kind: "truncated" });
    writeFileSync(file, original);
    expect(verifyLedger(file).ok).toBe(true);
  });

  test("property: any single-byte change, deletion, reordering or truncation is detected", () => {
    const { file } = build(6);
    const original = readFileSync(file);
    const lineStarts = [0];
    for (let i = 0; i < original.length - 1; i++) if (original[i] === 0x0a) lineStarts.push(i + 1);
    const damaged = fc.oneof(
      fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
        const b = Buffer.from(original);
        b[at] = (b[at] ?? 0) ^ xor;
        return b;
      }),
      fc
        .tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 40 }))
        .map(([at, n]) => Buffer.concat([original.subarray(0, at), original.subarray(at + n)])),
      fc.nat({ max: original.length - 1 }).map((at) => original.subarray(0, at)),
      fc.nat({ max: lineStarts.length - 1 }).map((i) => {
        const lines = original.toString("utf8").split("\n").slice(0, -1);
        lines.splice(i, 1);
        return Buffer.from(lines.map((l) => `${l}\n`).join(""));
      }),
      fc
        .tuple(fc.nat({ max: lineStarts.length - 1 }), fc.nat({ max: lineStarts.length - 1 }))
        .filter(([i, j]) => i !== j)
        .map(([i, j]) => {
          const lines = original.toString("utf8").split("\n").slice(0, -1);
          [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
          return Buffer.from(lines.map((l) => `${l}\n`).join(""));
        }),
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        fc.pre(!bytes.equals(original));
        writeFileSync(file, bytes);
        const result = verifyLedger(file);
        expect(result.ok).toBe(false);
        expect(result.problem?.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
    writeFileSync(file, original);
    expect(verifyLedger(file).ok).toBe(true);
  });
});

describe("concurrent appends from several processes", () => {
  test("6 processes × 40 appends: no interleaving, a complete chain, every record once", async () => {
    const out = compileLedgerModule("b2mml-audit-test");
    const child = path.join(out, "append-child.mjs");
    writeFileSync(
      child,
      `import { appendToLedger } from "./audit/ledger.js";
const [file, id, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++)
  appendToLedger(file, { writer: Number(id), i, pad: "x".repeat(3000 + Number(id) * 500) });
`,
    );
    const file = fresh();
    const processes = 6;
    const each = 40;
    await Promise.all(
      Array.from(
        { length: processes },
        (_, id) =>
          new Promise<void>((resolve, reject) => {
            const p = spawn(process.execPath, [child, file, String(id), String(each)], { stdio: "inherit" });
            p.on("exit", (code) =>
              code === 0 ? resolve() : reject(new Error(`child ${id} exited ${code}`)),
            );
          }),
      ),
    );
    const result = verifyLedger(file);
    expect(result.problem).toBeUndefined();
    expect(result.records).toBe(processes * each);
    const seen = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => {
        const { record } = JSON.parse(l) as { record: { writer: number; i: number } };
        return `${record.writer}:${record.i}`;
      });
    expect(new Set(seen).size).toBe(processes * each);
    for (let id = 0; id < processes; id++) {
      const mine = seen.filter((s) => s.startsWith(`${id}:`)).map((s) => Number(s.split(":")[1]));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
  });
});
