/**
 * `b2mml init` (issue #12): the starter configuration on stdout or in --out (never over an existing file
 * without --force), usage errors, unreadable input, and the whole first hour: init, fill in the
 * placeholders, map production-schedule.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { idocSamplesDir } from "../idoc/helpers.js";
import { runInProcess, spawnCli } from "./helpers/run-cli.js";

const tablet = path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-init-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("b2mml init", () => {
  test("writes the configuration to stdout and a summary to stderr (exit 0)", async () => {
    const run = await runInProcess(["init", tablet]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      plants: { CH01: { timeZone: "TODO: the IANA time zone of plant CH01" } },
      systems: { S4PCLNT100: { timeZone: expect.stringMatching(/^TODO: /) } },
    });
    expect(run.err).toBe(
      `b2mml init: ${tablet}: 1 plant, 1 sending system, 6 units; 2 placeholders to replace (values starting with TODO)\n`,
    );
  });

  test("--out writes the file; an existing file is refused (exit 3) unless --force", async () => {
    const out = path.join(dir, "b2mml.config.json");
    const first = await runInProcess(["init", tablet, "--out", out]);
    expect(first.code).toBe(0);
    expect(first.out).toBe("");
    const written = readFileSync(out, "utf8");
    writeFileSync(out, "mine");
    const again = await runInProcess(["init", tablet, "--out", out]);
    expect(again.code).toBe(3);
    expect(again.err).toBe(`${out}: IO_OUTPUT_EXISTS the file exists; pass --force to overwrite it\n`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await runInProcess(["init", tablet, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(written);
  });

  test("- reads the IDoc from standard input (the compiled CLI)", async () => {
    const run = await spawnCli(["init", "-"], { stdin: readFileSync(tablet) });
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).$comment[0]).toBe(
      "Starter configuration written by b2mml init from standard input (1 IDoc(s): LOIPRO05).",
    );
  });

  test.each([
    [[], "no IDoc file given (- reads standard input)"],
    [[tablet, tablet], `one IDoc file at a time; got also ${tablet}`],
    [[tablet, "--force"], "--force is only used with --out <file>"],
    [[tablet, "--bogus"], "Unknown option '--bogus'"],
  ])("usage error %#: exit 2", async (args, message) => {
    const run = await runInProcess(["init", ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain('Run "b2mml init --help" for the usage.');
  });

  test("an unreadable or not well-formed input, or one without an IDoc, is exit 3", async () => {
    const missing = await runInProcess(["init", path.join(dir, "nope.xml")]);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/IO_UNREADABLE/);
    const broken = path.join(dir, "broken.xml");
    writeFileSync(broken, "<LOIPRO05><IDOC>");
    expect((await runInProcess(["init", broken])).code).toBe(3);
    const none = path.join(dir, "none.xml");
    writeFileSync(none, "<LOIPRO05/>");
    const empty = await runInProcess(["init", none]);
    expect(empty.code).toBe(3);
    expect(empty.err).toContain("IDOC_NONE");
  });

  test.skipIf(!existsSync(idocSamplesDir))(
    "a value the reader refuses is named on stderr, not written",
    async () => {
      const run = await runInProcess(["init", path.join(idocSamplesDir, "nonsap-erp-LOIPRO05.xml")]);
      expect(run.code).toBe(0);
      expect(run.err).toMatch(
        /IDOC\[1\]\/EDI_DC40\/SNDPRN: IDOC_VALUE_TOO_LONG .*\(left out of the configuration\)/,
      );
      expect(JSON.parse(run.out)).not.toHaveProperty("systems");
    },
  );

  test("LOIPRO-MAP-082 init, fill in the placeholders, map production-schedule: the document", async () => {
    const config = path.join(dir, "first-hour.json");
    expect((await runInProcess(["init", tablet, "--out", config])).code).toBe(0);
    const refused = await runInProcess(["map", "production-schedule", tablet, "--config", config]);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(
      `${config}: plants.CH01.timeZone: CONFIG_INVALID is still a placeholder (written by b2mml init): replace it with an IANA time zone name`,
    );
    expect(refused.out).toBe("");
    writeFileSync(config, readFileSync(config, "utf8").replace(/"TODO: [^"]*"/g, '"Europe/Zurich"'));
    const mapped = await runInProcess(["map", "production-schedule", tablet, "--config", config]);
    expect(mapped.code, mapped.err).toBe(0);
    expect(mapped.out).toContain("<ProcessProductionSchedule");
    expect(mapped.err).toMatch(/1 order\(s\) mapped, 0 warning\(s\)/);
  });
});
