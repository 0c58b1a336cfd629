/**
 * Issue #10 item 2: no business value is changed silently. Each case is a reproduction input in
 * fixtures/idoc/rejected/<case>/ (the tablet order with one value changed) and must be an error naming
 * the field: never a default, a substitute, a vanished parameter or a doubled quantity.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { repoRoot } from "../helpers/paths.js";

const CONFIG = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8"));
const input = (name: string) => readFileSync(path.join(repoRoot, "fixtures/idoc/rejected", name, "idoc.xml"));
const created = "2026-04-10T14:35:12+02:00";

function errorsOf(name: string, creationDateTime?: string) {
  const result = mapLoiproToProductionSchedule(
    readIdoc(input(name)),
    CONFIG,
    creationDateTime === undefined ? {} : { creationDateTime },
  );
  expect(result.ok).toBe(false);
  if (result.ok) return { errors: [], warnings: [] };
  return {
    errors: result.errors.map((e) => [e.code, mapIssuePath(e), e.received]),
    warnings: result.warnings.map((w) => w.code),
  };
}

describe("no silent change of a business value", () => {
  test("LOIPRO-MAP-002 CRETIM 999999 is INVALID_TIME, not midnight", () => {
    expect(errorsOf("cretim-999999").errors).toEqual([["INVALID_TIME", "IDOC[1]/EDI_DC40/CRETIM", "999999"]]);
  });

  test("LOIPRO-MAP-002 an invalid CREDAT is INVALID_DATE and is not replaced by the caller's creation time", () => {
    const { errors, warnings } = errorsOf("credat-invalid", created);
    expect(errors).toEqual([["INVALID_DATE", "IDOC[1]/EDI_DC40/CREDAT", "20261345"]]);
    expect(warnings).not.toContain("CREATION_TIME_FROM_OPTION");
  });

  test("LOIPRO-MAP-041 MGVRG and VGW01 'abc' are INVALID_QUANTITY, not a vanished parameter", () => {
    expect(errorsOf("quantity-not-a-number").errors).toEqual([
      ["INVALID_QUANTITY", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/MGVRG", "abc"],
      ["INVALID_QUANTITY", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/VGW01", "abc"],
    ]);
  });

  test("LOIPRO-MAP-037 a reservation item given twice is DUPLICATE_COMPONENT, not a doubled consumption", () => {
    expect(errorsOf("duplicate-reservation").errors).toEqual([
      ["DUPLICATE_COMPONENT", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[2]/RSPOS", "0002204117/0001"],
    ]);
  });
});
