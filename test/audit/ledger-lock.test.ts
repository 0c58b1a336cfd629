/**
 * The ledger lock: a live holder on this host keeps its lock however old it is; a dead holder's lock and
 * an old lock of another host are broken (by rename, not by a bare unlink); the lock is released only
 * while it still holds our token.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { appendToLedger, LedgerError, verifyLedger, withLedgerLock } from "../../src/audit/ledger.js";
import { UNREADABLE_LOCK_GRACE_MS } from "../../src/audit/ledger-lock.js";
import { compileLedgerModule } from "../helpers/compiled-ledger.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-ledger-lock-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const fresh = () => path.join(tmp, `ledger-${++counter}.jsonl`);

/** Writes a lock file for `ledger` and backdates it by `ageMs`. */
function plantLock(ledger: string, owner: object, ageMs: number): string {
  const lock = `${ledger}.lock`;
  const content = JSON.stringify(owner);
  writeFileSync(lock, content);
  const then = new Date(Date.now() - ageMs);
  utimesSync(lock, then, then);
  return content;
}

/** A pid that is not running: a child process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("ledger lock", () => {
  test("a live holder on this host older than staleLockMs keeps its lock: the appender times out", () => {
    const file = fresh();
    const old = new Date(Date.now() - 3_600_000).toISOString();
    const content = plantLock(
      file,
      { pid: process.pid, host: os.hostname(), at: old, token: "live-holder" },
      3_600_000,
    );
    const started = Date.now();
    expect(() =>
      appendToLedger(file, { n: 1 }, { lockTimeoutMs: 150, staleLockMs: 10, fsync: false }),
    ).toThrow(LedgerError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(content);
    expect(existsSync(file)).toBe(false);
  });

  test("a lock whose owner process is gone (this host) is broken, whatever its age", () => {
    const file = fresh();
    plantLock(file, { pid: deadPid(), host: os.hostname(), at: new Date().toISOString(), token: "dead" }, 0);
    const { seq } = appendToLedger(file, { n: 1 }, { lockTimeoutMs: 2_000, fsync: false });
    expect(seq).toBe(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(verifyLedger(file).ok).toBe(true);
    // the broken lock was renamed aside and removed: nothing left behind
    expect(readdirSync(tmp).filter((f) => f.startsWith(path.basename(file)) && f.includes(".lock"))).toEqual(
      [],
    );
  });

  test("another host's lock is broken only when older than staleLockMs", () => {
    const file = fresh();
    const owner = { pid: 1, host: `not-${os.hostname()}`, at: new Date().toISOString(), token: "remote" };
    const content = plantLock(file, owner, 1_000);
    expect(() =>
      appendToLedger(file, { n: 1 }, { lockTimeoutMs: 100, staleLockMs: 60_000, fsync: false }),
    ).toThrow(/cannot take the ledger lock/);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(content);
    expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 2_000, staleLockMs: 500, fsync: false }).seq).toBe(
      1,
    );
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("the lock file holds our pid, host and a unique token while held, and is removed after", () => {
    const file = fresh();
    const seen: string[] = [];
    for (let i = 0; i < 2; i++)
      withLedgerLock(file, {}, () => {
        seen.push(readFileSync(`${file}.lock`, "utf8"));
      });
    const owners = seen.map((s) => JSON.parse(s) as { pid: number; host: string; token: string });
    expect(owners[0]?.pid).toBe(process.pid);
    expect(owners[0]?.host).toBe(os.hostname());
    expect(owners[0]?.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(owners[0]?.token).not.toBe(owners[1]?.token);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("unlock does not remove a lock file that holds another token (ours was broken and retaken)", () => {
    const file = fresh();
    const lock = `${file}.lock`;
    const other = JSON.stringify({ pid: process.pid, host: os.hostname(), at: "x", token: "someone-else" });
    withLedgerLock(file, {}, () => {
      writeFileSync(lock, other);
    });
    expect(readFileSync(lock, "utf8")).toBe(other);
    // and also when the action throws
    rmSync(lock);
    expect(() =>
      withLedgerLock(file, {}, () => {
        writeFileSync(lock, other);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(readFileSync(lock, "utf8")).toBe(other);
  });

  test("the lock file also holds the boot id, the pid namespace and the process start time from /proc", () => {
    const file = fresh();
    let owner: Record<string, unknown> = {};
    withLedgerLock(file, {}, () => {
      owner = JSON.parse(readFileSync(`${file}.lock`, "utf8")) as Record<string, unknown>;
    });
    expect(owner.bootId).toBe(readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim());
    expect(owner.pidNs).toBe(readlinkSync("/proc/self/ns/pid"));
    expect(owner.pidNs).toMatch(/^pid:\[\d+\]$/);
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    expect(owner.startTime).toBe(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  });

  test("an empty or unparseable lock file (a creator that died before writing) is broken after a short grace, not after staleLockMs", () => {
    for (const content of ["", '{"pid":']) {
      const file = fresh();
      writeFileSync(`${file}.lock`, content);
      // fresh: it may be a creator between open and write (an earlier version): left alone
      expect(() => appendToLedger(file, { n: 1 }, { lockTimeoutMs: 100, fsync: false })).toThrow(
        /cannot take the ledger lock/,
      );
      const then = new Date(Date.now() - UNREADABLE_LOCK_GRACE_MS - 1_000);
      utimesSync(`${file}.lock`, then, then);
      // older than the grace (2 s), far younger than staleLockMs (30 s): broken within the lock timeout
      expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 1_000, fsync: false }).seq).toBe(1);
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });
});

describe("lock owners told apart by boot id, pid namespace and start time (issue #18)", () => {
  const here = () => {
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return {
      host: os.hostname(),
      bootId: readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
      pidNs: readlinkSync("/proc/self/ns/pid"),
      startTime: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19],
    };
  };

  test.each([
    ["another pid namespace (a container with the same host name)", { pidNs: "pid:[1]" }],
    [
      "another boot (or another machine with the same host name)",
      { bootId: "00000000-0000-4000-8000-000000000000" },
    ],
  ])("%s: a pid not running here is not proof: broken only by age", (_name, other) => {
    const file = fresh();
    const owner = {
      ...here(),
      pid: deadPid(),
      startTime: "1",
      at: new Date().toISOString(),
      token: "ns",
      ...other,
    };
    const content = plantLock(file, owner, 1_000);
    expect(() =>
      appendToLedger(file, { n: 1 }, { lockTimeoutMs: 150, staleLockMs: 60_000, fsync: false }),
    ).toThrow(/cannot take the ledger lock/);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(content);
    expect(existsSync(file)).toBe(false);
    expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 2_000, staleLockMs: 500, fsync: false }).seq).toBe(
      1,
    );
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("a lock taken after waiting is dated when it was taken, not when the waiter started", () => {
    const file = fresh();
    // a lock of another namespace, judged by age: the appender waits until it is older than staleLockMs
    plantLock(file, { ...here(), pid: deadPid(), pidNs: "pid:[1]", at: "x", token: "old" }, 0);
    let age = Number.NaN;
    withLedgerLock(file, { staleLockMs: 600, lockTimeoutMs: 5_000 }, () => {
      age = Date.now() - statSync(`${file}.lock`).mtimeMs;
    });
    expect(age).toBeLessThan(300);
  });

  test("same host, boot and namespace, the pid alive but started at another time (pid reuse): stale", () => {
    const file = fresh();
    const owner = { ...here(), pid: process.pid, at: new Date().toISOString(), token: "reused" };
    plantLock(file, { ...owner, startTime: String(Number(owner.startTime) - 1) }, 0);
    expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 2_000, fsync: false }).seq).toBe(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("same host, boot, namespace and start time: a live owner keeps its lock however old", () => {
    const file = fresh();
    const content = plantLock(file, { ...here(), pid: process.pid, at: "x", token: "live" }, 3_600_000);
    expect(() =>
      appendToLedger(file, { n: 1 }, { lockTimeoutMs: 150, staleLockMs: 10, fsync: false }),
    ).toThrow(/cannot take the ledger lock/);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(content);
  });

  test("same host, boot and namespace, the owner process gone: broken at once", () => {
    const file = fresh();
    plantLock(file, { ...here(), pid: deadPid(), at: "x", token: "dead" }, 0);
    expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 2_000, fsync: false }).seq).toBe(1);
  });
});

/** Whether a process with this pid exists in our pid namespace. */
function aliveHere(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Why a real second pid namespace cannot be made here, or undefined when `unshare --pid` works. */
function probeUnshare(): string | undefined {
  if (process.getuid?.() !== 0) return "not root: unshare --pid needs CAP_SYS_ADMIN";
  const r = spawnSync("unshare", ["--pid", "--fork", "--mount-proc", "true"], { encoding: "utf8" });
  return r.status === 0 ? undefined : `unshare refused: ${(r.stderr || String(r.error)).trim()}`;
}

const noUnshare = probeUnshare();

describe.skipIf(noUnshare !== undefined)(
  `a lock held from a real second pid namespace (unshare)${noUnshare !== undefined ? `: skipped, ${noUnshare}` : ""}`,
  () => {
    test("same host name, its pid not running here, the holder alive: not broken; taken once it is released", async () => {
      const out = compileLedgerModule("b2mml-ledger-lock-ns-test");
      const holder = path.join(out, "hold-lock-child.mjs");
      writeFileSync(
        holder,
        `import { withLedgerLock } from "./audit/ledger.js";
const [file, ms] = process.argv.slice(2);
withLedgerLock(file, {}, () => {
  process.stdout.write("held\\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
});
`,
      );
      // In the new namespace sh is pid 1, each /bin/true takes the next pid, node the one after: pick a pid
      // that no process has here, so that a check by host name and pid alone would break the live lock.
      let target = 40;
      while (aliveHere(target)) target++;
      const file = fresh();
      const script = `i=2; while [ $i -lt ${target} ]; do /bin/true; i=$((i+1)); done; "${process.execPath}" "${holder}" "${file}" 3000`;
      const child = spawn("unshare", ["--pid", "--fork", "--mount-proc", "sh", "-c", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => (d.toString().includes("held") ? resolve() : undefined));
        child.on("exit", (code) => reject(new Error(`the holder exited ${code} before taking the lock`)));
      });
      const owner = JSON.parse(readFileSync(`${file}.lock`, "utf8")) as {
        pid: number;
        host: string;
        pidNs: string;
      };
      expect(owner.host).toBe(os.hostname());
      expect(owner.pidNs).not.toBe(readlinkSync("/proc/self/ns/pid"));
      expect(owner.pid).toBe(target);
      expect(aliveHere(owner.pid)).toBe(false);
      expect(() =>
        appendToLedger(file, { n: 1 }, { lockTimeoutMs: 300, staleLockMs: 60_000, fsync: false }),
      ).toThrow(/cannot take the ledger lock/);
      expect(await exited).toBe(0);
      expect(existsSync(`${file}.lock`)).toBe(false);
      expect(appendToLedger(file, { n: 1 }, { lockTimeoutMs: 1_000, fsync: false }).seq).toBe(1);
    });
  },
);
