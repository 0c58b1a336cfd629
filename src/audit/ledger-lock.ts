/**
 * The ledger's lock: appends take an exclusive lock file `<ledger>.lock` holding the owner's identity
 * (pid, host name, boot id, pid namespace, process start time) and a unique token. The lock is written
 * whole to a temporary file of our own (`O_EXCL | O_NOFOLLOW`) and then linked to `<ledger>.lock` (`link`
 * fails when the lock exists): a lock file never exists half-written, and when the temporary file cannot
 * be written (no space…) no lock file is left. Taking it is retried with backoff up to `lockTimeoutMs`.
 *
 * When may a lock be broken? Its owner is checked only where its pid means the same process as here: the
 * same host name, boot id and pid namespace. There it is broken when the process is gone, or when the pid
 * now belongs to a process started at another time (pid reuse); a live owner keeps its lock however long
 * it holds it. Anywhere else (another host, another boot, another pid namespace: containers sharing a host
 * name) the lock is broken only when older than `staleLockMs`. A lock file without that identity (written
 * by an earlier version) is judged by host name and pid, as that version did; one that is not a lock
 * (empty, not JSON) is broken once older than {@link UNREADABLE_LOCK_GRACE_MS}.
 *
 * A stale lock is broken by renaming it (one waiter wins) and checking that what was renamed is the stale
 * one, never by check-then-unlink; the lock is released only while it still holds our token.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, utimesSync } from "node:fs";
import os from "node:os";
import { removeQuietly, toLedgerWriteError, writeNewFile } from "./ledger-io.js";
import { type AppendOptions, LedgerError } from "./ledger-types.js";

/**
 * A lock file that is not a lock (empty or not JSON: damaged, or written by an earlier version that
 * created the file before writing it) is broken once older than this, whatever `staleLockMs`.
 */
export const UNREADABLE_LOCK_GRACE_MS = 2_000;

function lockPath(ledger: string): string {
  return `${ledger}.lock`;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** What a lock file holds: its owner and a token unique to the acquisition. */
export interface LockOwner {
  readonly pid?: number;
  readonly host?: string;
  /** `/proc/sys/kernel/random/boot_id`: the same pid means the same process only within one boot. */
  readonly bootId?: string;
  /** `/proc/self/ns/pid` (`pid:[<inode>]`): the namespace the pid is counted in. */
  readonly pidNs?: string;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks after boot): tells a reused pid from its owner. */
  readonly startTime?: string;
  readonly token?: string;
}

function readTrimmed(read: () => string): string | undefined {
  try {
    const value = read().trim();
    return value === "" ? undefined : value;
  } catch {
    return undefined; // not Linux, or /proc hidden
  }
}

/** The start time of process `pid` (field 22 of `/proc/<pid>/stat`), when it can be read. */
export function readProcessStartTime(pid: number): string | undefined {
  const stat = readTrimmed(() => readFileSync(`/proc/${pid}/stat`, "utf8"));
  if (stat === undefined) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses; the fields after it start at field 3
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[22 - 3];
}

let localIdentity: Pick<LockOwner, "bootId" | "pidNs" | "startTime"> | undefined;

/** This process's boot id, pid namespace and start time (those that can be read), read once. */
export function readLocalIdentity(): Pick<LockOwner, "bootId" | "pidNs" | "startTime"> {
  if (localIdentity === undefined) {
    const bootId = readTrimmed(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8"));
    const pidNs = readTrimmed(() => readlinkSync("/proc/self/ns/pid"));
    const startTime = readProcessStartTime(process.pid);
    localIdentity = {
      ...(bootId !== undefined ? { bootId } : {}),
      ...(pidNs !== undefined ? { pidNs } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
    };
  }
  return localIdentity;
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
 * Whether a lock may be broken (see the module documentation): its owner's pid is checked only on the
 * same host, boot and pid namespace; elsewhere only its age counts.
 */
function isStale(snapshot: LockSnapshot, staleMs: number): boolean {
  const age = Date.now() - snapshot.mtimeMs;
  let owner: LockOwner;
  try {
    owner = JSON.parse(snapshot.content) as LockOwner;
  } catch {
    return age > Math.min(staleMs, UNREADABLE_LOCK_GRACE_MS); // empty or damaged: not a lock
  }
  if (typeof owner !== "object" || owner === null) return age > Math.min(staleMs, UNREADABLE_LOCK_GRACE_MS);
  if (owner.host !== os.hostname() || typeof owner.pid !== "number" || !Number.isSafeInteger(owner.pid))
    return age > staleMs;
  if (owner.bootId !== undefined || owner.pidNs !== undefined) {
    const local = readLocalIdentity();
    // another boot (or another machine of the same name), another pid namespace: the pid means nothing here
    if (owner.bootId !== local.bootId || owner.pidNs !== local.pidNs) return age > staleMs;
  }
  if (!processAlive(owner.pid)) return true;
  if (owner.startTime !== undefined) {
    const startTime = readProcessStartTime(owner.pid);
    if (startTime !== undefined && startTime !== owner.startTime) return true; // the pid was reused
  }
  return false;
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

/** A lock taken: its file and the content that tells it is still ours. */
interface HeldLock {
  readonly lock: string;
  readonly content: string;
}

/**
 * Takes the ledger's lock: a generator that yields how long to wait before the next attempt (the caller
 * sleeps, blocking or not) and returns the lock once taken. Its temporary file is removed however it ends.
 *
 * @throws {@link LedgerError} `LEDGER_LOCKED` past `lockTimeoutMs`; a write error
 */
function* takeLedgerLock(ledger: string, options: AppendOptions): Generator<number, HeldLock, void> {
  const lock = lockPath(ledger);
  const deadline = Date.now() + (options.lockTimeoutMs ?? 10_000);
  const content = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    ...readLocalIdentity(),
    at: new Date().toISOString(),
    token: randomUUID(),
  } satisfies LockOwner & { at: string });
  const mine = `${lock}.${uniqueSuffix()}.tmp`;
  try {
    writeNewFile(mine, content);
  } catch (error) {
    throw toLedgerWriteError(error, lock, "create the lock file");
  }
  try {
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        // dated now, not when we started waiting: others judge a lock they cannot check by its age
        const now = new Date();
        utimesSync(mine, now, now);
        linkSync(mine, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST")
          throw toLedgerWriteError(error, lock, "take the lock");
      }
      const held = snapshotLock(lock);
      if (!held) continue; // released meanwhile
      if (isStale(held, options.staleLockMs ?? 30_000)) {
        breakStaleLock(lock, held);
        continue;
      }
      if (Date.now() > deadline)
        throw new LedgerError({
          code: "LEDGER_LOCKED",
          path: lock,
          message: `cannot take the ledger lock ${lock} (held by another process: ${held.content})`,
        });
      yield wait + Math.random() * wait;
    }
  } finally {
    removeQuietly(mine);
  }
  return { lock, content };
}

/**
 * Runs `action` holding the ledger's lock file. Exported for tests.
 *
 * @internal
 * @throws {@link LedgerError} `LEDGER_LOCKED` when the lock cannot be taken within `lockTimeoutMs`;
 *   `LEDGER_NO_SPACE`, `LEDGER_NOT_WRITABLE`… when the lock file cannot be created (none is left behind)
 */
export function withLedgerLock<T>(ledger: string, options: AppendOptions, action: () => T): T {
  const taking = takeLedgerLock(ledger, options);
  let step = taking.next().value;
  while (typeof step === "number") {
    sleep(step);
    step = taking.next().value;
  }
  const { lock, content } = step;
  try {
    return action();
  } finally {
    releaseLock(lock, content);
  }
}

/**
 * {@link withLedgerLock} for an asynchronous action: the same lock file, attempts and errors, but the
 * waits between attempts do not block the event loop, and the lock is held until `action` settles.
 *
 * @internal
 */
export async function withLedgerLockAsync<T>(
  ledger: string,
  options: AppendOptions,
  action: () => Promise<T> | T,
): Promise<T> {
  const taking = takeLedgerLock(ledger, options);
  let step = taking.next().value;
  while (typeof step === "number") {
    const ms = step;
    await new Promise((resolve) => setTimeout(resolve, ms));
    step = taking.next().value;
  }
  const { lock, content } = step;
  try {
    return await action();
  } finally {
    releaseLock(lock, content);
  }
}
