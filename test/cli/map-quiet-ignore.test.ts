/**
 * `--quiet` and `--ignore CODE[,CODE]` on the map commands, run as the built CLI: the summary left out,
 * warnings with an ignored code left out of stderr, errors never.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { spawnCli } from "./helpers/run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "b2mml-map-quiet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = "fixtures/mappers/config.json";
const ticket = "fixtures/idoc/perf-tt-final-scrap-rework/timeticket.xml";
const order = "fixtures/idoc/loipro05-tablet-plain/idoc.xml";
const performance = "fixtures/b2mml-v0600/valid/sync-production-performance/document.xml";
const postingsConfig = "fixtures/mappers/erp-postings/config.json";

describe("map --quiet and --ignore", () => {
  test("production-schedule --quiet: the document, nothing on stderr", async () => {
    const run = await spawnCli(["map", "production-schedule", order, "--config", config, "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    expect(run.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ProcessProductionSchedule ')).toBe(
      true,
    );
  });

  test("production-performance --quiet --ignore: the warning and the summary left out, the same document", async () => {
    const args = ["map", "production-performance", ticket, "--config", config, "--order-context", order];
    const full = await spawnCli(args);
    expect(full.err.split("\n")[0]).toMatch(/^IDOC\[1\]\/EDI_DC40\/CREDAT: CREATION_ZONE_FROM_PLANT /);
    const quiet = await spawnCli([...args, "--quiet", "--ignore", "CREATION_ZONE_FROM_PLANT"]);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
    expect(quiet.out).toBe(full.out);
  });

  test("erp-postings --quiet --ignore one code: the other warnings stay, no summary", async () => {
    const out = path.join(dir, "idocs");
    const run = await spawnCli([
      "map",
      "erp-postings",
      performance,
      "--config",
      postingsConfig,
      "--out-dir",
      out,
      "--quiet",
      "--ignore",
      "FRACTION_OF_SECOND_DROPPED",
    ]);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      '/SyncProductionPerformance/ApplicationArea/CreationDateTime: CREATION_ZONE_FROM_PLANT the sending system MESCLNT has no time zone in the configuration\'s "systems"; CREDAT/CRETIM are written in the zone Europe/Berlin of plant 1000 [warning]\n',
    );
    expect(run.out.split("\n").filter((l) => l !== "").length).toBe(3);
  });

  test("--ignore cannot drop an error: the rejection is reported in full, exit 1", async () => {
    const run = await spawnCli([
      "map",
      "production-performance",
      ticket,
      "--config",
      config,
      "--quiet",
      "--ignore",
      "MISSING_FIELD,CREATION_ZONE_FROM_PLANT",
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toBe(
      'IDOC[1]/E1BP_PP_TIMETICKET[2]/ORDERID: MISSING_FIELD the time ticket has no ORDERID, and confirmation 0000712046 is not in the order context (expected ORDERID, or CONF_NO with --order-context, received "")\n' +
        'IDOC[1]/E1BP_PP_TIMETICKET[2]/OPERATION: MISSING_FIELD the time ticket has no OPERATION, and confirmation 0000712046 is not in the order context (expected OPERATION, or CONF_NO with --order-context, received "")\n' +
        "b2mml map: " +
        ticket +
        ": rejected with 2 error(s), 1 warning(s); no document\n",
    );
  });

  test("--ignore with something that is not a code is a usage error (exit 2)", async () => {
    const run = await spawnCli(["map", "production-schedule", order, "--config", config, "--ignore", "a b"]);
    expect(run.code).toBe(2);
    expect(run.err.split("\n")[0]).toBe(
      'b2mml map: --ignore "a b": "a b" is not a code; expected comma-separated codes such as B2MML-TIME-001',
    );
  });
});
