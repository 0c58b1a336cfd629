/**
 * The ledger's chain functions, pure (no file, no clock, no randomness): the entry hash of a record, the
 * line an append writes, the check of one line against its predecessor, and the chain state (sequence
 * number, last hash, byte length and Merkle frontier) carried from one line to the next. Every store
 * (`ledger-file-store.ts`, `ledger-memory-store.ts`, an SQL store) uses these, so that a ledger written by
 * one verifies the same way as a ledger written by another.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { canonicalizeJson } from "./canonicalize-json.js";
import {
  GENESIS,
  LEDGER_CHECKPOINT_FORMAT,
  type LedgerCheckpoint,
  type LedgerProblem,
  type LedgerProblemKind,
} from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;
const NEWLINE = Buffer.from("\n");

/** The chain after a ledger's last record: what the next append links to. */
export interface LedgerTail {
  /** The Merkle frontier of the lines so far (`frontier.size` = number of records). */
  readonly frontier: MerkleFrontier;
  /** The `hash` of the last record (GENESIS for an empty ledger). */
  readonly lastHash: string;
  /** The byte length of the ledger's JSON Lines up to and including the last record's newline. */
  readonly bytes: number;
}

/** A new entry: its sequence number, its hash, its line (without newline) and the tail after it. */
export interface LedgerEntry {
  readonly seq: number;
  readonly hash: string;
  readonly line: Buffer;
  readonly tail: LedgerTail;
}

/** The tail of an empty ledger. */
export function createEmptyTail(): LedgerTail {
  return { frontier: new MerkleFrontier(), lastHash: GENESIS, bytes: 0 };
}

/** The record's entry hash: SHA-256 of JCS({prev, record, seq}). */
export function entryHash(seq: number, prev: string, record: unknown): string {
  return sha256(canonicalizeJson({ prev, record, seq }));
}

/** A copy of a frontier (a tail is not changed by computing the next one). */
function copyFrontier(frontier: MerkleFrontier): MerkleFrontier {
  return MerkleFrontier.restore(frontier.size, frontier.hashes());
}

/**
 * The tail after one more line (its bytes without the newline, its hash). `tail` is not changed.
 */
export function advanceTail(tail: LedgerTail, line: Uint8Array, hash: string): LedgerTail {
  const frontier = copyFrontier(tail.frontier);
  frontier.append(line);
  return { frontier, lastHash: hash, bytes: tail.bytes + line.length + NEWLINE.length };
}

/**
 * The entry that appends `record` after `tail`: `{hash, prev, record, seq}` in JCS form, and the tail after
 * it. `tail` is not changed.
 */
export function createLedgerEntry(tail: LedgerTail, record: unknown): LedgerEntry {
  const seq = tail.frontier.size + 1;
  const hash = entryHash(seq, tail.lastHash, record);
  const line = canonicalizeJson({ hash, prev: tail.lastHash, record, seq });
  return { seq, hash, line, tail: advanceTail(tail, line, hash) };
}

/** The line with its newline, as it is stored in a JSON Lines ledger. */
export function toStoredLine(line: Uint8Array): Buffer {
  return Buffer.concat([line, NEWLINE]);
}

/** The checkpoint of a tail. */
export function checkpointOf(frontier: MerkleFrontier, lastHash: string, bytes: number): LedgerCheckpoint {
  return {
    format: LEDGER_CHECKPOINT_FORMAT,
    size: frontier.size,
    root: frontier.root().toString("hex"),
    lastHash,
    bytes,
  };
}

/**
 * Checks one line (without its newline) of a ledger: JSON, members, hex, canonical JCS form, its hash,
 * its sequence number (`lineNo`) and its link to the previous record's hash `prevHash`.
 *
 * @returns the problem (line number, kind and why), or `undefined` for a good line
 */
export function checkLedgerLine(
  line: Uint8Array,
  lineNo: number,
  prevHash: string,
): LedgerProblem | undefined {
  const bad = (kind: LedgerProblemKind, reason: string): LedgerProblem => ({ line: lineNo, kind, reason });
  let entry: { hash?: unknown; prev?: unknown; record?: unknown; seq?: unknown };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(line);
    entry = JSON.parse(text) as typeof entry;
  } catch {
    return bad("malformed", "malformed: not a JSON text (altered, or two lines run together)");
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry))
    return bad("malformed", "malformed: not a JSON object");
  const keys = Object.keys(entry).sort().join(",");
  if (keys !== "hash,prev,record,seq")
    return bad("malformed", `malformed: members are ${keys || "none"}, expected hash, prev, record, seq`);
  const { hash, prev, record, seq } = entry;
  if (typeof hash !== "string" || !HEX64.test(hash) || typeof prev !== "string" || !HEX64.test(prev))
    return bad("malformed", "malformed: hash and prev must be 64 lowercase hex digits");
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1)
    return bad("malformed", "malformed: seq must be a positive integer");
  if (!canonicalizeJson(entry).equals(line))
    return bad("altered", "altered: the line is not in its canonical (JCS) form");
  if (entryHash(seq, prev, record) !== hash)
    return bad("altered", `altered: record ${seq}'s content does not match its hash`);
  if (seq > lineNo)
    return bad(
      "missing",
      `missing: expected record ${lineNo}, found record ${seq} (${seq - lineNo} record(s) missing)`,
    );
  if (seq < lineNo) return bad("reordered", `reordered or duplicated: record ${seq} found at line ${lineNo}`);
  if (prev !== prevHash)
    return bad(
      "reordered",
      `chain broken: prev does not match the hash of record ${seq - 1} (records reordered or replaced)`,
    );
  return undefined;
}
