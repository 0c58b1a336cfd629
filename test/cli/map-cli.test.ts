/** `b2mml map production-schedule`: stdout/-o, stderr as `path: code message`, the exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import { MAIN_HELP } from "../../src/cli/run.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

/** The CLI in this process: stdout as written, stderr a line per message. */
const run = async (args: string[]) => {
  const r = await runInProcess(["map", ...args], { outAsWritten: true });
  return { ...r, code: r.code ?? -1 };
};

const rel = (p: string) => path.relative(process.cwd(), path.join(repoRoot, p));
const config = rel("fixtures/mappers/config.json");
const tablet = rel("fixtures/idoc/loipro05-tablet-plain/idoc.xml");
const packetJson = rel("fixtures/idoc/loipro01-packet-json/idoc.json");
const deleted = rel("fixtures/idoc/loipro05-deleted-items/idoc.xml");
const dstGap = rel("fixtures/idoc/loipro05-dst-gap/idoc.xml");
const tmp = () => mkdtempSync(path.join(tmpdir(), "b2mml-map-"));

describe("b2mml map production-schedule", () => {
  test("LOIPRO-MAP-090 maps a LOIPRO file: the validated document on stdout, a summary on stderr, exit 0", async () => {
    const r = await run(["production-schedule", tablet, "--config", config]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toBe(
      readFileSync(path.join(repoRoot, "fixtures/mappers/loipro/loipro05-tablet-plain/expected.xml"), "utf8"),
    );
    expect(validateXsd(r.out).valid).toBe(true);
    expect(r.err).toMatch(/1 order\(s\) mapped, 0 warning\(s\); BODID S4PCLNT100\//);
  });

  test("LOIPRO-MAP-090 IDoc-JSON input and -o: the document goes to the file", async () => {
    const out = path.join(tmp(), "schedule.xml");
    const r = await run(["production-schedule", packetJson, "--config", config, "-o", out]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toBe("");
    expect(readFileSync(out, "utf8")).toContain("<ProcessProductionSchedule ");
    expect(r.err).toContain("2 order(s) mapped");
  });

  test("LOIPRO-MAP-090 warnings on stderr as path: code message", async () => {
    const r = await run(["production-schedule", deleted, "--config", config]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.err).toContain(
      "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]: DELETED_OPERATION_DROPPED operation 0025 has status I0013; not passed on [warning]",
    );
  });

  test("LOIPRO-MAP-090 a rejected mapping: errors on stderr, no document, exit 1", async () => {
    const dir = tmp();
    const narrow = path.join(dir, "config.json");
    writeFileSync(narrow, JSON.stringify({ plants: { CH01: { timeZone: "Europe/Zurich" } } }));
    const r = await run(["production-schedule", dstGap, "--config", narrow]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.out).toBe("");
    expect(r.err).toContain(
      'IDOC[1]/E1AFKOL/WERKS: MISSING_TIME_ZONE plant DE01 has no time zone in the configuration\'s "plants" (expected plants.DE01.timeZone, received "DE01")',
    );
    expect(r.err).toMatch(/rejected with \d+ error\(s\)/);
  });

  test("LOIPRO-MAP-090 unreadable, not well-formed or unsafe input, and a bad configuration: exit 3", async () => {
    const dir = tmp();
    const broken = path.join(dir, "broken.xml");
    writeFileSync(broken, "<LOIPRO05><IDOC>");
    const doctype = path.join(dir, "xxe.xml");
    writeFileSync(
      doctype,
      '<?xml version="1.0"?><!DOCTYPE LOIPRO05 [<!ENTITY x SYSTEM "file:///etc/passwd">]><LOIPRO05>&x;</LOIPRO05>',
    );
    const badConfig = path.join(dir, "config.json");
    writeFileSync(badConfig, JSON.stringify({ plants: { CH01: { timeZone: "Mars/Base" } } }));
    expect((await run(["production-schedule", path.join(dir, "missing.xml"), "--config", config])).code).toBe(
      ExitCode.INPUT_ERROR,
    );
    const notWellFormed = await run(["production-schedule", broken, "--config", config]);
    expect(notWellFormed.code).toBe(ExitCode.INPUT_ERROR);
    expect(notWellFormed.err).toMatch(/broken\.xml:\d+:\d+: .*\(XML_/);
    expect((await run(["production-schedule", doctype, "--config", config])).code).toBe(ExitCode.INPUT_ERROR);
    const bad = await run(["production-schedule", tablet, "--config", badConfig]);
    expect(bad.code).toBe(ExitCode.INPUT_ERROR);
    expect(bad.err).toContain("plants.CH01.timeZone: CONFIG_INVALID");
    expect((await run(["production-schedule", tablet, "--config", path.join(dir, "none.json")])).code).toBe(
      ExitCode.INPUT_ERROR,
    );
  });

  test("LOIPRO-MAP-090 usage errors: exit 2", async () => {
    for (const args of [
      [],
      ["production-schedule"],
      ["production-order", tablet, "--config", config],
      ["production-schedule", tablet],
      ["production-schedule", tablet, "--config", config, "--verb", "Change"],
      ["production-schedule", tablet, "--config", config, "--bogus"],
      ["production-schedule", tablet, tablet, "--config", config],
    ])
      expect((await run(args)).code, args.join(" ")).toBe(ExitCode.USAGE);
    const help = await run(["--help"]);
    expect(help.code).toBe(ExitCode.OK);
    expect(help.out).toContain("b2mml map production-schedule");
    expect(MAIN_HELP).toContain("map ");
  });

  test("LOIPRO-MAP-091 --strict rejects a mapping that has warnings: exit 1, no document", async () => {
    const r = await run(["production-schedule", deleted, "--config", config, "--strict"]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.out).toBe("");
    expect(r.err).toContain("rejected under --strict");
    // the tablet order has no warning but fields without a B2MML home: --strict rejects those too since
    // issue #10 (an order whose every field is carried maps under --strict: test/cli/map-unmapped-cli.test.ts)
    const tabletStrict = await run(["production-schedule", tablet, "--config", config, "--strict"]);
    expect(tabletStrict.code).toBe(ExitCode.FINDINGS);
    expect(tabletStrict.err).toContain("rejected under --strict: 0 warning(s), ");
  });

  test("LOIPRO-MAP-092 --verb Sync and --created", async () => {
    const r = await run(["production-schedule", tablet, "--config", config, "--verb", "Sync"]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toContain("<SyncProductionSchedule ");
    // the tablet order without CREDAT (the non-SAP sample is rejected since issue #10: SNDPRN > CHAR10)
    const sample = path.join(tmp(), "no-credat.xml");
    writeFileSync(sample, readFileSync(tablet, "utf8").replace(/<CREDAT>\d+<\/CREDAT>/, ""));
    const withoutCredat = await run(["production-schedule", sample, "--config", config]);
    expect(withoutCredat.code).toBe(ExitCode.FINDINGS);
    expect(withoutCredat.err).toContain("IDOC[1]/EDI_DC40/CREDAT: MISSING_FIELD");
    const created = await run([
      "production-schedule",
      sample,
      "--config",
      config,
      "--created",
      "2023-12-10T18:00:00+01:00",
    ]);
    expect(created.code).toBe(ExitCode.OK);
    expect(created.out).toContain("<CreationDateTime>2023-12-10T18:00:00+01:00</CreationDateTime>");
  });
});
