/**
 * The pure chain functions: entry hash, the entry an append makes, the check of one line against its
 * predecessor, and the tail carried from line to line; appending with them and checking with them agree
 * (a property over record lists).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalizeJson } from "../../src/audit/canonicalize-json.js";
import {
  advanceTail,
  checkLedgerLine,
  checkpointOf,
  createEmptyTail,
  createLedgerEntry,
  entryHash,
  type LedgerTail,
} from "../../src/audit/ledger-chain.js";
import { GENESIS } from "../../src/audit/ledger-types.js";
import { merkleTreeHash } from "../../src/audit/merkle-tree.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Appends the records with the pure functions: the lines and the tail after them. */
function appendAll(records: readonly unknown[]): { lines: Buffer[]; tail: LedgerTail } {
  let tail = createEmptyTail();
  const lines: Buffer[] = [];
  for (const record of records) {
    const entry = createLedgerEntry(tail, record);
    lines.push(entry.line);
    tail = entry.tail;
  }
  return { lines, tail };
}

describe("entryHash", () => {
  test.each([
    { seq: 1, prev: GENESIS, record: { a: 1 } },
    { seq: 2, prev: "a".repeat(64), record: null },
    { seq: 7, prev: "0123456789abcdef".repeat(4), record: ["é", 1.5, true] },
  ])("is SHA-256 of JCS({prev, record, seq}) (seq $seq)", ({ seq, prev, record }) => {
    expect(entryHash(seq, prev, record)).toBe(
      sha256(canonicalizeJson({ prev, record, seq }).toString("utf8")),
    );
  });
});

describe("createLedgerEntry", () => {
  test("the first entry links to GENESIS, is canonical and leaves the given tail unchanged", () => {
    const empty = createEmptyTail();
    const entry = createLedgerEntry(empty, { b: 2, a: 1 });
    const hash = sha256(`{"prev":"${GENESIS}","record":{"a":1,"b":2},"seq":1}`);
    expect(entry.seq).toBe(1);
    expect(entry.hash).toBe(hash);
    expect(entry.line.toString("utf8")).toBe(
      `{"hash":"${hash}","prev":"${GENESIS}","record":{"a":1,"b":2},"seq":1}`,
    );
    expect(entry.tail.lastHash).toBe(hash);
    expect(entry.tail.bytes).toBe(entry.line.length + 1);
    expect(entry.tail.frontier.size).toBe(1);
    expect(empty.frontier.size).toBe(0);
    expect(empty.lastHash).toBe(GENESIS);
    expect(empty.bytes).toBe(0);
  });

  test("a second entry links to the first", () => {
    const first = createLedgerEntry(createEmptyTail(), "one");
    const second = createLedgerEntry(first.tail, "two");
    expect(second.seq).toBe(2);
    expect(JSON.parse(second.line.toString("utf8")).prev).toBe(first.hash);
    expect(second.tail.bytes).toBe(first.line.length + second.line.length + 2);
  });
});

describe("checkLedgerLine", () => {
  const first = createLedgerEntry(createEmptyTail(), { n: 1 });
  const second = createLedgerEntry(first.tail, { n: 2 });
  const line = (text: string) => Buffer.from(text, "utf8");
  const relink = (prev: string, seq: number, record: unknown) =>
    canonicalizeJson({ hash: entryHash(seq, prev, record), prev, record, seq });
  test.each([
    { name: "a good first line", data: first.line, lineNo: 1, prev: GENESIS, expected: undefined },
    { name: "a good second line", data: second.line, lineNo: 2, prev: first.hash, expected: undefined },
    {
      name: "not JSON",
      data: line("{"),
      lineNo: 1,
      prev: GENESIS,
      expected: {
        kind: "malformed",
        reason: "malformed: not a JSON text (altered, or two lines run together)",
      },
    },
    {
      name: "an array",
      data: line("[]"),
      lineNo: 1,
      prev: GENESIS,
      expected: { kind: "malformed", reason: "malformed: not a JSON object" },
    },
    {
      name: "a member missing",
      data: line('{"hash":"x","prev":"y","seq":1}'),
      lineNo: 1,
      prev: GENESIS,
      expected: {
        kind: "malformed",
        reason: "malformed: members are hash,prev,seq, expected hash, prev, record, seq",
      },
    },
    {
      name: "not canonical",
      data: line(` ${first.line.toString("utf8")}`),
      lineNo: 1,
      prev: GENESIS,
      expected: { kind: "altered", reason: "altered: the line is not in its canonical (JCS) form" },
    },
    {
      name: "content changed",
      data: line(first.line.toString("utf8").replace('"n":1', '"n":3')),
      lineNo: 1,
      prev: GENESIS,
      expected: { kind: "altered", reason: "altered: record 1's content does not match its hash" },
    },
    {
      name: "a record missing before it",
      data: second.line,
      lineNo: 1,
      prev: GENESIS,
      expected: {
        kind: "missing",
        reason: "missing: expected record 1, found record 2 (1 record(s) missing)",
      },
    },
    {
      name: "a record repeated",
      data: first.line,
      lineNo: 2,
      prev: first.hash,
      expected: { kind: "reordered", reason: "reordered or duplicated: record 1 found at line 2" },
    },
    {
      name: "a wrong link",
      data: relink("f".repeat(64), 2, { n: 2 }),
      lineNo: 2,
      prev: first.hash,
      expected: {
        kind: "reordered",
        reason: "chain broken: prev does not match the hash of record 1 (records reordered or replaced)",
      },
    },
  ])("$name", ({ data, lineNo, prev, expected }) => {
    expect(checkLedgerLine(data, lineNo, prev)).toEqual(expected && { line: lineNo, ...expected });
  });
});

describe("advanceTail and checkpointOf", () => {
  test("the tail's checkpoint is the RFC 6962 root over the lines", () => {
    const { lines, tail } = appendAll(["a", "b", "c"]);
    expect(checkpointOf(tail.frontier, tail.lastHash, tail.bytes)).toEqual({
      format: "b2mml-ledger-checkpoint/1",
      size: 3,
      root: merkleTreeHash(lines).toString("hex"),
      lastHash: JSON.parse((lines[2] as Buffer).toString("utf8")).hash,
      bytes: lines.reduce((n, l) => n + l.length + 1, 0),
    });
  });

  test("advanceTail leaves the given tail unchanged", () => {
    const empty = createEmptyTail();
    const next = advanceTail(empty, Buffer.from("x"), "a".repeat(64));
    expect([empty.frontier.size, empty.bytes, next.frontier.size, next.bytes]).toEqual([0, 0, 1, 2]);
  });
});

describe("appending and checking agree (property)", () => {
  const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  test("every line appended checks good against its predecessor; the replayed tail is the same", () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 12 }), (records) => {
        const { lines, tail } = appendAll(records);
        let replay = createEmptyTail();
        lines.forEach((line, i) => {
          expect(checkLedgerLine(line, i + 1, replay.lastHash)).toBeUndefined();
          replay = advanceTail(replay, line, JSON.parse(line.toString("utf8")).hash);
        });
        expect(checkpointOf(replay.frontier, replay.lastHash, replay.bytes)).toEqual(
          checkpointOf(tail.frontier, tail.lastHash, tail.bytes),
        );
        expect(tail.frontier.root()).toEqual(merkleTreeHash(lines));
      }),
      { seed: 20, numRuns: 200 },
    );
  });

  test("a line moved to another position does not check good", () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 2, maxLength: 8 }), fc.nat(), (records, pick) => {
        const { lines } = appendAll(records);
        const from = pick % lines.length;
        const to = (from + 1) % lines.length;
        const prev = to === 0 ? GENESIS : JSON.parse((lines[to - 1] as Buffer).toString("utf8")).hash;
        expect(checkLedgerLine(lines[from] as Buffer, to + 1, prev)).toBeDefined();
      }),
      { seed: 20, numRuns: 100 },
    );
  });
});
