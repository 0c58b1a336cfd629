/**
 * Output through a real pipe: the CLI exits only after stdout and stderr have drained, so nothing of a
 * large output is cut (a pipe holds 64 KiB; `process.exit` right after `write` loses the rest). Runs the
 * compiled CLI (`npm test` builds it first).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const cli = path.join(repoRoot, "dist/cli/main.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-pipe-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI with stdout and stderr as pipes that the test reads slowly (a chunk at a time). */
function runPiped(args: string[]): Promise<{ code: number | null; out: Buffer; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      // A slow reader: the writer must wait for the pipe, not give up.
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out: Buffer.concat(chunks), err }));
  });
}

/** A well-formed document of about `size` bytes whose canonical form equals its text. */
function bigDocument(size: number): string {
  const item = "<Item>0123456789abcdefghijklmnopqrstuvwxyz</Item>";
  return `<Root>${item.repeat(Math.ceil(size / item.length))}</Root>`;
}

describe.skipIf(!existsSync(cli))("output through a real pipe (needs dist/: npm run build)", () => {
  test("c14n of a 4 MB document writes every byte before exiting (exit 0)", async () => {
    const doc = bigDocument(4 * 1024 * 1024);
    const file = path.join(tmp, "big.xml");
    writeFileSync(file, doc);
    const r = await runPiped(["c14n", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.length).toBe(Buffer.byteLength(doc));
    expect(r.out.toString("utf8")).toBe(doc);
  });

  test("hash of 3,000 files writes every line before exiting", async () => {
    const files: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const file = path.join(tmp, `doc-${String(i).padStart(4, "0")}-${"x".repeat(40)}.xml`);
      writeFileSync(file, `<r n="${i}"/>`);
      files.push(file);
    }
    const r = await runPiped(["hash", ...files]);
    expect(r.code).toBe(0);
    const lines = r.out.toString("utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(3000);
    expect(lines.at(-1)).toMatch(/doc-2999-x+\.xml$/);
  });
});
