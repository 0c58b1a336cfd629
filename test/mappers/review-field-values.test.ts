/**
 * Issue #10 item 1: a value the writer cannot carry (NUL, another C0 control character, a lone surrogate),
 * a value longer than its SAP field length, or a number outside its SAP type is rejected with a code
 * naming the field (IDoc path), never built into a document (which ended in "bug: mapper built an invalid
 * document", exit 70). Lengths and ranges come from the project's IDoc schemas (xsd/idoc).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { repoRoot } from "../helpers/paths.js";

const rejected = (name: string) => path.join(repoRoot, "fixtures/idoc/rejected", name, "idoc.json");
const CONFIG = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8"));
const tablet = path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml");

function errorsOf(input: string | Uint8Array): [string, string][] {
  const result = mapLoiproToProductionSchedule(readIdoc(input), CONFIG);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map((e) => [e.code, renderIssuePath(e)]);
}

describe("values the mapping cannot carry are errors naming the field", () => {
  test("IDoc-JSON with NUL, other C0 characters, a tab in a key and a lone surrogate", () => {
    expect(errorsOf(readFileSync(rejected("json-control-characters")))).toEqual([
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/AUFNR"],
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/MATNR_LONG"],
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/LTXA1"],
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/ARBPL"],
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/LTXA1"],
      ["INVALID_VALUE", "IDOC[1]/E1AFKOL/AUFNR"],
    ]);
  });

  test("values beyond their SAP length or range: AUFNR of 25 digits, GAMNG 1E+399, QUAN digits, UNIT of 4", () => {
    expect(errorsOf(readFileSync(rejected("out-of-range")))).toEqual([
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/AUFNR"],
      ["IDOC_VALUE_OUT_OF_RANGE", "IDOC[1]/E1AFKOL/GAMNG"],
      ["IDOC_VALUE_OUT_OF_RANGE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/MGVRG"],
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/MEINH"],
      ["IDOC_VALUE_OUT_OF_RANGE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VGW01"],
      ["INVALID_VALUE", "IDOC[1]/E1AFKOL/AUFNR"],
      ["INVALID_QUANTITY", "IDOC[1]/E1AFKOL/GAMNG"],
      ["INVALID_QUANTITY", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/MGVRG"],
      ["INVALID_VALUE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/MEINH"],
      ["INVALID_VALUE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/MEINH"],
      ["INVALID_QUANTITY", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VGW01"],
    ]);
  });

  test("IDoc-XML with a 24 MB multibyte LTXA1 (CHAR40): IDOC_VALUE_TOO_LONG, the message without the value", () => {
    // 8 M characters of 3 bytes each: 24 MB of UTF-8, within the reader's default limits
    const xml = readFileSync(tablet, "utf8").replace(
      "<LTXA1>Dispensing and wet granulation</LTXA1>",
      `<LTXA1>${"€".repeat(8_000_000)}</LTXA1>`,
    );
    const bytes = new TextEncoder().encode(xml);
    expect(bytes.length).toBeGreaterThan(24_000_000);
    const packet = readIdoc(bytes);
    const result = mapLoiproToProductionSchedule(packet, CONFIG);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, renderIssuePath(e)])).toEqual([
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/LTXA1"],
    ]);
    expect(result.errors[0]?.message).toBe(
      "LTXA1: 8000000 characters, more than the SAP field length 40 (CHAR40); the field is left out of the normalized fields (raw value kept)",
    );
  });

  const allowed: readonly [name: string, value: string][] = [
    ["a tab, CR and LF inside a text", "Dispensing\tand\r\nwet granulation"],
    ["a character outside the BMP (a surrogate pair)", "Granulation 𝔊"],
    ["exactly 40 characters", "x".repeat(40)],
  ];
  test.each(allowed)("LTXA1 with %s is carried", (_name, value) => {
    const xml = readFileSync(tablet, "utf8").replace(
      "<LTXA1>Dispensing and wet granulation</LTXA1>",
      `<LTXA1>${value.replace(/\r/g, "&#13;")}</LTXA1>`,
    );
    const packet = readIdoc(xml);
    expect(packet.issues.filter((i) => i.severity === "error")).toEqual([]);
    const op = packet.idocs[0]?.segments[0]?.segments.find((s) => s.name === "E1AFFLL")?.segments[0];
    expect(op?.fields.LTXA1).toBe(value);
  });
});
