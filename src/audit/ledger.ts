/**
 * A tamper-evident, append-only ledger of audit records: a JSON Lines file where every line is
 *
 * ```
 * {"hash":"<sha256 hex>","prev":"<hash of the previous line, or 64 zeros>","record":{…},"seq":<1, 2, …>}
 * ```
 *
 * serialized with JCS (RFC 8785), `hash` being the SHA-256 of the JCS form of `{prev, record, seq}`. The
 * `prev` links make a hash chain; an RFC 6962 Merkle tree over the lines (each line's bytes without its
 * newline is a leaf) gives a root that a caller can publish or sign as a checkpoint (size + root).
 *
 * Beside the ledger, `<ledger>.checkpoint.json` holds the latest checkpoint (size, byte length, root,
 * last hash, and the Merkle frontier so that an append costs O(log n)); it is replaced atomically (write
 * to a temporary file, then rename) after each append. {@link verifyLedger} compares the ledger against
 * it (or against a checkpoint the caller kept): a ledger shorter than its checkpoint was truncated.
 *
 * Concurrency: appends take an exclusive lock file `<ledger>.lock` (see `ledger-lock.ts`: a lock whose
 * owner is gone or stale is broken safely; the lock is released only while it still holds our token).
 * Under the lock the line is written with one `write` on a descriptor opened with `O_APPEND`, then
 * `fsync`ed. So appends from several processes never interleave; an append interrupted by a crash
 * leaves at most a torn last line, which {@link verifyLedger} reports and {@link appendToLedger} refuses
 * to append after (it is never silently dropped).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { canonicalizeJson } from "./canonicalize-json.js";
import {
  checkpointOf,
  checkpointPath,
  readCheckpointFile,
  writeCheckpointFile,
} from "./ledger-checkpoint.js";
import { withLedgerLock } from "./ledger-lock.js";
import {
  type AppendOptions,
  GENESIS,
  type LedgerCheckpoint,
  LedgerError,
  type LedgerProblem,
  type LedgerProblemKind,
  type LedgerVerification,
} from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

export { checkpointPath } from "./ledger-checkpoint.js";
export { withLedgerLock } from "./ledger-lock.js";
export * from "./ledger-types.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;

/** The record's entry hash: SHA-256 of JCS({prev, record, seq}). */
function entryHash(seq: number, prev: string, record: unknown): string {
  return sha256(canonicalizeJson({ prev, record, seq }));
}

/**
 * Appends a record (any JSON value; an {@link AuditRecord} typically) to the ledger, creating it when
 * absent.
 *
 * @returns the new record's sequence number and hash, and the ledger's new checkpoint
 * @throws {@link LedgerError} when the ledger is damaged (a torn last line included) or the lock cannot
 *   be taken
 */
export function appendToLedger(
  ledger: string,
  record: unknown,
  options: AppendOptions = {},
): { seq: number; hash: string; checkpoint: LedgerCheckpoint } {
  return withLedgerLock(ledger, options, () => {
    const bytes = existsSync(ledger) ? statSync(ledger).size : 0;
    const saved = readCheckpointFile(ledger);
    let frontier: MerkleFrontier;
    let lastHash: string;
    if (saved && saved.bytes === bytes) {
      frontier = MerkleFrontier.restore(
        saved.size,
        saved.frontier.map((h) => Buffer.from(h, "hex")),
      );
      lastHash = saved.lastHash;
    } else {
      // no checkpoint file, or an append crashed before updating it: rebuild from the ledger itself
      const state = scanLedger(ledger);
      if (state.problem)
        throw new LedgerError(
          `${ledger}:${state.problem.line}: ${state.problem.reason}; not appending to a damaged ledger`,
          state.problem,
        );
      frontier = state.frontier;
      lastHash = state.lastHash;
    }
    const seq = frontier.size + 1;
    const hash = entryHash(seq, lastHash, record);
    const line = canonicalizeJson({ hash, prev: lastHash, record, seq });
    const buffer = Buffer.concat([line, Buffer.from("\n")]);
    const fd = openSync(ledger, "a");
    try {
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written);
      if (options.fsync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    frontier.append(line);
    writeCheckpointFile(ledger, frontier, hash, bytes + buffer.length);
    return { seq, hash, checkpoint: checkpointOf(frontier, hash, bytes + buffer.length) };
  });
}

interface ScanState {
  frontier: MerkleFrontier;
  lastHash: string;
  bytes: number;
  problem?: LedgerProblem;
  /** The checkpoint after each of the first `stopAt` records, when asked. */
  at?: LedgerCheckpoint;
}

/** Reads and checks every line; stops at the first problem. */
function scanLedger(ledger: string, checkpointSize?: number): ScanState {
  const data = existsSync(ledger) ? readFileSync(ledger) : Buffer.alloc(0);
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

export interface VerifyLedgerOptions {
  /**
   * The checkpoint to verify against: one the caller published or signed. Default: the ledger's own
   * checkpoint file, when present.
   */
  readonly checkpoint?: LedgerCheckpoint;
}

/**
 * Verifies a ledger: every line well-formed, canonical, hashed and chained, in sequence; no torn last line;
 * and the first `checkpoint.size` records give the checkpoint's Merkle root and last hash (a ledger with
 * fewer records than its checkpoint was truncated).
 *
 * @returns the first problem (line number and why), and the checkpoint of the records read
 */
export function verifyLedger(ledger: string, options: VerifyLedgerOptions = {}): LedgerVerification {
  if (!existsSync(ledger))
    return {
      ok: false,
      records: 0,
      checkpoint: checkpointOf(new MerkleFrontier(), GENESIS, 0),
      problem: { line: 1, kind: "truncated", reason: `the ledger ${ledger} does not exist` },
    };
  let expected: LedgerCheckpoint | undefined = options.checkpoint;
  let from = "the checkpoint given";
  if (!expected) {
    try {
      expected = readCheckpointFile(ledger);
      from = checkpointPath(ledger);
    } catch (error) {
      const state = scanLedger(ledger);
      return {
        ok: false,
        records: state.frontier.size,
        checkpoint: checkpointOf(state.frontier, state.lastHash, state.bytes),
        problem: {
          line: state.frontier.size + 1,
          kind: "altered",
          reason: `the checkpoint file is unreadable: ${(error as Error).message}`,
        },
      };
    }
  }
  const state = scanLedger(ledger, expected?.size);
  const checkpoint = checkpointOf(state.frontier, state.lastHash, state.bytes);
  const result = (problem?: LedgerProblem): LedgerVerification => ({
    ok: problem === undefined,
    records: state.frontier.size,
    checkpoint,
    ...(problem ? { problem } : {}),
  });
  if (state.problem) return result(state.problem);
  if (!expected) return result();
  if (state.frontier.size < expected.size)
    return result({
      line: state.frontier.size + 1,
      kind: "truncated",
      reason: `truncated: the ledger has ${state.frontier.size} record(s), ${from} covers ${expected.size}`,
    });
  if (state.at && (state.at.root !== expected.root || state.at.lastHash !== expected.lastHash))
    return result({
      line: expected.size,
      kind: "altered",
      reason: `altered: the first ${expected.size} record(s) do not give the Merkle root of ${from}`,
    });
  return result();
}
