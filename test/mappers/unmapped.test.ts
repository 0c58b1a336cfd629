/**
 * Issue #10 item 4: every mapping returns the account of the source fields it did not carry, `{ path,
 * reason, message }` per field in document order; a segment left out by a documented rule reports its
 * fields with the rule; the account never changes the document.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { unmappedAsIssues } from "../../src/mappers/shared/unmapped.js";
import { repoRoot } from "../helpers/paths.js";
import { CONFIG, packetOf, seg, typicalOrder } from "./helpers/build-packet.js";

const fixtureConfig = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8"));
const fixture = (name: string) =>
  readIdoc(readFileSync(path.join(repoRoot, "fixtures/idoc", name, "idoc.xml")), { file: name });

describe("the unmapped-field account of the LOIPRO mapping", () => {
  test("LOIPRO-MAP-085 a typical order: exactly the fields without a B2MML home, in document order", () => {
    const order = typicalOrder({
      header: { DISPO: "001", GSTRP: "2026-03-30" },
      extra: [seg("E1AFABL", { AUFPL: "0000129194" })],
    });
    const result = mapLoiproToProductionSchedule(packetOf({ segments: [order] }), CONFIG);
    expect(result.ok).toBe(true);
    expect(result.unmapped.map((u) => [u.path, u.reason])).toEqual([
      ["IDOC[1]/E1AFKOL/DISPO", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/GSTRP", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFPOL/MATNR_LONG", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFPOL/PSMNG", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFPOL/AMEIN", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/FSEDD", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/FSEDZ", "no-b2mml-home"],
      ["IDOC[1]/E1AFKOL/E1AFABL/AUFPL", "segment-not-mapped"],
    ]);
    expect(result.unmapped[0]?.message).toBe("E1AFKOL-DISPO has no place in the ProductionSchedule mapping");
    expect(result.unmapped.at(-1)?.message).toBe("the segment E1AFABL is not mapped to ProductionSchedule");
  });

  test("LOIPRO-MAP-086 deleted operations and components report their fields with the rule that dropped them", () => {
    const result = mapLoiproToProductionSchedule(fixture("loipro05-deleted-items"), fixtureConfig);
    expect(result.ok).toBe(true);
    const skipped = result.unmapped.filter((u) => u.reason === "segment-skipped");
    const bySegment = new Map<string, string>();
    for (const u of skipped) bySegment.set(u.path.slice(0, u.path.lastIndexOf("/")), u.message);
    expect([...bySegment]).toEqual([
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[4]", "deleted component: XLOEK = X (LOIPRO-MAP-035)"],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]", "operation 0025 is deleted (status I0013; LOIPRO-MAP-028)"],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/E1AFVOL2",
        "operation 0025 is deleted (status I0013; LOIPRO-MAP-028)",
      ],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/E1JSTVL[1]",
        "operation 0025 is deleted (status I0013; LOIPRO-MAP-028)",
      ],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/E1JSTVL[2]",
        "operation 0025 is deleted (status I0013; LOIPRO-MAP-028)",
      ],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[5]", "operation 0035 is deleted (status I0076; LOIPRO-MAP-028)"],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[5]/E1AFVOL2",
        "operation 0035 is deleted (status I0076; LOIPRO-MAP-028)",
      ],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[5]/E1JSTVL[1]",
        "operation 0035 is deleted (status I0076; LOIPRO-MAP-028)",
      ],
      [
        "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[5]/E1JSTVL[2]",
        "operation 0035 is deleted (status I0076; LOIPRO-MAP-028)",
      ],
    ]);
  });

  test("LOIPRO-MAP-085 unknown fields and segments are accounted with their reason; the document is unchanged", () => {
    const packet = fixture("zloipro01-extension");
    const result = mapLoiproToProductionSchedule(packet, fixtureConfig);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.unmapped.filter((u) => u.reason.startsWith("unknown")).map((u) => [u.path, u.reason]),
    ).toEqual([
      ["IDOC[1]/E1AFKOL/ZZCAMPAIGN", "unknown-field"],
      ["IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZGMP_CLASS", "unknown-segment"],
      ["IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZQA_RELEASE_REQ", "unknown-segment"],
      ["IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZCLEAN_STATUS", "unknown-segment"],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[2]/ZZWEIGH_BOOTH", "unknown-field"],
    ]);
    expect(result.xml).toBe(
      readFileSync(path.join(repoRoot, "fixtures/mappers/loipro/zloipro01-extension/expected.xml"), "utf8"),
    );
  });

  test("unmappedAsIssues: UNMAPPED_FIELD at the path, for --strict", () => {
    expect(
      unmappedAsIssues([
        { path: "IDOC[1]/E1AFKOL/DISPO", reason: "no-b2mml-home", message: "E1AFKOL-DISPO has no place" },
      ]),
    ).toEqual([
      {
        code: "UNMAPPED_FIELD",
        severity: "error",
        origin: "mapping",
        path: "IDOC[1]/E1AFKOL/DISPO",
        message: "not carried into the output: E1AFKOL-DISPO has no place",
        expected: "every source field carried, or not sent",
        received: "no-b2mml-home",
      },
    ]);
  });
});
