/**
 * Hand-built IDoc packets for mapper tests: segments given as `[name, fields, children]`, paths computed
 * the way the reader writes them (an index where a segment name repeats among its siblings).
 */
import type { IdocDocument, IdocPacket, IdocSegment } from "../../../src/idoc/model.js";

export interface SegmentSpec {
  readonly name: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly children?: readonly SegmentSpec[];
}

export function seg(
  name: string,
  fields: Readonly<Record<string, string>> = {},
  ...children: SegmentSpec[]
): SegmentSpec {
  return { name, fields, children };
}

function build(specs: readonly SegmentSpec[], parentPath: string): IdocSegment[] {
  const counts = new Map<string, number>();
  for (const s of specs) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return specs.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    const path = `${parentPath}/${s.name}${(counts.get(s.name) ?? 0) > 1 ? `[${n}]` : ""}`;
    const fields = { ...(s.fields ?? {}) };
    return { name: s.name, fields, raw: fields, segments: build(s.children ?? [], path), path };
  });
}

export interface IdocSpec {
  readonly control?: Readonly<Record<string, string>>;
  readonly segments: readonly SegmentSpec[];
}

export const CONTROL: Readonly<Record<string, string>> = {
  TABNAM: "EDI_DC40",
  DOCNUM: "0000000000430094",
  IDOCTYP: "LOIPRO05",
  MESTYP: "LOIPRO",
  SNDPRN: "S4HCLNT100",
  RCVPRN: "MESPLANT1",
  CREDAT: "2026-03-27",
  CRETIM: "09:34:05",
};

export function packetOf(...idocs: IdocSpec[]): IdocPacket {
  return {
    idocs: idocs.map((spec, i): IdocDocument => {
      const control = { ...CONTROL, ...(spec.control ?? {}) };
      const path = `IDOC[${i + 1}]`;
      return {
        basicType: control.IDOCTYP ?? "LOIPRO05",
        messageType: control.MESTYP ?? "",
        control,
        segments: build(spec.segments, path),
        path,
      };
    }),
    issues: [],
  };
}

/** A typical released production order: one item, one standard sequence, two operations, components. */
export function typicalOrder(
  overrides: { header?: Record<string, string>; operations?: SegmentSpec[]; extra?: SegmentSpec[] } = {},
): SegmentSpec {
  return seg(
    "E1AFKOL",
    {
      AUFNR: "1895938",
      AUTYP: "10",
      AUART: "PP01",
      WERKS: "1000",
      MATNR_LONG: "FG-VALVE-100",
      GAMNG: "100.000",
      GMEIN: "ST",
      GSTRS: "2026-03-30",
      GSUZS: "06:00:00",
      GLTRS: "2026-03-30",
      GLUZS: "24:00:00",
      PLNNR: "50000269",
      PLNAL: "1",
      APRIO: "2",
      ...(overrides.header ?? {}),
    },
    seg("E1AFPOL", {
      POSNR: "0001",
      MATNR_LONG: "FG-VALVE-100",
      PSMNG: "100.000",
      AMEIN: "ST",
      LGORT: "101P",
      CHARG: "B26-0412",
      VERID: "0001",
    }),
    seg("E1JSTKL", { STAT: "I0002" }),
    seg("E1JSTKL", { STAT: "I0016" }),
    seg(
      "E1AFFLL",
      { PLNFL: "0", FLGAT: "0" },
      ...(overrides.operations ?? [
        seg(
          "E1AFVOL",
          {
            VORNR: "0010",
            LTXA1: "Picking",
            STEUS: "PP01",
            ARBPL: "ASSY1",
            MGVRG: "100.000",
            MEINH: "ST",
            VGW02: "10.000",
            VGE02: "MIN",
            LAR02: "MACH",
            FSAVD: "2026-03-30",
            FSAVZ: "06:00:00",
            FSEDD: "2026-03-30",
            FSEDZ: "12:00:00",
            SSEDD: "2026-03-30",
            SSEDZ: "14:00:00",
          },
          seg("E1JSTVL", { STAT: "I0002" }),
          seg("E1RESBL", {
            RSNUM: "0001950857",
            RSPOS: "0001",
            POSNR: "0010",
            MATNR_LONG: "BODY-1",
            BDMNG: "100.000",
            MEINS: "ST",
            LGORT: "101A",
            CHARG: "C1",
            SHKZG: "H",
            BWART: "261",
            BDTER: "2026-03-30",
          }),
          seg("E1RESBL", {
            RSNUM: "0001950857",
            RSPOS: "0002",
            POSNR: "0020",
            MATNR: "000000000000004711",
            BDMNG: "2.5",
            MEINS: "KG",
            SHKZG: "H",
          }),
          seg("E1KBEDL", { KAPAR: "001", KBEASOLL: "1000.000", KRUESOLL: "30", KEINH: "MIN" }),
        ),
        seg("E1AFVOL", {
          VORNR: "0020",
          LTXA1: "Assembly",
          ARBPL: "ASSY2",
          FSAVD: "2026-03-30",
          FSAVZ: "14:00:00",
          FSEDD: "2026-03-30",
          FSEDZ: "20:00:00",
        }),
      ]),
    ),
    ...(overrides.extra ?? []),
  );
}

export const CONFIG = {
  plants: { "1000": { timeZone: "Europe/Berlin" }, "2000": { timeZone: "America/New_York" } },
  systems: { S4HCLNT100: { timeZone: "Europe/Berlin" } },
} as const;
