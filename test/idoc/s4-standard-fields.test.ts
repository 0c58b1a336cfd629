/**
 * Issue #10 item 3: the standard fields a current S/4HANA release sends in LOIPRO05 (the real S/4 order
 * the reference describes, DOCREL 758) are declared in xsd/idoc: read without IDOC_UNKNOWN_FIELD. Before,
 * these 25 field names gave 119 warnings on that order. The project's own fixture
 * loipro05-s4-make-to-order carries all of them and reads without any issue, lenient or strict.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { idocFixturesDir } from "./helpers.js";

/** [segment, field, a value as S/4 writes it] */
const S4_FIELDS: readonly [segment: "EDI_DC40" | "E1AFKOL" | "E1AFVOL" | "E1RESBL", string, string][] = [
  ["EDI_DC40", "CUSTOMED_EXT_DOC_TYPE", "LOIPRO05"],
  ["E1AFKOL", "LODIV", "0.000"],
  ["E1AFKOL", "PSPEL", "00000000"],
  ["E1AFKOL", "SLSBS", "0.000"],
  ["E1AFKOL", "SLSVN", "0.000"],
  ["E1AFVOL", "ARBEI", "0.0"],
  ["E1AFVOL", "AUFAK", "0.000"],
  ["E1AFVOL", "CY_SEQNRV", "00000000000000"],
  ["E1AFVOL", "DAUNO", "0.0"],
  ["E1AFVOL", "DAUMI", "0.0"],
  ["E1AFVOL", "FSSLD", "20260414"],
  ["E1AFVOL", "FSSLZ", "165808"],
  ["E1AFVOL", "SSSLD", "20260414"],
  ["E1AFVOL", "SSSLZ", "165808"],
  ["E1AFVOL", "PRZNT", "0"],
  ["E1AFVOL", "SPLIM", "0"],
  ["E1AFVOL", "ZLPRO", "0.000"],
  ["E1AFVOL", "ZMINU", "0.000"],
  ["E1AFVOL", "ZWMIN", "0.000"],
  ["E1RESBL", "AFPOS", "0000"],
  ["E1RESBL", "AUFST", "00"],
  ["E1RESBL", "AUFWG", "00"],
  ["E1RESBL", "BAUST", "00"],
  ["E1RESBL", "BAUWG", "00"],
  ["E1RESBL", "MRPOS", "0000"],
];

function idocWith(segment: string, field: string, value: string): string {
  const f = (s: string) => (s === segment ? `<${field}>${value}</${field}>` : "");
  return `<LOIPRO05><IDOC BEGIN="1">
<EDI_DC40 SEGMENT="1"><IDOCTYP>LOIPRO05</IDOCTYP><MESTYP>LOIPRO</MESTYP><DOCNUM>1</DOCNUM><SNDPRN>S4PCLNT100</SNDPRN><CREDAT>20260410</CREDAT><CRETIM>143512</CRETIM>${f("EDI_DC40")}</EDI_DC40>
<E1AFKOL SEGMENT="1"><AUFNR>1004716</AUFNR>${f("E1AFKOL")}
<E1AFFLL SEGMENT="1"><PLNFL>0</PLNFL><E1AFVOL SEGMENT="1"><VORNR>0010</VORNR>${f("E1AFVOL")}
<E1RESBL SEGMENT="1"><RSNUM>0002204117</RSNUM>${f("E1RESBL")}</E1RESBL></E1AFVOL></E1AFFLL>
<E1AFPOL SEGMENT="1"><POSNR>0001</POSNR></E1AFPOL></E1AFKOL></IDOC></LOIPRO05>`;
}

describe("S/4HANA standard fields of LOIPRO05", () => {
  test.each(S4_FIELDS)("%s-%s is a declared field: no issue, normalized", (segment, field, value) => {
    const { issues } = readIdoc(idocWith(segment, field, value));
    expect(issues).toEqual([]);
  });

  test("the S/4 make-to-order fixture reads without any issue, lenient and strict", () => {
    const xml = readFileSync(path.join(idocFixturesDir, "loipro05-s4-make-to-order/idoc.xml"));
    expect(readIdoc(xml).issues).toEqual([]);
    expect(readIdoc(xml, { strict: true }).issues).toEqual([]);
  });
});
