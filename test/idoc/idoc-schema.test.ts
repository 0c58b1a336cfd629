/** The IDoc schemas: they compile in libxml2, and the reader's view of them is what the reference says. */
import { expect, test } from "vitest";
import { IDOC_SCHEMA_ENTRY, idocSchema, idocSchemaDir } from "../../src/idoc/index.js";
import { loadSchemaSet } from "../../src/validation/index.js";

test("xsd/idoc compiles", () => {
  const set = loadSchemaSet({ dir: idocSchemaDir(), entry: IDOC_SCHEMA_ENTRY });
  expect(set.files.map((f) => f.file.split("/").pop()).sort()).toEqual([
    "idoc.xsd",
    "loipro-common.xsd",
    "loipro01.xsd",
    "loipro05.xsd",
    "mbgmcr.xsd",
    "mes-to-erp-segments.xsd",
    "ppcc2pretticket.xsd",
    "sap-data-types.xsd",
    "segments.xsd",
  ]);
});

test("basic types and their segment trees", () => {
  const schema = idocSchema();
  expect([...schema.basicTypes.keys()]).toEqual([
    "LOIPRO01",
    "LOIPRO05",
    "MBGMCR02",
    "MBGMCR03",
    "MBGMCR04",
    "PPCC2PRETTICKET01",
    "PPCC2PRETTICKET02",
  ]);
  const idoc05 = schema.basicTypes.get("LOIPRO05");
  const header = idoc05?.children.get("E1AFKOL");
  expect(header).toMatchObject({ min: 1, max: 1 });
  expect([...(header?.spec.children.keys() ?? [])]).toEqual([
    "E1VCCHR",
    "E1JSTKL",
    "E1AFABL",
    "E1AFFLL",
    "E1AFPOL",
  ]);
  const op = header?.spec.children.get("E1AFFLL")?.spec.children.get("E1AFVOL")?.spec;
  expect([...(op?.children.keys() ?? [])]).toEqual([
    "E1AFVOL2",
    "E1AFREF",
    "E1JSTVL",
    "E1RESBL",
    "E1AFUVL",
    "E1KBEDL",
    "E1AFDOC",
  ]);
  const op01 = schema.basicTypes
    .get("LOIPRO01")
    ?.children.get("E1AFKOL")
    ?.spec.children.get("E1AFFLL")
    ?.spec.children.get("E1AFVOL")?.spec;
  expect([...(op01?.children.keys() ?? [])]).toEqual(["E1JSTVL", "E1RESBL", "E1AFUVL", "E1KBEDL"]);
});

test.each([
  ["E1AFKOL", "AUFNR", { kind: "ALPHA", typeName: "ALPHA12", length: 12 }],
  ["E1AFKOL", "KDAUF", { kind: "ALPHA", typeName: "ALPHA10", length: 10 }],
  ["E1AFKOL", "MATNR", { kind: "MATN1", typeName: "MATN1_18", length: 18 }],
  ["E1AFKOL", "MATNR_LONG", { kind: "MATN1", typeName: "MATN1_40", length: 40 }],
  ["E1AFKOL", "GAMNG", { kind: "QUAN", typeName: "QUAN13_3" }],
  ["E1AFKOL", "GLUZP", { kind: "TIMS", typeName: "TIMS6", length: 6 }],
  ["E1AFKOL", "GSTRP", { kind: "DATS", typeName: "DATS8", length: 8 }],
  ["E1AFVOL", "BEARZ", { kind: "FLTP", typeName: "FLTP16" }],
  ["E1AFVOL", "VGW01", { kind: "QUAN", typeName: "QUAN9_3" }],
  ["E1RESBL", "RSNUM", { kind: "NUMC", typeName: "NUMC10", length: 10 }],
  ["E1RESBL", "CHARG", { kind: "UPPER", typeName: "UPPER10", length: 10 }],
  ["E1RESBL", "MEINS", { kind: "UNIT", typeName: "UNIT3", length: 3 }],
  ["E1AFPOL", "UNTTO", { kind: "DEC", typeName: "DEC3_1" }],
  ["EDI_DC40", "DOCNUM", { kind: "NUMC", typeName: "NUMC16", length: 16 }],
  ["EDI_DC40", "CREDAT", { kind: "DATS", typeName: "DATS8", length: 8 }],
])("%s-%s has its SAP data type", (segment, field, type) => {
  expect(idocSchema().catalogue.get(segment)?.fields.get(field)).toEqual(type);
});
