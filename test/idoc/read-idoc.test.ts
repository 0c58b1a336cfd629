/** The reader: forms (plain, SOAP, envelope, packet, JSON), attributes, unknowns, paths, lines, strict mode. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { XmlParseError } from "../../src/binding/xml-tree.js";
import { IdocInputError, readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { findSegment, idocFixturesDir, withoutLines, xmlToIdocJson } from "./helpers.js";

const fixture = (name: string, file = "idoc.xml") =>
  readFileSync(path.join(idocFixturesDir, name, file), "utf8");

import type { IdocIssue } from "../../src/idoc/model.js";

const codes = (issues: readonly IdocIssue[]) => issues.map((i) => `${renderIssuePath(i)} ${i.code}`);

/** A small LOIPRO01 with placeholders for the segment marker attribute. */
const small = (marker: string, begin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<LOIPRO01>
  <IDOC${begin}>
    <EDI_DC40${marker}>
      <TABNAM>EDI_DC40</TABNAM>
      <DOCNUM>0000000000000042</DOCNUM>
      <IDOCTYP>LOIPRO01</IDOCTYP>
      <MESTYP>LOIPRO</MESTYP>
      <SNDPRN>E1PCLNT300</SNDPRN>
      <CREDAT>20260329</CREDAT>
      <CRETIM>023000</CRETIM>
    </EDI_DC40>
    <E1AFKOL${marker}>
      <AUFNR>000001004799</AUFNR>
      <WERKS>DE01</WERKS>
      <MATNR>000000000000400123</MATNR>
      <GAMNG>1000.000</GAMNG>
      <GMEIN>ST</GMEIN>
      <E1AFFLL${marker}>
        <PLNFL>0</PLNFL>
        <E1AFVOL${marker}>
          <VORNR>0010</VORNR>
          <E1RESBL${marker}>
            <MATNR>000000000000100301</MATNR>
            <BDMNG>5.000</BDMNG>
            <MEINS>KG</MEINS>
          </E1RESBL>
        </E1AFVOL>
      </E1AFFLL>
      <E1AFPOL${marker}>
        <POSNR>0001</POSNR>
        <MATNR>000000000000400123</MATNR>
      </E1AFPOL>
    </E1AFKOL>
  </IDOC>
</LOIPRO01>
`;

describe("forms", () => {
  test("plain IDoc-XML: document, control record, normalized fields with raw values", () => {
    const { idocs, issues } = readIdoc(fixture("loipro05-tablet-plain"));
    expect(issues).toEqual([]);
    const [doc] = idocs;
    expect(doc).toMatchObject({ basicType: "LOIPRO05", messageType: "LOIPRO", path: "IDOC[1]" });
    expect(doc?.extension).toBeUndefined();
    expect(doc?.control).toMatchObject({
      DOCNUM: "0000000000581204",
      SNDPRN: "S4PCLNT100",
      CREDAT: "2026-04-10",
      CRETIM: "14:35:12",
    });
    const header = doc?.segments[0];
    expect(header?.name).toBe("E1AFKOL");
    expect(header?.fields).toMatchObject({
      AUFNR: "1004711",
      MATNR: "IBUPROFEN_400MG_FCT_BULK",
      GAMNG: "1200000.000",
      GLTRP: "2026-04-16",
      GLUZP: "24:00:00",
      GSUZP: "",
      GSTRI: "",
    });
    expect(header?.raw).toMatchObject({ GLUZP: "240000", GSUZP: "000000" });
    expect(header?.raw.MATNR).toBeUndefined();
    expect(findSegment(doc?.segments ?? [], "E1KBEDL")?.fields).toMatchObject({
      KBEASOLL: "21600",
      KEINH: "S",
    });
  });

  test("SOAP IDoc-XML (SAP namespace on the root) reads like plain", () => {
    const plain = readIdoc(fixture("loipro05-tablet-plain"));
    const soap = readIdoc(fixture("loipro05-tablet-soap"));
    expect(soap).toEqual(plain);
  });

  test("SOAP envelope (1.1 and 1.2) around the IDoc root", () => {
    const inner = fixture("loipro05-tablet-soap").replace(/^<\?xml[^>]*>\n/, "");
    for (const ns of [
      "http://schemas.xmlsoap.org/soap/envelope/",
      "http://www.w3.org/2003/05/soap-envelope",
    ]) {
      const xml = `<soap:Envelope xmlns:soap="${ns}"><soap:Header/><soap:Body>\n${inner}</soap:Body></soap:Envelope>`;
      const { idocs, issues } = readIdoc(xml);
      expect(issues).toEqual([]);
      expect(idocs[0]?.segments[0]?.fields.AUFNR).toBe("1004711");
      expect(idocs[0]?.segments[0]?.line).toBe(24);
    }
  });

  test("an empty SOAP body is no IDoc", () => {
    const xml = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>`;
    expect(codes(readIdoc(xml).issues)).toEqual([" IDOC_NOT_AN_IDOC"]);
  });

  test("a packet of two orders", () => {
    const { idocs, issues } = readIdoc(fixture("loipro01-packet"));
    expect(issues).toEqual([]);
    expect(idocs.map((d) => [d.path, d.control.DOCNUM, d.segments[0]?.fields.AUFNR])).toEqual([
      ["IDOC[1]", "0000000004471920", "1004712"],
      ["IDOC[2]", "0000000004471921", "1004713"],
    ]);
    expect(idocs[1]?.segments[0]?.segments[2]?.path).toEqual("IDOC[2]/E1AFKOL/E1AFFLL");
  });

  test.each([
    ["uppercase", ' SEGMENT="1"', ' BEGIN="1"'],
    ["lowercase", ' segment="1"', ' begin="1"'],
    ["absent", "", ""],
  ])("BEGIN/SEGMENT %s: the same result", (_name, marker, begin) => {
    const reference = readIdoc(small(' SEGMENT="1"', ' BEGIN="1"'));
    const packet = readIdoc(small(marker, begin));
    expect(packet.issues).toEqual([]);
    expect(packet).toEqual(reference);
    expect(findSegment(packet.idocs[0]?.segments ?? [], "E1RESBL")?.fields).toEqual({
      MATNR: "100301",
      BDMNG: "5.000",
      MEINS: "KG",
    });
  });

  test("a namespace of another dialect is refused as data", () => {
    const xml = `<LOIPRO01 xmlns="http://Microsoft.LobServices.Sap/2007/03/Idoc/3/LOIPRO01//700/Send"><IDOC/></LOIPRO01>`;
    const packet = readIdoc(xml);
    expect(packet.idocs).toEqual([]);
    expect(packet.issues).toMatchObject([{ code: "IDOC_UNSUPPORTED_NAMESPACE", severity: "error" }]);
  });

  test("a root without IDOC is no IDoc", () => {
    expect(readIdoc("<LOIPRO01><E1AFKOL/></LOIPRO01>").issues.map((i) => i.code)).toEqual([
      "IDOC_UNKNOWN_SEGMENT",
      "IDOC_NOT_AN_IDOC",
    ]);
  });

  test("unsafe or broken XML throws the hardened reader's error", () => {
    expect(() => readIdoc('<!DOCTYPE x [<!ENTITY a "b">]><LOIPRO01/>')).toThrow(XmlParseError);
    expect(() => readIdoc("<LOIPRO01><IDOC></LOIPRO01>", { file: "x.xml" })).toThrow(/x\.xml:1:/);
    expect(() => readIdoc(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]))).toThrow(XmlParseError);
  });

  test("reader limits apply", () => {
    expect(() => readIdoc(fixture("loipro01-packet"), { reader: { maxElements: 50 } })).toThrow(
      XmlParseError,
    );
    expect(() =>
      readIdoc(fixture("loipro01-packet-json", "idoc.json"), { reader: { maxElements: 50 } }),
    ).toThrow(IdocInputError);
  });
});

describe("IDoc-JSON", () => {
  test("a single IDoc as JSON equals the XML reading (lines aside)", () => {
    const xml = readIdoc(fixture("loipro05-tablet-plain"));
    const json = readIdoc(fixture("loipro05-tablet-json", "idoc.json"));
    expect(withoutLines(json)).toEqual(withoutLines(xml));
    expect(json.idocs[0]?.segments[0]?.line).toBeUndefined();
  });

  test("a packet as JSON ({ IDOC: [...] }, no root key) equals the XML reading", () => {
    const xml = readIdoc(fixture("loipro01-packet"));
    const json = readIdoc(fixture("loipro01-packet-json", "idoc.json"));
    expect(withoutLines(json)).toEqual(withoutLines(xml));
  });

  test("text, bytes and a parsed object give the same result", () => {
    const text = fixture("loipro05-tablet-json", "idoc.json");
    const a = readIdoc(text);
    expect(readIdoc(new TextEncoder().encode(`\n ${text}`))).toEqual(a);
    expect(readIdoc(JSON.parse(text) as object)).toEqual(a);
  });

  test("an IDOC given as one object, a top-level array, null fields and marker keys", () => {
    const idoc = xmlToIdocJson(small(' SEGMENT="1"', ' BEGIN="1"'));
    const one = (idoc.LOIPRO01 as { IDOC: object[] }).IDOC[0] as Record<string, unknown>;
    const reference = readIdoc(small("", ""));
    expect(withoutLines(readIdoc({ LOIPRO01: { IDOC: one } }))).toEqual(withoutLines(reference));
    const marked = {
      BEGIN: "1",
      ...one,
      E1AFKOL: { "@SEGMENT": "1", KDAUF: null, ...(one.E1AFKOL as object) },
    };
    const fromArray = readIdoc([marked]);
    expect(fromArray.issues).toEqual([]);
    expect(withoutLines(fromArray)).toEqual(withoutLines(reference));
    expect(fromArray.idocs[0]?.segments[0]?.fields.AUFNR).toBe("1004799");
  });

  test("a JSON number is not normalized (it may have lost digits)", () => {
    const packet = readIdoc({ IDOC: [{ E1AFKOL: { AUFNR: "1", GAMNG: 1200000.0 } }] });
    const header = packet.idocs[0]?.segments[0];
    expect(header?.fields.GAMNG).toBeUndefined();
    expect(header?.raw.GAMNG).toBe("1200000");
    expect(packet.issues.find((i) => i.code === "IDOC_INVALID_JSON_VALUE")?.path).toEqual(
      "IDOC[1]/E1AFKOL/GAMNG",
    );
  });

  test("an unknown shape is no IDoc; broken JSON throws", () => {
    expect(readIdoc({ ORDERS: [] }).issues.map((i) => i.code)).toEqual(["IDOC_NOT_AN_IDOC"]);
    expect(() => readIdoc('{ "IDOC": [ }', { file: "x.json" })).toThrow(IdocInputError);
    const cyclic: Record<string, unknown> = {};
    cyclic.E1AFKOL = cyclic;
    expect(() => readIdoc({ IDOC: [cyclic] })).toThrow(/maxDepth/);
  });
});

describe("unknowns, deviations and values", () => {
  test("unknown segments and fields are kept and reported as warnings, with exact paths and lines", () => {
    const { idocs, issues } = readIdoc(fixture("zloipro01-extension"));
    expect(issues.map((i) => [i.severity, i.code, renderIssuePath(i), i.line])).toEqual([
      ["warning", "IDOC_UNKNOWN_FIELD", "IDOC[1]/E1AFKOL/ZZCAMPAIGN", 56],
      ["warning", "IDOC_UNKNOWN_SEGMENT", "IDOC[1]/E1AFKOL/Z1AFKOL_GMP", 63],
      ["warning", "IDOC_UNKNOWN_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[2]/ZZWEIGH_BOOTH", 134],
    ]);
    const [doc] = idocs;
    expect(doc).toMatchObject({ basicType: "LOIPRO01", extension: "ZLOIPRO01" });
    const header = doc?.segments[0];
    expect(header?.fields.ZZCAMPAIGN).toBe("IBU-2026-Q2");
    expect(header?.fields.GAMNG).toBe("600000.000");
    expect(header?.raw.GAMNG).toBe("  600000.000");
    expect(findSegment(header?.segments ?? [], "Z1AFKOL_GMP")?.fields).toEqual({
      ZZGMP_CLASS: "C",
      ZZQA_RELEASE_REQ: "X",
      ZZCLEAN_STATUS: "CLEAN",
    });
    expect(findSegment(header?.segments ?? [], "E1AFPOL")?.fields.CHARG).toBe("B2604-230");
  });

  test("paths index repeated siblings only; IDOC always", () => {
    const { idocs } = readIdoc(fixture("loipro05-tablet-plain"));
    const paths: string[] = [];
    const walk = (s: { path: string; segments: readonly { path: string; segments: readonly never[] }[] }) => {
      paths.push(s.path);
      for (const c of s.segments) walk(c as never);
    };
    for (const s of idocs[0]?.segments ?? []) walk(s as never);
    expect(paths).toContain("IDOC[1]/E1AFKOL");
    expect(paths).toContain("IDOC[1]/E1AFKOL/E1VCCHR[2]/E1VCCHT");
    expect(paths).toContain("IDOC[1]/E1AFKOL/E1AFFLL");
    expect(paths).toContain("IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[3]");
    expect(paths).toContain("IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[3]/E1AFVOL2");
    expect(paths).toContain("IDOC[1]/E1AFKOL/E1AFPOL");
  });

  test("an unparseable value is left out of fields, kept raw, and reported with its path", () => {
    const xml = small("", "")
      .replace(
        "<GAMNG>1000.000</GAMNG>",
        "<GAMNG>1.000,5</GAMNG><GSTRP>20260230</GSTRP><GSUZP>250000</GSUZP>",
      )
      .replace("<BDMNG>5.000</BDMNG>", "<BDMNG>5.000</BDMNG><BDMNG>6.000</BDMNG>");
    const { idocs, issues } = readIdoc(xml);
    const header = idocs[0]?.segments[0];
    expect(header?.fields).not.toHaveProperty("GAMNG");
    expect(header?.fields).not.toHaveProperty("GSTRP");
    expect(header?.raw).toMatchObject({ GAMNG: "1.000,5", GSTRP: "20260230", GSUZP: "250000" });
    expect(issues.map((i) => [i.code, renderIssuePath(i), i.line])).toEqual([
      ["IDOC_INVALID_VALUE", "IDOC[1]/E1AFKOL/GAMNG", 17],
      ["IDOC_INVALID_VALUE", "IDOC[1]/E1AFKOL/GSTRP", 17],
      ["IDOC_INVALID_VALUE", "IDOC[1]/E1AFKOL/GSUZP", 17],
      ["IDOC_DUPLICATE_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/E1RESBL/BDMNG", 25],
    ]);
    expect(findSegment(idocs[0]?.segments ?? [], "E1RESBL")?.fields.BDMNG).toBe("5.000");
  });

  test("MATNR_EXTERNAL > MATNR_LONG > MATNR, a conflict reported", () => {
    const xml = small("", "")
      .replace(
        "<MATNR>000000000000400123</MATNR>\n      <GAMNG>",
        "<MATNR>OLD-18</MATNR><MATNR_LONG>IBUPROFEN_400MG_FCT_BULK</MATNR_LONG>\n      <GAMNG>",
      )
      .replace(
        "<MATNR>000000000000100301</MATNR>",
        "<MATNR_LONG>100301</MATNR_LONG><MATNR_EXTERNAL>RM-100301-EXT</MATNR_EXTERNAL>",
      );
    const { idocs, issues } = readIdoc(xml);
    const header = idocs[0]?.segments[0];
    expect(header?.fields).toMatchObject({
      MATNR: "IBUPROFEN_400MG_FCT_BULK",
      MATNR_LONG: "IBUPROFEN_400MG_FCT_BULK",
    });
    expect(header?.raw.MATNR).toBe("OLD-18");
    expect(findSegment(idocs[0]?.segments ?? [], "E1RESBL")?.fields).toMatchObject({
      MATNR: "RM-100301-EXT",
      MATNR_LONG: "100301",
    });
    expect(codes(issues)).toEqual(["IDOC[1]/E1AFKOL/MATNR IDOC_MATERIAL_CONFLICT"]);
  });

  test("order, count and place of segments are warnings in lenient mode", () => {
    const xml = small("", "")
      .replace(/(<E1AFFLL>[\s\S]*<\/E1AFFLL>)\s*(<E1AFPOL>[\s\S]*<\/E1AFPOL>)/, "$2$1")
      .replace("<PLNFL>0</PLNFL>", "<PLNFL>0</PLNFL><E1JSTKL><STAT>I0002</STAT></E1JSTKL>");
    const { issues } = readIdoc(xml.replace(/<EDI_DC40>[\s\S]*<\/EDI_DC40>/, ""));
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
    expect(codes(issues)).toEqual([
      "IDOC[1]/E1AFKOL/E1AFFLL IDOC_SEGMENT_ORDER",
      "IDOC[1]/E1AFKOL/E1AFFLL/E1JSTKL IDOC_MISPLACED_SEGMENT",
      "IDOC[1]/EDI_DC40 IDOC_SEGMENT_MISSING",
    ]);
  });

  test("an unknown basic type is read by segment names", () => {
    const xml = small("", "").replaceAll("LOIPRO01", "LOIPRO03");
    const { idocs, issues } = readIdoc(xml);
    expect(codes(issues)).toEqual(["IDOC[1] IDOC_UNKNOWN_BASIC_TYPE"]);
    expect(idocs[0]?.segments[0]?.fields.AUFNR).toBe("1004799");
  });

  test("control record: IDOCTYP falls back to the root; missing fields and a mismatching root reported", () => {
    const noType = small("", "").replace("<IDOCTYP>LOIPRO01</IDOCTYP>", "");
    const a = readIdoc(noType);
    expect(a.idocs[0]?.basicType).toBe("LOIPRO01");
    expect(codes(a.issues)).toEqual(["IDOC[1]/EDI_DC40/IDOCTYP IDOC_CONTROL_FIELD_MISSING"]);
    const b = readIdoc(small("", "").replace("<IDOCTYP>LOIPRO01</IDOCTYP>", "<IDOCTYP>LOIPRO05</IDOCTYP>"));
    expect(codes(b.issues)).toContain("IDOC[1] IDOC_ROOT_MISMATCH");
  });
});

describe("strict and lenient", () => {
  const deviating = fixture("loipro05-tablet-plain")
    .replace("<UEBTO>2.0</UEBTO>", "<UEBTO>2.0</UEBTO>\n        <ZZCAMPAIGN>X</ZZCAMPAIGN>")
    .replace("<VORNR>0020</VORNR>", "<VORNR>00020</VORNR>");

  test("valid fixtures have no issue in strict mode either", () => {
    for (const name of ["loipro05-tablet-plain", "loipro05-tablet-soap", "loipro01-packet"])
      expect(readIdoc(fixture(name), { strict: true }).issues).toEqual([]);
    expect(readIdoc(fixture("loipro05-tablet-json", "idoc.json"), { strict: true }).issues).toEqual([]);
  });

  test("lenient: an unknown field warns, a value beyond its SAP length is an error; strict: XSD errors with IDoc paths and source lines", () => {
    const lenient = readIdoc(deviating);
    expect(lenient.issues.map((i) => [i.severity, i.code, renderIssuePath(i)])).toEqual([
      ["error", "IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VORNR"],
      ["warning", "IDOC_UNKNOWN_FIELD", "IDOC[1]/E1AFKOL/E1AFPOL/ZZCAMPAIGN"],
    ]);
    const strict = readIdoc(deviating, { strict: true, file: "deviating.xml" });
    expect(strict.idocs).toEqual(lenient.idocs);
    const errors = strict.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, renderIssuePath(i), i.line])).toEqual([
      ["IDOC_VALUE_TOO_LONG", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VORNR", 270],
      ["XSD_INVALID_VALUE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/VORNR", 270],
      ["XSD_UNEXPECTED_ELEMENT", "IDOC[1]/E1AFKOL/E1AFPOL/ZZCAMPAIGN", 456],
    ]);
  });

  test("strict mode holds an extension type and IDoc-JSON to the same schema", () => {
    const ext = readIdoc(fixture("zloipro01-extension"), { strict: true });
    expect(
      ext.issues.filter((i) => i.severity === "error").map((i) => [i.code, renderIssuePath(i), i.line]),
    ).toEqual([["XSD_UNEXPECTED_ELEMENT", "IDOC[1]/E1AFKOL/ZZCAMPAIGN", 56]]);
    const json = readIdoc(
      { LOIPRO01: { IDOC: [{ EDI_DC40: { TABNAM: "EDI_DC40" }, "BAD NAME": "x" }] } },
      { strict: true },
    );
    expect(
      json.issues.filter((i) => i.severity === "error").map((i) => [i.code, renderIssuePath(i), i.line]),
    ).toEqual([
      ["IDOC_INVALID_NAME", "IDOC[1]/BAD NAME", undefined],
      ["XSD_MISSING_ELEMENT", "IDOC[1]", undefined],
    ]);
  });
});
