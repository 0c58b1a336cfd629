/**
 * Issue #10 item 2, time tickets and goods movements: an unreadable CREDAT or CRETIM in the control record
 * is an error at the field, never read as absent or as midnight (reproduction inputs in
 * fixtures/idoc/rejected/perf-*).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../../src/idoc/index.js";
import { mapIdocsToProductionPerformance } from "../../../src/mappers/index.js";
import { mapIssuePath } from "../../../src/mappers/issues.js";
import { repoRoot } from "../../helpers/paths.js";

const CONFIG = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8"));
const errorsOf = (name: string) => {
  const packet = readIdoc(
    readFileSync(path.join(repoRoot, "fixtures/idoc/rejected", name, "timeticket.xml")),
  );
  const result = mapIdocsToProductionPerformance(packet, CONFIG);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => [e.code, mapIssuePath(e), e.received]);
};

describe("the control record's creation date and time", () => {
  test("PERF-MAP-002 an invalid CREDAT is INVALID_DATE, not a missing date", () => {
    expect(errorsOf("perf-credat-invalid")).toEqual([
      ["INVALID_DATE", "IDOC[1]/EDI_DC40/CREDAT", "20260431"],
    ]);
  });

  test("PERF-MAP-002 CRETIM 999999 is INVALID_TIME, not midnight", () => {
    expect(errorsOf("perf-cretim-999999")).toEqual([["INVALID_TIME", "IDOC[1]/EDI_DC40/CRETIM", "999999"]]);
  });
});
