/**
 * Progress on stderr only when it is a terminal (issue #20): files done, rate and time left, redrawn in
 * place; not one byte of it when stderr is a pipe. The terminal case runs the built CLI under
 * `script -qec` (util-linux), the renderer is also tested with an injected clock.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatDuration, formatProgress, startProgress } from "../../src/cli/progress.js";
import { repoRoot } from "../helpers/paths.js";
import { compiledCli, runInProcess, spawnCli } from "./helpers/run-cli.js";

const fixtures = path.join(repoRoot, "fixtures/b2mml-v0600");
const files = ["valid", "invalid"].flatMap((kind) =>
  readdirSync(path.join(fixtures, kind))
    .sort()
    .map((name) => path.relative(repoRoot, path.join(fixtures, kind, name, "document.xml"))),
);
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("the progress renderer", () => {
  test.each([
    [0, "0s"],
    [42.4, "42s"],
    [185, "3m 05s"],
    [3720, "1h 02m"],
  ])("formatDuration(%d) = %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  test("a line: files done, rate, time left", () => {
    expect(formatProgress("b2mml validate", 12, 100, 3000)).toBe(
      "b2mml validate: 12/100 files, 4.0 files/s, 22s left",
    );
    expect(formatProgress("b2mml validate", 0, 100, 0)).toBe(
      "b2mml validate: 0/100 files, 0.0 files/s, time left unknown",
    );
  });

  test("redrawn in place at most every 100 ms, the last file always; erased at the end", () => {
    const written: string[] = [];
    let clock = 0;
    const progress = startProgress(
      "b2mml validate",
      3,
      (t) => written.push(t),
      () => clock,
    );
    clock = 500;
    progress.update(1);
    clock = 550;
    progress.update(2);
    clock = 600;
    progress.update(3);
    progress.finish();
    expect(written).toEqual([
      "\rb2mml validate: 1/3 files, 2.0 files/s, 1s left\x1b[K",
      "\rb2mml validate: 3/3 files, 5.0 files/s, 0s left\x1b[K",
      "\r\x1b[K",
    ]);
  });

  test("no writer (stderr is not a terminal) or a single file: nothing", () => {
    const written: string[] = [];
    startProgress("x", 1, (t) => written.push(t)).update(1);
    const none = startProgress("x", 10, undefined);
    none.update(10);
    none.finish();
    expect(written).toEqual([]);
  });
});

describe("the text report streams file by file", () => {
  test("one write per file with issues, as the results arrive", async () => {
    const outs: string[] = [];
    const { runCli } = await import("../../src/cli/run.js");
    await runCli(["validate", ...files], { out: (t) => outs.push(t), err: () => {} });
    const whole = await runInProcess(["validate", ...files]);
    const withIssues = new Set(
      whole.out
        .trim()
        .split("\n")
        .map((l) => l.split(":")[0]),
    ).size;
    expect(outs.length).toBe(withIssues);
    expect(`${outs.join("\n")}\n`).toBe(whole.out);
  });
});

describe.skipIf(!existsSync(compiledCli))("progress in the built CLI", () => {
  test("stderr a pipe: the summary only, no progress byte", async () => {
    const r = await spawnCli(["validate", ...files]);
    expect(r.err).toBe(`b2mml validate: ${files.length} file(s): ${r.err.split(": ")[2]}`);
    expect(r.err).not.toContain("\r");
    expect(r.err).not.toContain("files/s");
    expect(r.err.split("\n")).toHaveLength(2);
  });

  test.skipIf(!hasScript)(
    "stderr a terminal (script -qec): files done, rate and time left, then the summary",
    () => {
      const command = [process.execPath, compiledCli, "validate", ...files].map((a) => `'${a}'`).join(" ");
      const r = spawnSync("script", ["-qec", `${command} >/dev/null`, "/dev/null"], {
        cwd: repoRoot,
        encoding: "utf8",
      });
      expect(r.stdout).toMatch(
        new RegExp(
          `\\rb2mml validate: ${files.length}/${files.length} files, [0-9.]+ files/s, 0s left\\x1b\\[K`,
        ),
      );
      expect(r.stdout).toContain(`\r\x1b[Kb2mml validate: ${files.length} file(s): `);
    },
  );
});
