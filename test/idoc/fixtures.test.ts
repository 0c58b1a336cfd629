/**
 * The IDoc fixtures (fixtures/idoc/<case>/): each reads without error issues, gives exactly the warnings
 * in its `reader-issues.json`, reads the same from IDoc-JSON as from IDoc-XML, and shows the convention
 * it was written for.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { type IdocPacket, readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import {
  allSegments,
  findSegment,
  idocFixtures,
  idocFixturesDir,
  withoutLines,
  xmlToIdocJson,
} from "./helpers.js";

const read = (name: string, options = {}): IdocPacket => {
  const dir = path.join(idocFixturesDir, name);
  const file = existsSync(path.join(dir, "idoc.xml")) ? "idoc.xml" : "idoc.json";
  return readIdoc(readFileSync(path.join(dir, file)), { file: `${name}/${file}`, ...options });
};

describe.each(idocFixtures())("$name", ({ name, file, format }) => {
  test("reads without error issues, with exactly the expected warnings", () => {
    const packet = read(name);
    expect(packet.idocs.length).toBeGreaterThan(0);
    expect(packet.issues.filter((i) => i.severity === "error")).toEqual([]);
    const expectedFile = path.join(idocFixturesDir, name, "reader-issues.json");
    const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, "utf8")) : [];
    expect(
      packet.issues.map((i) => ({
        code: i.code,
        path: renderIssuePath(i),
        ...(i.line ? { line: i.line } : {}),
      })),
    ).toEqual(expected);
  });

  if (format === "xml")
    test("the same IDoc as IDoc-JSON reads the same", () => {
      const xml = readIdoc(readFileSync(file, "utf8"));
      const json = readIdoc(xmlToIdocJson(readFileSync(file, "utf8")));
      expect(withoutLines(json)).toEqual(withoutLines(xml));
    });
});

describe("conventions shown by the fixtures", () => {
  test("unpadded (S/4) and padded (ECC) keys give the same external form", () => {
    const s4 = read("loipro05-tablet-plain").idocs[0]?.segments[0];
    const ecc = read("loipro01-padded-keys").idocs[0]?.segments[0];
    expect([s4?.raw.AUFNR, s4?.fields.AUFNR]).toEqual(["1004711", "1004711"]);
    expect([ecc?.raw.AUFNR, ecc?.fields.AUFNR]).toEqual(["000001004712", "1004712"]);
    expect([ecc?.raw.MATNR, ecc?.fields.MATNR]).toEqual(["000000000000400123", "400123"]);
    expect([ecc?.raw.KDAUF, ecc?.fields.KDAUF]).toEqual(["0000004711", "4711"]);
    const item = findSegment(ecc?.segments ?? [], "E1AFPOL");
    expect(item?.fields).toMatchObject({ KUNAG: "100082", KDPOS: "000010", CHARG: "B2604-201" });
  });

  test("MATNR_LONG only: fields.MATNR is the long number", () => {
    const header = read("loipro05-tablet-plain").idocs[0]?.segments[0];
    expect(header?.fields.MATNR).toBe("IBUPROFEN_400MG_FCT_BULK");
    expect(header?.raw.MATNR).toBeUndefined();
  });

  test("E-notation and 240000", () => {
    const header = read("loipro05-tablet-plain").idocs[0]?.segments[0];
    const op = findSegment(header?.segments ?? [], "E1AFVOL");
    expect(op?.fields).toMatchObject({ BEARZ: "360", RUEST: "45", ABRUE: "30" });
    const op2 = allSegments(header?.segments ?? [], "E1AFVOL")[1];
    expect(op2?.fields.LIEGZ).toBe("0.125");
    expect(header?.fields.GLUZP).toBe("24:00:00");
  });

  test("deleted operation (I0013), operation flagged for deletion (I0076), deleted component (XLOEK)", () => {
    const segments = read("loipro05-deleted-items").idocs[0]?.segments ?? [];
    const ops = allSegments(segments, "E1AFVOL");
    const statuses = (vornr: string) =>
      ops
        .find((o) => o.fields.VORNR === vornr)
        ?.segments.filter((s) => s.name === "E1JSTVL")
        .map((s) => s.fields.STAT);
    expect(statuses("0025")).toEqual(["I0002", "I0013"]);
    expect(statuses("0035")).toEqual(["I0002", "I0076"]);
    const deleted = allSegments(segments, "E1RESBL").filter((c) => c.fields.XLOEK === "X");
    expect(deleted.map((c) => c.path)).toEqual(["IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[4]"]);
  });

  test("by-products: negative quantity (trailing minus) and SHKZG S", () => {
    const components = allSegments(read("loipro05-by-products").idocs[0]?.segments ?? [], "E1RESBL");
    const fines = components.find((c) => c.fields.MATNR === "IBU-FINES-REC");
    expect([fines?.raw.BDMNG, fines?.fields.BDMNG, fines?.fields.ENTRY_QNT]).toEqual([
      "4.500-",
      "-4.500",
      "-4.500",
    ]);
    const dust = components.find((c) => c.fields.SHKZG === "S");
    expect(dust?.fields).toMatchObject({ MATNR: "COATING-DUST-WASTE", BDMNG: "1.250", BWART: "531" });
  });

  test("DST gap: 2026-03-29 02:30 in plant DE01 is read as the wall time, unresolved", () => {
    const header = read("loipro05-dst-gap").idocs[0]?.segments[0];
    expect(header?.fields).toMatchObject({ WERKS: "DE01", GSTRS: "2026-03-29", GSUZS: "02:30:00" });
    const op = findSegment(header?.segments ?? [], "E1AFVOL");
    expect(op?.fields).toMatchObject({ FSAVD: "2026-03-29", FSAVZ: "02:30:00", SSAVZ: "02:30:00" });
  });

  test("every fixture is valid in strict mode except the extension type's own fields", () => {
    for (const { name } of idocFixtures()) {
      const errors = read(name, { strict: true }).issues.filter((i) => i.severity === "error");
      if (name === "zloipro01-extension") expect(errors.length).toBeGreaterThan(0);
      else expect(errors).toEqual([]);
    }
  });
});
