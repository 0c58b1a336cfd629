/**
 * Reading a ledger's lines: each line is checked (JSON, members, hex, canonical JCS form, its hash, its
 * sequence number and its link to the previous line) and added to the Merkle frontier; the scan stops at
 * the first problem and says which line and why.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { canonicalizeJson } from "./canonicalize-json.js";
import { checkpointOf } from "./ledger-checkpoint.js";
import {
  GENESIS,
  type LedgerCheckpoint,
  type LedgerProblem,
  type LedgerProblemKind,
} from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;

/** The record's entry hash: SHA-256 of JCS({prev, record, seq}). */
export function entryHash(seq: number, prev: string, record: unknown): string {
  return sha256(canonicalizeJson({ prev, record, seq }));
}

export interface ScanState {
  frontier: MerkleFrontier;
  lastHash: string;
  bytes: number;
  problem?: LedgerProblem;
  /** The checkpoint after each of the first `stopAt` records, when asked. */
  at?: LedgerCheckpoint;
}

/** Checks every line of the ledger's bytes; stops at the first problem. */
export function scanLedger(data: Buffer, checkpointSize?: number): ScanState {
  const frontier = new MerkleFrontier();
  const state: ScanState = { frontier, lastHash: GENESIS, bytes: 0 };
  if (checkpointSize === 0) state.at = checkpointOf(frontier, GENESIS, 0);
  let start = 0;
  for (let lineNo = 1; start < data.length; lineNo++) {
    const end = data.indexOf(0x0a, start);
    if (end < 0) {
      state.problem = {
        line: lineNo,
        kind: "torn",
        reason: `torn: the last line has no newline (${data.length - start} bytes; an interrupted append), it is not a record`,
      };
      return state;
    }
    const line = data.subarray(start, end);
    const problem = checkLine(line, lineNo, state.lastHash);
    if (problem) {
      state.problem = problem;
      return state;
    }
    frontier.append(line);
    state.lastHash = (JSON.parse(line.toString("utf8")) as { hash: string }).hash;
    state.bytes = end + 1;
    if (frontier.size === checkpointSize) state.at = checkpointOf(frontier, state.lastHash, state.bytes);
    start = end + 1;
  }
  return state;
}

function checkLine(line: Buffer, lineNo: number, prevHash: string): LedgerProblem | undefined {
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

/**
 * Whether a saved checkpoint describes the ledger it is beside: its frontier gives its root, and the
 * ledger's last line is record `size`, intact, with hash `lastHash` (for size 0: the genesis hash). An
 * append trusts the checkpoint file only then; otherwise it rebuilds the state from the ledger itself.
 */
export function checkpointFitsLastLine(
  saved: LedgerCheckpoint,
  frontier: MerkleFrontier,
  lastLine: Buffer | undefined,
): boolean {
  if (frontier.root().toString("hex") !== saved.root) return false;
  if (saved.size === 0) return saved.lastHash === GENESIS && lastLine === undefined;
  if (lastLine === undefined) return false;
  let entry: { hash?: unknown; prev?: unknown; record?: unknown; seq?: unknown };
  try {
    entry = JSON.parse(lastLine.toString("utf8")) as typeof entry;
  } catch {
    return false;
  }
  return (
    typeof entry === "object" &&
    entry !== null &&
    entry.seq === saved.size &&
    entry.hash === saved.lastHash &&
    typeof entry.prev === "string" &&
    entryHash(saved.size, entry.prev, entry.record) === saved.lastHash
  );
}
