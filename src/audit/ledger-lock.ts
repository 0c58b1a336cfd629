/**
 * The ledger's lock: appends take an exclusive lock file `<ledger>.lock` (created with `O_CREAT|O_EXCL`,
 * `wx`) holding the owner's pid, host and a unique token, retried with backoff up to `lockTimeoutMs`. A
 * lock whose owner process is gone (same host) is broken, and so is one older than `staleLockMs` whose
 * owner cannot be checked (another host); a live owner on this host keeps its lock however long it holds
 * it. A stale lock is broken by renaming it (one waiter wins) and checking that what was renamed is the
 * stale one, never by check-then-unlink; the lock is released only while it still holds our token.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import { type AppendOptions, LedgerError } from "./ledger-types.js";

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
