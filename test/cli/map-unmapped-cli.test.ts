/**
 * `b2mml map … --report-unmapped` lists the source fields not carried into the document; `--strict`
 * rejects a mapping with any of them (UNMAPPED_FIELD) (issue #10 item 4).
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

/** The CLI in this process: stdout as written, stderr a line per message. */
const run = async (args: string[]) => {
  const r = await runInProcess(["map", ...args], { outAsWritten: true });
  return { ...r, code: r.code ?? -1 };
};

const rel = (p: string) => path.relative(process.cwd(), path.join(repoRoot, p));
const config = rel("fixtures/mappers/config.json");
const fullyMapped = rel("fixtures/mappers/loipro/unmapped-cli/fully-mapped.xml");
const withUnmapped = rel("fixtures/mappers/loipro/unmapped-cli/with-unmapped.xml");
const zloipro = rel("fixtures/idoc/zloipro01-extension/idoc.xml");
const userConfig = rel("fixtures/mappers/loipro/user-schemas/config.json");
const ticket = rel("fixtures/mappers/performance/unmapped-cli/timeticket.xml");

describe("unmapped fields on the command line", () => {
  test("LOIPRO-MAP-093 --report-unmapped lists every field not carried, one a line, and counts them", async () => {
    const r = await run(["production-schedule", withUnmapped, "--config", config, "--report-unmapped"]);
    expect(r.code).toBe(ExitCode.OK);
    const lines = r.err.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      "IDOC[1]/E1AFKOL/DISPO: unmapped no-b2mml-home E1AFKOL-DISPO has no place in the ProductionSchedule mapping",
      "IDOC[1]/E1AFKOL/E1AFPOL/E1AFSER/SERNR: unmapped segment-not-mapped the segment E1AFSER is not mapped to ProductionSchedule",
    ]);
    expect(lines.at(-1)).toMatch(/: 1 order\(s\) mapped, 0 warning\(s\), 2 unmapped field\(s\); BODID /);
  });

  test("LOIPRO-MAP-093 --strict: an unmapped field is the error UNMAPPED_FIELD, exit 1, no document", async () => {
    const r = await run(["production-schedule", withUnmapped, "--config", config, "--strict"]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toEqual([
      'IDOC[1]/E1AFKOL/DISPO: UNMAPPED_FIELD not carried into the output: E1AFKOL-DISPO has no place in the ProductionSchedule mapping (expected every source field carried, or not sent, received "no-b2mml-home")',
      'IDOC[1]/E1AFKOL/E1AFPOL/E1AFSER/SERNR: UNMAPPED_FIELD not carried into the output: the segment E1AFSER is not mapped to ProductionSchedule (expected every source field carried, or not sent, received "segment-not-mapped")',
      `b2mml map: ${withUnmapped}: rejected under --strict: 0 warning(s), 2 unmapped field(s); no document`,
    ]);
  });

  test("LOIPRO-MAP-093 --strict maps an order whose every field is carried", async () => {
    const r = await run([
      "production-schedule",
      fullyMapped,
      "--config",
      config,
      "--strict",
      "--report-unmapped",
    ]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.err).toMatch(
      /^b2mml map: .*: 1 order\(s\) mapped, 0 warning\(s\), 0 unmapped field\(s\); BODID /,
    );
  });

  test("PERF-MAP-090 map production-performance --report-unmapped lists the fields not carried", async () => {
    const r = await run(["production-performance", ticket, "--config", config, "--report-unmapped"]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.err.split("\n").filter((l) => l.includes(": unmapped "))).toEqual([
      "IDOC[1]/E1PPCC2PRETTICKET/E1BP_PP_TIMETICKET/ZZSHIFT: unmapped unknown-field ZZSHIFT is not declared for E1BP_PP_TIMETICKET in the IDoc schemas",
    ]);
  });

  test("LOIPRO-MAP-087 idocSchemas in the configuration: the user's Z-segment is read without warnings and accounted as not mapped", async () => {
    const r = await run(["production-schedule", zloipro, "--config", userConfig, "--report-unmapped"]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.err).not.toContain("IDOC_UNKNOWN");
    expect(r.err.split("\n").filter((l) => /Z1AFKOL_GMP|ZZCAMPAIGN|ZZWEIGH_BOOTH/.test(l))).toEqual([
      "IDOC[1]/E1AFKOL/ZZCAMPAIGN: unmapped no-b2mml-home E1AFKOL-ZZCAMPAIGN has no place in the ProductionSchedule mapping",
      "IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZGMP_CLASS: unmapped segment-not-mapped the segment Z1AFKOL_GMP is not mapped to ProductionSchedule",
      "IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZQA_RELEASE_REQ: unmapped segment-not-mapped the segment Z1AFKOL_GMP is not mapped to ProductionSchedule",
      "IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZCLEAN_STATUS: unmapped segment-not-mapped the segment Z1AFKOL_GMP is not mapped to ProductionSchedule",
      "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[2]/ZZWEIGH_BOOTH: unmapped no-b2mml-home E1RESBL-ZZWEIGH_BOOTH has no place in the ProductionSchedule mapping",
    ]);
  });
});
