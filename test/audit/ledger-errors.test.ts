/**
 * The ledger's failures are data: a checkpoint is checked before use, reads are bounded, and a ledger
 * that cannot be written (full disk, read-only, a directory) gives a LedgerError with a code, with no
 * partial line, no lock file and no temporary file left; a checkpoint file that cannot be replaced after
 * the record was written is reported as its own outcome ("record appended, checkpoint not updated").
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  appendToLedger,
  checkpointPath,
  type LedgerError,
  parseLedgerCheckpoint,
  readLedgerCheckpoint,
  verifyLedger,
} from "../../src/audit/ledger.js";
import { fillLeaving, mountSmallTmpfs, probeSmallTmpfs, unmountSmallTmpfs } from "../helpers/small-tmpfs.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-ledger-errors-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let counter = 0;
const fresh = (dir = tmp) => path.join(dir, `ledger-${++counter}.jsonl`);

/** The LedgerError `action` throws, as plain data (fails when it throws something else or nothing). */
function caught(action: () => unknown): {
  code: string;
  path: string;
  message: string;
  errno: string | undefined;
} {
  try {
    action();
  } catch (error) {
    expect((error as Error).name).toBe("LedgerError");
    const { code, path: file, message, errno } = error as LedgerError;
    return { code, path: file, message, errno };
  }
  throw new Error("nothing was thrown");
}

/** Files in `dir` beside the ledger: the lock, temporary files. */
const leftovers = (dir: string, ledger: string) =>
  readdirSync(dir).filter(
    (f) => f.startsWith(path.basename(ledger)) && (f.includes(".lock") || f.endsWith(".tmp")),
  );

const HEX = "a".repeat(64);
const good = { size: 1, root: HEX, lastHash: HEX, bytes: 10 };

describe("a checkpoint is checked (shape and types) before use", () => {
  test.each([
    ["{}", {}, "size: missing; expected an integer ≥ 0 (a JSON number)"],
    [
      '"size":"20"',
      { ...good, size: "20" },
      'size: wrong value; expected an integer ≥ 0 (a JSON number); received "20" (a string)',
    ],
    [
      "a negative size",
      { ...good, size: -1 },
      "size: wrong value; expected an integer ≥ 0 (a JSON number); received -1 (a number)",
    ],
    [
      "a fractional byte length",
      { ...good, bytes: 1.5 },
      "bytes: wrong value; expected an integer ≥ 0 (a JSON number); received 1.5 (a number)",
    ],
    [
      "an uppercase root",
      { ...good, root: HEX.toUpperCase() },
      `root: wrong value; expected 64 lowercase hex digits; received "${"A".repeat(39)}… (a string)`,
    ],
    ["no lastHash", { size: 1, root: HEX, bytes: 10 }, "lastHash: missing; expected 64 lowercase hex digits"],
    ["an unknown member", { ...good, sizes: 3 }, 'unknown member "sizes"; expected only the members of'],
    [
      "another format",
      { ...good, format: "x/1" },
      'format: not a ledger checkpoint; expected "b2mml-ledger-checkpoint/1"; received "x/1" (a string)',
    ],
    ["an array", [good], "not a checkpoint; expected a JSON object"],
    [
      "a frontier of the wrong length",
      { ...good, size: 3, frontier: [HEX] },
      "frontier: wrong length; expected 2 hash(es) for size 3; received 1",
    ],
  ])("%s: LEDGER_CHECKPOINT_INVALID, what was expected", (_name, value, message) => {
    const error = caught(() => parseLedgerCheckpoint(value, "cp.json"));
    expect(error.code).toBe("LEDGER_CHECKPOINT_INVALID");
    expect(error.path).toEqual("cp.json");
    expect(error.message.startsWith(message)).toBe(true);
  });

  test("a valid checkpoint passes unchanged (format added when absent)", () => {
    expect(parseLedgerCheckpoint(good, "cp.json")).toEqual({ format: "b2mml-ledger-checkpoint/1", ...good });
  });

  test("verifyLedger refuses a checkpoint that is not one instead of verifying against nothing", () => {
    const file = fresh();
    appendToLedger(file, { n: 1 }, { fsync: false });
    for (const checkpoint of [{}, { ...good, size: "20" }])
      expect(caught(() => verifyLedger(file, { checkpoint: checkpoint as never })).code).toBe(
        "LEDGER_CHECKPOINT_INVALID",
      );
  });

  test("reading a checkpoint file is bounded; not JSON, missing and a FIFO are refused with a code", () => {
    const big = path.join(tmp, "big-checkpoint.json");
    writeFileSync(big, `${JSON.stringify(good)}${" ".repeat(70_000)}`);
    expect(caught(() => readLedgerCheckpoint(big))).toMatchObject({
      code: "LEDGER_CHECKPOINT_TOO_LARGE",
      message: `cannot read the checkpoint: ${big} is larger than the limit of 65536 bytes; expected at most 65536 bytes; received more than 65536 bytes`,
    });
    const text = path.join(tmp, "text-checkpoint.json");
    writeFileSync(text, "size=20");
    expect(caught(() => readLedgerCheckpoint(text)).code).toBe("LEDGER_CHECKPOINT_INVALID");
    expect(caught(() => readLedgerCheckpoint(path.join(tmp, "none.json"))).code).toBe(
      "LEDGER_CHECKPOINT_UNREADABLE",
    );
    const fifo = path.join(tmp, "fifo-checkpoint");
    execFileSync("mkfifo", [fifo]);
    expect(caught(() => readLedgerCheckpoint(fifo)).code).toBe("LEDGER_CHECKPOINT_UNREADABLE");
  });

  test("the ledger's own checkpoint file, malformed: verify reports it, append refuses (LedgerError)", () => {
    const file = fresh();
    appendToLedger(file, { n: 1 }, { fsync: false });
    const cp = JSON.parse(readFileSync(checkpointPath(file), "utf8")) as Record<string, unknown>;
    writeFileSync(checkpointPath(file), JSON.stringify({ ...cp, size: "20" }));
    expect(verifyLedger(file).problem).toEqual({
      line: 2,
      kind: "altered",
      reason: `the checkpoint file is unusable: LEDGER_CHECKPOINT_INVALID size: wrong value; expected an integer ≥ 0 (a JSON number); received "20" (a string)`,
    });
    expect(caught(() => appendToLedger(file, { n: 2 }, { fsync: false })).code).toBe(
      "LEDGER_CHECKPOINT_INVALID",
    );
  });
});

describe("reading the ledger is bounded and its failures have codes", () => {
  test("a missing ledger: LEDGER_NOT_FOUND; larger than maxLedgerBytes: LEDGER_TOO_LARGE", () => {
    const missing = path.join(tmp, "missing.jsonl");
    expect(caught(() => verifyLedger(missing))).toMatchObject({ code: "LEDGER_NOT_FOUND", path: missing });
    const file = fresh();
    appendToLedger(file, { n: 1, pad: "x".repeat(200) }, { fsync: false });
    expect(caught(() => verifyLedger(file, { maxLedgerBytes: 100 })).code).toBe("LEDGER_TOO_LARGE");
    rmSync(checkpointPath(file)); // the append has to read the ledger
    expect(caught(() => appendToLedger(file, { n: 2 }, { maxLedgerBytes: 100 })).code).toBe(
      "LEDGER_TOO_LARGE",
    );
    expect(leftovers(tmp, file)).toEqual([]);
  });

  test("a directory as the ledger: LEDGER_IS_DIRECTORY, no lock left; a missing folder: LEDGER_FOLDER_NOT_FOUND", () => {
    const dir = path.join(tmp, "a-directory.jsonl");
    mkdirSync(dir);
    expect(caught(() => appendToLedger(dir, { n: 1 }))).toMatchObject({
      code: "LEDGER_IS_DIRECTORY",
      errno: "EISDIR",
    });
    expect(caught(() => verifyLedger(dir)).code).toBe("LEDGER_IS_DIRECTORY");
    expect(leftovers(tmp, dir)).toEqual([]);
    const nowhere = path.join(tmp, "no-such-folder", "ledger.jsonl");
    expect(caught(() => appendToLedger(nowhere, { n: 1 }))).toMatchObject({
      code: "LEDGER_FOLDER_NOT_FOUND",
      errno: "ENOENT",
    });
  });
});

describe("an append trusts the checkpoint file only when it describes the ledger's last record", () => {
  test.each([
    [
      "lastHash of another record",
      (cp: Record<string, unknown>, first: string) => ({ ...cp, lastHash: first }),
    ],
    ["lastHash that is no record's", (cp: Record<string, unknown>) => ({ ...cp, lastHash: "b".repeat(64) })],
    ["a root its frontier does not give", (cp: Record<string, unknown>) => ({ ...cp, root: "c".repeat(64) })],
  ])("%s (byte length right): rebuilt from the ledger, the chain stays intact", (_name, tamper) => {
    const file = fresh();
    const { hash: first } = appendToLedger(file, { n: 1 }, { fsync: false });
    appendToLedger(file, { n: 2 }, { fsync: false });
    const cp = JSON.parse(readFileSync(checkpointPath(file), "utf8")) as Record<string, unknown>;
    writeFileSync(checkpointPath(file), JSON.stringify(tamper(cp, first)));
    const third = appendToLedger(file, { n: 3 }, { fsync: false });
    expect([third.seq, third.checkpointFile]).toEqual([3, "updated"]);
    expect(verifyLedger(file)).toMatchObject({ ok: true, records: 3, checkpoint: third.checkpoint });
  });
});

describe("temporary files are created new, never through a planted symlink", () => {
  test("a symlink planted at the old checkpoint temp name is neither followed nor replaced", () => {
    const file = fresh();
    appendToLedger(file, { n: 1 }, { fsync: false });
    const victim = path.join(tmp, "victim.txt");
    writeFileSync(victim, "precious");
    const planted = `${checkpointPath(file)}.${process.pid}.tmp`;
    symlinkSync(victim, planted);
    appendToLedger(file, { n: 2 }, { fsync: false });
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(lstatSync(checkpointPath(file)).isSymbolicLink()).toBe(false);
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
    expect(verifyLedger(file)).toMatchObject({ ok: true, records: 2 });
  });
});

const noTmpfs = probeSmallTmpfs();

describe.skipIf(noTmpfs !== undefined)(
  `a full disk (64 KiB tmpfs)${noTmpfs !== undefined ? `: skipped, ${noTmpfs}` : ""}`,
  () => {
    let fullDir = "";
    let filler = "";
    beforeAll(() => {
      fullDir = mountSmallTmpfs();
      filler = path.join(fullDir, "filler");
    });
    afterAll(() => {
      if (fullDir !== "") unmountSmallTmpfs(fullDir);
    });
    afterEach(() => rmSync(filler, { force: true }));

    test("no space for the lock: LEDGER_NO_SPACE, no lock file left, the next append is not blocked", () => {
      const file = fresh(fullDir);
      appendToLedger(file, { n: 1 }, { fsync: false });
      const before = readFileSync(file);
      fillLeaving(filler, 0);
      expect(caught(() => appendToLedger(file, { n: 2 }))).toMatchObject({
        code: "LEDGER_NO_SPACE",
        errno: "ENOSPC",
      });
      expect(leftovers(fullDir, file)).toEqual([]);
      expect(readFileSync(file).equals(before)).toBe(true);
      rmSync(filler);
      const started = Date.now();
      expect(appendToLedger(file, { n: 2 }, { lockTimeoutMs: 1_000 }).seq).toBe(2);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(verifyLedger(file)).toMatchObject({ ok: true, records: 2 });
    });

    test("no space for the line: LEDGER_NO_SPACE, the ledger cut back to what it was (no torn line)", () => {
      const file = fresh(fullDir);
      appendToLedger(file, { n: 1 }, { fsync: false });
      const before = readFileSync(file);
      fillLeaving(filler, 1); // one page: the lock's; the record needs more than the ledger's last page has left
      expect(caught(() => appendToLedger(file, { n: 2, pad: "x".repeat(10_000) }))).toMatchObject({
        code: "LEDGER_NO_SPACE",
        errno: "ENOSPC",
      });
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(leftovers(fullDir, file)).toEqual([]);
      expect(verifyLedger(file)).toMatchObject({ ok: true, records: 1 });
      rmSync(filler);
    });

    test("no space for the checkpoint: the record is appended, reported as 'checkpoint not updated', no .tmp left", () => {
      const file = fresh(fullDir);
      appendToLedger(file, { n: 1 }, { fsync: false });
      const oldCheckpoint = readFileSync(checkpointPath(file), "utf8");
      fillLeaving(filler, 1); // one page: the lock's; the small record fits in the ledger's last page
      const result = appendToLedger(file, { n: 2 });
      expect(result.seq).toBe(2);
      expect(result.checkpointFile).toBe("not-updated");
      expect(result.checkpointError?.code).toBe("LEDGER_CHECKPOINT_NOT_WRITTEN");
      expect(result.checkpointError?.errno).toBe("ENOSPC");
      expect(readFileSync(checkpointPath(file), "utf8")).toBe(oldCheckpoint);
      expect(leftovers(fullDir, file)).toEqual([]);
      expect(verifyLedger(file)).toMatchObject({ ok: true, records: 2, checkpoint: result.checkpoint });
      rmSync(filler);
      const next = appendToLedger(file, { n: 3 });
      expect([next.seq, next.checkpointFile]).toEqual([3, "updated"]);
      expect(verifyLedger(file)).toMatchObject({ ok: true, records: 3 });
    });

    test("a read-only file system: LEDGER_NOT_WRITABLE (EROFS), nothing changed; verify still reads", () => {
      const file = fresh(fullDir);
      appendToLedger(file, { n: 1 }, { fsync: false });
      execFileSync("mount", ["-o", "remount,ro", fullDir]);
      try {
        expect(caught(() => appendToLedger(file, { n: 2 }))).toMatchObject({
          code: "LEDGER_NOT_WRITABLE",
          errno: "EROFS",
        });
        expect(verifyLedger(file)).toMatchObject({ ok: true, records: 1 });
      } finally {
        execFileSync("mount", ["-o", "remount,rw", fullDir]);
      }
      expect(leftovers(fullDir, file)).toEqual([]);
    });
  },
);

describe.skipIf(process.getuid?.() === 0)(
  "permission denied (EACCES; skipped as root, where file permissions do not apply: EROFS above takes the same path)",
  () => {
    test("a folder without write permission: LEDGER_NOT_WRITABLE", () => {
      const dir = path.join(tmp, "read-only");
      mkdirSync(dir, { mode: 0o500 });
      expect(caught(() => appendToLedger(path.join(dir, "l.jsonl"), { n: 1 }))).toMatchObject({
        code: "LEDGER_NOT_WRITABLE",
        errno: "EACCES",
      });
      expect(existsSync(path.join(dir, "l.jsonl.lock"))).toBe(false);
    });
  },
);
