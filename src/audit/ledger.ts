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
 * Concurrency: appends take an exclusive lock file `<ledger>.lock` (created with `O_CREAT|O_EXCL`, `wx`)
 * holding the owner's pid, host and a unique token, retried with backoff up to `lockTimeoutMs`. A lock
 * whose owner process is gone (same host) is broken, and so is one older than `staleLockMs` whose owner
 * cannot be checked (another host); a live owner on this host keeps its lock however long it holds it.
 * A stale lock is broken by renaming it (one waiter wins) and checking that what was renamed is the
 * stale one, never by check-then-unlink; the lock is released only while it still holds our token.
 * Under the lock the line is written with one `write` on a descriptor opened with `O_APPEND`, then
 * `fsync`ed. So appends from several processes never interleave; an append interrupted by a crash
 * leaves at most a torn last line, which {@link verifyLedger} reports and {@link appendToLedger} refuses
 * to append after (it is never silently dropped).
 *
 * @module
 */
import { createHash, randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import { canonicalizeJson } from "./canonicalize-json.js";
import { MerkleFrontier } from "./merkle-tree.js";

export const LEDGER_CHECKPOINT_FORMAT = "b2mml-ledger-checkpoint/1";
/** The `prev` of the first record. */
export const GENESIS = "0".repeat(64);

/** A checkpoint: what a caller publishes or signs to pin the first `size` records. */
export interface LedgerCheckpoint {
  readonly format: typeof LEDGER_CHECKPOINT_FORMAT;
  /** Number of records covered. */
  readonly size: number;
  /** RFC 6962 Merkle Tree Hash (SHA-256) over the first `size` lines, hex. */
  readonly root: string;
  /** The `hash` of record `size` (GENESIS for an empty ledger). */
  readonly lastHash: string;
  /** Byte length of the ledger file up to and including record `size`'s newline. */
  readonly bytes: number;
}

/** The checkpoint file: a checkpoint and the Merkle frontier (perfect subtree roots, largest first). */
interface CheckpointFile extends LedgerCheckpoint {
  readonly frontier: readonly string[];
}

export type LedgerProblemKind = "torn" | "malformed" | "altered" | "missing" | "reordered" | "truncated";

export interface LedgerProblem {
  /** 1-based line number of the first bad line (for a truncation: the first missing line). */
  readonly line: number;
  readonly kind: LedgerProblemKind;
  readonly reason: string;
}

export interface LedgerVerification {
  readonly ok: boolean;
  /** Records read before the first problem (all of them when ok). */
  readonly records: number;
  /** The checkpoint of those records. */
  readonly checkpoint: LedgerCheckpoint;
  readonly problem?: LedgerProblem;
}

/** The ledger cannot be appended to (damaged, or the lock cannot be taken). */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  constructor(
    message: string,
    readonly problem?: LedgerProblem,
  ) {
    super(message);
  }
}

export interface AppendOptions {
  /** Give up taking the lock after this long. @default 10000 */
  readonly lockTimeoutMs?: number;
  /**
   * Break a lock older than this when its holder cannot be checked (another host, or a lock file without
   * an owner). A lock held by a live process on this host is never broken. @default 30000
   */
  readonly staleLockMs?: number;
  /** `fsync` the ledger after each append. @default true */
  readonly fsync?: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const HEX64 = /^[0-9a-f]{64}$/;

/** The record's entry hash: SHA-256 of JCS({prev, record, seq}). */
function entryHash(seq: number, prev: string, record: unknown): string {
  return sha256(canonicalizeJson({ prev, record, seq }));
}

export function checkpointPath(ledger: string): string {
  return `${ledger}.checkpoint.json`;
}

function lockPath(ledger: string): string {
  return `${ledger}.lock`;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** What a lock file holds: its owner and a token unique to the acquisition. */
interface LockOwner {
  readonly pid?: number;
  readonly host?: string;
  readonly token?: string;
}

/** A snapshot of a lock file: its content and identity, to tell later whether it is still the same one. */
interface LockSnapshot {
  readonly content: string;
  readonly ino: number;
  readonly mtimeMs: number;
}

function snapshotLock(file: string): LockSnapshot | undefined {
  try {
    const { ino, mtimeMs } = statSync(file);
    return { content: readFileSync(file, "utf8"), ino, mtimeMs };
  } catch {
    return undefined; // gone
  }
}

function sameLock(a: LockSnapshot, b: LockSnapshot): boolean {
  return a.content === b.content && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
}

/** Whether a process with this pid exists on this host (`EPERM`: it exists, owned by another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Whether a lock may be broken: its owner is on this host and its process is gone, or (owner on another
 * host, or the file still being written by its creator) it is older than `staleMs`. A lock held by a live
 * process on this host is never stale, however long it has been held.
 */
function isStale(snapshot: LockSnapshot, staleMs: number): boolean {
  let owner: LockOwner = {};
  try {
    owner = JSON.parse(snapshot.content) as LockOwner;
  } catch {
    // being written by its creator (or damaged): judge by age only
  }
  if (owner.host === os.hostname() && typeof owner.pid === "number" && Number.isSafeInteger(owner.pid))
    return !processAlive(owner.pid);
  return Date.now() - snapshot.mtimeMs > staleMs;
}

const uniqueSuffix = () => `${process.pid}.${randomUUID()}`;

/**
 * Breaks a stale lock without a check-then-unlink race: the lock is renamed to a name of our own (only
 * one of several waiters can rename it), and what was renamed is compared with the stale lock we judged.
 * When it is another one (a waiter broke the stale lock and took a new one in between), it is put back
 * with `link` (which never replaces a lock taken meanwhile).
 */
function breakStaleLock(lock: string, stale: LockSnapshot): void {
  const moved = `${lock}.${uniqueSuffix()}.stale`;
  try {
    renameSync(lock, moved);
  } catch {
    return; // another waiter broke it first
  }
  const taken = snapshotLock(moved);
  if (taken && !sameLock(taken, stale)) {
    try {
      linkSync(moved, lock);
    } catch {
      // a new lock was taken meanwhile; the one we moved has lost its lock file
    }
  }
  try {
    unlinkSync(moved);
  } catch {
    // already gone
  }
}

/** Removes the lock only when it still holds our token (it may have been broken and taken by another). */
function releaseLock(lock: string, content: string): void {
  if (snapshotLock(lock)?.content !== content) return;
  try {
    unlinkSync(lock);
  } catch {
    // already gone
  }
}

/**
 * Runs `action` holding the ledger's lock file. Exported for tests.
 *
 * @internal
 * @throws {@link LedgerError} when the lock cannot be taken within `lockTimeoutMs`
 */
export function withLedgerLock<T>(ledger: string, options: AppendOptions, action: () => T): T {
  const lock = lockPath(ledger);
  const deadline = Date.now() + (options.lockTimeoutMs ?? 10_000);
  const content = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    at: new Date().toISOString(),
    token: randomUUID(),
  } satisfies LockOwner & { at: string });
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      const fd = openSync(lock, "wx");
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = snapshotLock(lock);
    if (!held) continue; // released meanwhile
    if (isStale(held, options.staleLockMs ?? 30_000)) {
      breakStaleLock(lock, held);
      continue;
    }
    if (Date.now() > deadline)
      throw new LedgerError(`cannot take the ledger lock ${lock} (held by another process: ${held.content})`);
    sleep(wait + Math.random() * wait);
  }
  try {
    return action();
  } finally {
    releaseLock(lock, content);
  }
}

function readCheckpointFile(ledger: string): CheckpointFile | undefined {
  const file = checkpointPath(ledger);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as CheckpointFile;
  if (parsed.format !== LEDGER_CHECKPOINT_FORMAT) throw new LedgerError(`${file}: not a ledger checkpoint`);
  return parsed;
}

function writeCheckpointFile(
  ledger: string,
  frontier: MerkleFrontier,
  lastHash: string,
  bytes: number,
): void {
  const file = checkpointPath(ledger);
  const content: CheckpointFile = {
    format: LEDGER_CHECKPOINT_FORMAT,
    size: frontier.size,
    root: frontier.root().toString("hex"),
    lastHash,
    bytes,
    frontier: frontier.hashes().map((h) => h.toString("hex")),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(tmp, file);
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

function checkpointOf(frontier: MerkleFrontier, lastHash: string, bytes: number): LedgerCheckpoint {
  return {
    format: LEDGER_CHECKPOINT_FORMAT,
    size: frontier.size,
    root: frontier.root().toString("hex"),
    lastHash,
    bytes,
  };
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
