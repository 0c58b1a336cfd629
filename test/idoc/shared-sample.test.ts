/**
 * The non-SAP LOIPRO05 sample beside the project (../shared/idoc-samples, Apache-2.0, read in place, never
 * copied): SOAP namespace, no SEGMENT attributes, non-standard element order, unpadded numbers. The
 * lenient reader reads it with warnings, and two errors: values longer than their SAP field (SNDPRN
 * "AX2012 Manu" CHAR10, STLNR "PPT-743944" CHAR8; issue #10); strict mode adds the XSD errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { allSegments, nonSapSample } from "./helpers.js";

const present = existsSync(nonSapSample);
if (!present)
  console.warn(
    `${nonSapSample} is absent: the shared IDoc samples are reference data beside the project; skipped`,
  );

describe.skipIf(!present)("non-SAP LOIPRO05 sample", () => {
  const read = (strict = false) =>
    readIdoc(readFileSync(nonSapSample), { file: "nonsap-erp-LOIPRO05.xml", strict });

  test("lenient: every deviation named; values beyond their SAP length are errors", () => {
    const { idocs, issues } = read();
    expect(
      issues.filter((i) => i.severity === "error").map((i) => [i.code, renderIssuePath(i), i.line]),
    ).toEqual([
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/EDI_DC40/SNDPRN", 5],
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/STLNR", 20],
    ]);
    expect([...new Set(issues.map((i) => i.code))].sort()).toEqual([
      "IDOC_CONTROL_FIELD_MISSING",
      "IDOC_SEGMENT_ORDER",
      "IDOC_UNKNOWN_FIELD",
      "IDOC_VALUE_TOO_LONG",
    ]);
    expect(
      issues.filter((i) => i.code === "IDOC_CONTROL_FIELD_MISSING").map((i) => renderIssuePath(i)),
    ).toEqual(["IDOC[1]/EDI_DC40/IDOCTYP", "IDOC[1]/EDI_DC40/CREDAT", "IDOC[1]/EDI_DC40/CRETIM"]);
    const [doc] = idocs;
    expect(doc).toMatchObject({ basicType: "LOIPRO05", messageType: "LOIPRO" });
    expect(doc?.control).toEqual({ MESTYP: "LOIPRO", DOCNUM: "0000000000007699" });
    expect(doc?.controlRaw?.SNDPRN).toBe("AX2012 Manu");
    const header = doc?.segments[0];
    expect(header?.fields).toMatchObject({
      AUFNR: "208277437",
      MATNR: "S1SP02677",
      GAMNG: "200",
      GLUZP: "13:58:42",
    });
    const components = allSegments(doc?.segments ?? [], "E1RESBL");
    expect(components.map((c) => [c.path, c.fields.MATNR, c.fields.BDMNG, c.fields.MEINS])).toEqual([
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/E1RESBL[1]", "R1CH01007", "3560.1", "CM"],
      ["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/E1RESBL[2]", "R1MF00012", "400", "EA"],
    ]);
    const ops = allSegments(doc?.segments ?? [], "E1AFVOL");
    expect(ops.map((o) => [o.fields.VORNR, o.fields.LTXA1, o.fields.RUEK])).toEqual([
      ["0009", "Basket assign", ""],
      ["0010", "", "0"],
      ["0020", "", "0"],
    ]);
  });

  test("strict: XSD errors with paths and lines", () => {
    const errors = read(true).issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, renderIssuePath(i), i.line])).toEqual([
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/EDI_DC40/SNDPRN", 5],
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/STLNR", 20],
      ["XSD_INVALID_VALUE", "IDOC[1]/EDI_DC40/SNDPRN", 5],
      ["XSD_INVALID_VALUE", "IDOC[1]/E1AFKOL/STLNR", 20],
      ["XSD_UNEXPECTED_ELEMENT", "IDOC[1]/E1AFKOL/E1AFPOL", 39],
    ]);
  });
});
