/**
 * readBoundedFile: the limit is applied while reading (a file whose size `stat` does not tell is cut off
 * at the limit), a FIFO is refused without waiting for a writer, and every refusal is data with a code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readBoundedFile } from "../../src/shared/read-bounded-file.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-bounded-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const small = path.join(tmp, "small.xml");
writeFileSync(small, "<r>abc</r>");
const folder = path.join(tmp, "folder");
mkdirSync(folder);
const fifo = path.join(tmp, "pipe");
execFileSync("mkfifo", [fifo]);
const missing = path.join(tmp, "missing.xml");
const dangling = path.join(tmp, "dangling.xml");
symlinkSync(path.join(tmp, "nowhere.xml"), dangling);

describe("readBoundedFile", () => {
  test.each([
    ["a file under the limit", small, 100, { ok: true, size: 10 }],
    ["a file of exactly the limit", small, 10, { ok: true, size: 10 }],
    ["a file one byte over the limit", small, 9, { ok: false, code: "INPUT_TOO_LARGE" }],
    ["an empty limit", small, 0, { ok: false, code: "INPUT_TOO_LARGE" }],
    ["a directory", folder, 100, { ok: false, code: "NOT_A_FILE", received: "a directory" }],
    ["a FIFO without a writer", fifo, 100, { ok: false, code: "NOT_A_FILE", received: "a FIFO" }],
    ["a missing file", missing, 100, { ok: false, code: "FILE_NOT_FOUND", errno: "ENOENT" }],
    ["a dangling symlink", dangling, 100, { ok: false, code: "FILE_NOT_FOUND", errno: "ENOENT" }],
    ["a path through a file", path.join(small, "x"), 100, { ok: false, code: "FILE_NOT_FOUND" }],
    ["a device by default", "/dev/zero", 100, { ok: false, code: "NOT_A_FILE" }],
  ] as const)("%s", (_name, file, maxBytes, want) => {
    const read = readBoundedFile(file, { maxBytes });
    expect(read.ok).toBe(want.ok);
    if (read.ok) {
      expect("size" in want && read.bytes.length).toBe("size" in want && want.size);
      return;
    }
    expect(read.path).toEqual(file);
    expect(read.code).toBe("code" in want ? want.code : undefined);
    if ("received" in want) expect(read.received).toBe(want.received);
    if ("errno" in want) expect(read.errno).toBe(want.errno);
  });

  test("the bytes are returned as read, across chunk boundaries", () => {
    const file = path.join(tmp, "chunks.bin");
    const content = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    writeFileSync(file, content);
    const read = readBoundedFile(file, { maxBytes: 1000, chunkBytes: 7 });
    expect(read).toEqual({ ok: true, bytes: content });
  });

  test("an endless device is refused at the limit, after reading at most limit + 1 bytes", () => {
    const read = readBoundedFile("/dev/zero", { maxBytes: 5 * 1024 * 1024, allowDevices: true });
    expect(read).toEqual({
      ok: false,
      code: "INPUT_TOO_LARGE",
      path: "/dev/zero",
      message: "/dev/zero is larger than the limit of 5242880 bytes",
      expected: "at most 5242880 bytes",
      received: "more than 5242880 bytes",
    });
  });

  test("a FIFO refusal names what was expected and does not wait for a writer", () => {
    expect(readBoundedFile(fifo, { maxBytes: 1 })).toEqual({
      ok: false,
      code: "NOT_A_FILE",
      path: fifo,
      message: `${fifo} is a FIFO, not a regular file`,
      expected: "a regular file",
      received: "a FIFO",
    });
    expect(existsSync(fifo)).toBe(true);
  });

  test("an invalid limit is a programming error", () => {
    expect(() => readBoundedFile(small, { maxBytes: -1 })).toThrow(RangeError);
    expect(() => readBoundedFile(small, { maxBytes: 1.5 })).toThrow(RangeError);
  });
});
