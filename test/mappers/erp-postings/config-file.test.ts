/**
 * One configuration file for every map command (issue #12, PERF-POST-081) and the one plant rule of the
 * configurations (PERF-POST-080): the postings of a plant the inbound configuration accepts (`HZ001`).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../../src/cli/exit-codes.js";
import { readIdoc } from "../../../src/idoc/index.js";
import { mapProductionPerformanceToErpPostings } from "../../../src/mappers/production-performance-to-erp/index.js";
import { runInProcess } from "../../cli/helpers/run-cli.js";
import { repoRoot } from "../../helpers/paths.js";
import { casesDir, loadConfig, performanceXml } from "./helpers.js";

/** The CLI in this process: stdout as written, stderr a line per message. */
const run = async (args: string[]) => {
  const r = await runInProcess(args, { outAsWritten: true });
  return { ...r, code: r.code ?? -1 };
};

const oneFile = path.join(casesDir, "one-config-file/config.json");
const fixture = (p: string) => path.join(repoRoot, p);

describe("one configuration file", () => {
  test("PERF-POST-081 map erp-postings reads the one file (with $schema): the same IDocs as with its own file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "b2mml-one-config-"));
    const sync = fixture("fixtures/b2mml-v0600/valid/sync-production-performance/document.xml");
    const r = await run(["map", "erp-postings", sync, "--config", oneFile, "--out-dir", dir]);
    expect(r.code, r.err).toBe(ExitCode.OK);
    const golden = path.join(casesDir, "tt-yield-activities-final/expected");
    expect(readdirSync(dir).sort()).toEqual(readdirSync(golden).sort());
    for (const f of readdirSync(dir))
      expect(readFileSync(path.join(dir, f), "utf8")).toBe(readFileSync(path.join(golden, f), "utf8"));
  });

  test("PERF-POST-081 map production-schedule reads the same file, postings section included: the same document as with the shared file", async () => {
    const idoc = fixture("fixtures/idoc/loipro05-tablet-plain/idoc.xml");
    const withOne = await run(["map", "production-schedule", idoc, "--config", oneFile]);
    const withShared = await run([
      "map",
      "production-schedule",
      idoc,
      "--config",
      fixture("fixtures/mappers/config.json"),
    ]);
    expect(withOne.code, withOne.err).toBe(ExitCode.OK);
    expect(withShared.code).toBe(ExitCode.OK);
    expect(withOne.out).toBe(withShared.out);
    expect(withOne.out.length).toBeGreaterThan(1000);
  });

  test("PERF-POST-081 a bad postings section is refused by map production-schedule too (exit 3, the key path)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "b2mml-one-config-"));
    const bad = path.join(dir, "config.json");
    const config = JSON.parse(readFileSync(oneFile, "utf8")) as { postings: Record<string, unknown> };
    config.postings.plnt = "1000";
    writeFileSync(bad, JSON.stringify(config));
    const r = await run([
      "map",
      "production-schedule",
      fixture("fixtures/idoc/loipro05-tablet-plain/idoc.xml"),
      "--config",
      bad,
    ]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.err).toContain(`${bad}: postings.plnt: CONFIG_INVALID unknown key "plnt"`);
  });
});

test("PERF-POST-080 the 5-character plant HZ001 the inbound configuration accepts is accepted and posted", () => {
  const config = {
    ...loadConfig(),
    plants: { HZ001: { timeZone: "Asia/Shanghai" } },
  };
  const postings = {
    ...config.postings,
    plant: "HZ001",
    storageLocations: { HZ001: { receipt: "101A", issue: "101A" } },
  };
  const xml = performanceXml(
    `<SegmentResponse><ID>10</ID><ActualEndTime>2026-04-15T17:00:00+02:00</ActualEndTime><MaterialProducedActual><MaterialDefinitionID>4711</MaterialDefinitionID><Quantity><QuantityString unitCode="KGM">10</QuantityString><UnitOfMeasure>KGM</UnitOfMeasure></Quantity></MaterialProducedActual></SegmentResponse>`,
  );
  const result = mapProductionPerformanceToErpPostings(xml, { ...config, postings });
  expect(result.ok && result.idocs.length).toBe(1);
  if (!result.ok) return;
  const packet = readIdoc(result.idocs[0]?.xml ?? "", { strict: true });
  expect(packet.issues).toEqual([]);
  const ticket = packet.idocs[0]?.segments[0]?.segments[0];
  expect(ticket?.raw.PLANT).toBe("HZ001");
  expect(ticket?.raw.POSTG_DATE).toBe("20260415");
});
