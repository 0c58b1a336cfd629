/**
 * Unreadable dates and times are errors at their field, never replaced by another date or left out
 * silently; a time without its date is an error (review findings 1 and 2; LOIPRO-MAP-013, 021, 054, 055).
 */
import { describe, expect, test } from "vitest";
import type { IdocPacket, IdocSegment } from "../../src/idoc/model.js";
import { type MapIssue, mapIdocsToProductionPerformance } from "../../src/mappers/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { mapErrors, mapOk, requestOf, segmentAt } from "./helpers/navigate.js";

const BAD = "!unreadable:";

/**
 * What the reader gives for a value it cannot normalize: kept in `raw`, left out of `fields`. A field
 * given as `!unreadable:<raw>` becomes such a value.
 */
function unreadable(packet: IdocPacket): IdocPacket {
  const fix = (s: IdocSegment): IdocSegment => {
    const fields: Record<string, string> = {};
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.fields))
      if (v.startsWith(BAD)) raw[k] = v.slice(BAD.length);
      else {
        fields[k] = v;
        raw[k] = v;
      }
    return { ...s, fields, raw, segments: s.segments.map(fix) };
  };
  return { ...packet, idocs: packet.idocs.map((d) => ({ ...d, segments: d.segments.map(fix) })) };
}

const at = (errors: readonly MapIssue[], code: string, path: string) =>
  errors.find((e) => e.code === code && renderIssuePath(e) === path);

const operation = (fields: Record<string, string>) =>
  seg("E1AFVOL", { VORNR: "0010", ARBPL: "ASSY1", ...fields });
const orderWith = (header: Record<string, string>, op?: Record<string, string>) =>
  unreadable(
    packetOf({
      segments: [typicalOrder({ header, ...(op === undefined ? {} : { operations: [operation(op)] }) })],
    }),
  );

describe("LOIPRO: the scheduled date is chosen by what was received", () => {
  test("LOIPRO-MAP-013 LOIPRO-MAP-055 an unreadable GSTRS is INVALID_DATE at GSTRS, never replaced by GSTRP", () => {
    const errors = mapErrors(
      orderWith({ GSTRS: `${BAD}20260230`, GSUZS: "06:00:00", GSTRP: "2026-03-29", GSUZP: "07:00:00" }),
    );
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1AFKOL/GSTRS")).toMatchObject({
      expected: "YYYYMMDD, a real calendar date",
      received: "20260230",
    });
    expect(errors.filter((e) => /\/GS[TU][RZ]P$/.test(renderIssuePath(e)))).toEqual([]);
  });

  test("LOIPRO-MAP-013 LOIPRO-MAP-055 an unreadable GLTRS is INVALID_DATE, never replaced by GLTRP; empty ones still fall back", () => {
    const errors = mapErrors(orderWith({ GLTRS: `${BAD}2026-3-30`, GLTRP: "2026-03-31", GLUZP: "08:00:00" }));
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1AFKOL/GLTRS")?.received).toBe("2026-3-30");
    // an empty (initial) scheduled date and time: the basic date and time, as before
    const mapped = mapOk(
      orderWith({ GSTRS: "", GSUZS: "", GSTRP: "2026-03-29", GSUZP: "07:00:00", GLTRS: "", GLUZS: "" }),
    );
    expect(requestOf(mapped).StartTime?.value).toBe("2026-03-29T07:00:00+02:00");
    expect(requestOf(mapped).EndTime).toBeUndefined();
  });

  test("LOIPRO-MAP-021 LOIPRO-MAP-055 an unreadable SSEDD is INVALID_DATE, never replaced by FSEDD; an empty one still is", () => {
    const errors = mapErrors(
      orderWith(
        {},
        {
          FSAVD: "2026-03-30",
          FSAVZ: "06:00:00",
          SSEDD: `${BAD}20261332`,
          SSEDZ: "12:00:00",
          FSEDD: "2026-03-30",
          FSEDZ: "11:00:00",
        },
      ),
    );
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/SSEDD")?.received).toBe("20261332");
    // an empty SSEDD: the FSEDD, as before
    const mapped = mapOk(
      orderWith({}, { FSAVD: "2026-03-30", SSEDD: "", FSEDD: "2026-03-30", FSEDZ: "11:00:00" }),
    );
    expect(segmentAt(mapped, ["SEQ-0", "0010"]).LatestEndTime?.value).toBe("2026-03-30T11:00:00+02:00");
  });
});

describe("LOIPRO: dateTimeOf reports what it cannot read", () => {
  test("LOIPRO-MAP-055 an unreadable FSAVD is INVALID_DATE, an unreadable FSAVZ INVALID_TIME", () => {
    const errors = mapErrors(
      orderWith(
        {},
        { FSAVD: `${BAD}31.03.2026`, FSAVZ: "06:00:00", FSEDD: "2026-03-30", FSEDZ: `${BAD}256000` },
      ),
    );
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/FSAVD")?.received).toBe("31.03.2026");
    expect(at(errors, "INVALID_TIME", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/FSEDZ")).toMatchObject({
      expected: "HHMMSS (or 240000)",
      received: "256000",
    });
  });

  test("LOIPRO-MAP-055 a time with an empty date is TIME_WITHOUT_DATE; 00:00:00 (SAP's initial time) is not", () => {
    const errors = mapErrors(orderWith({}, { FSAVD: "", FSAVZ: "06:00:00", FSEDD: "2026-03-30" }));
    expect(at(errors, "TIME_WITHOUT_DATE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/FSAVZ")).toMatchObject({
      expected: "a date in FSAVD, or no time",
      received: "06:00:00",
    });
    const mapped = mapOk(orderWith({}, { FSAVZ: "00:00:00", FSEDD: "2026-03-30" }));
    expect(segmentAt(mapped, ["SEQ-0", "0010"]).EarliestStartTime).toBeUndefined();
  });

  test("LOIPRO-MAP-013 LOIPRO-MAP-055 a scheduled time without its date is TIME_WITHOUT_DATE, not the basic date", () => {
    const errors = mapErrors(
      orderWith({ GSTRS: "", GSUZS: "06:00:00", GSTRP: "2026-03-29", GSUZP: "07:00:00" }),
    );
    expect(at(errors, "TIME_WITHOUT_DATE", "IDOC[1]/E1AFKOL/GSUZS")?.received).toBe("06:00:00");
  });
});

describe("time tickets and goods movements (PERF-MAP-041, 048, 050)", () => {
  const config = {
    plants: { "1000": { timeZone: "Europe/Berlin" } },
    systems: { MES01: { timeZone: "Europe/Berlin" } },
  };
  const TT = { IDOCTYP: "PPCC2PRETTICKET02", MESTYP: "PPCC2PRETTICKET", SNDPRN: "MES01" };
  const ticket = (fields: Record<string, string>) =>
    unreadable(
      packetOf({
        control: TT,
        segments: [
          seg("E1BP_PP_TIMETICKET", {
            ORDERID: "1895938",
            OPERATION: "0010",
            PLANT: "1000",
            CONF_QUAN_UNIT: "ST",
            YIELD: "10.000",
            EX_IDENT: "EX-1",
            EXEC_START_DATE: "2026-04-14",
            EXEC_START_TIME: "06:00:00",
            EXEC_FIN_DATE: "2026-04-14",
            EXEC_FIN_TIME: "08:00:00",
            ...fields,
          }),
        ],
      }),
    );
  const errorsOf = (p: IdocPacket) => {
    const r = mapIdocsToProductionPerformance(p, config);
    if (r.ok) expect.fail("expected errors, got a document");
    return r.errors;
  };

  test("PERF-MAP-041 LOIPRO-MAP-055 an unreadable EXEC_START_DATE is INVALID_DATE; EXEC_FIN_TIME without a date is TIME_WITHOUT_DATE", () => {
    const errors = errorsOf(ticket({ EXEC_START_DATE: `${BAD}20260431`, EXEC_FIN_DATE: "" }));
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1BP_PP_TIMETICKET/EXEC_START_DATE")?.received).toBe(
      "20260431",
    );
    expect(at(errors, "TIME_WITHOUT_DATE", "IDOC[1]/E1BP_PP_TIMETICKET/EXEC_FIN_TIME")?.received).toBe(
      "08:00:00",
    );
  });

  test("PERF-MAP-048 LOIPRO-MAP-055 an unreadable POSTG_DATE is INVALID_DATE", () => {
    const errors = errorsOf(ticket({ POSTG_DATE: `${BAD}2026-04-31` }));
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1BP_PP_TIMETICKET/POSTG_DATE")?.received).toBe("2026-04-31");
  });

  test("PERF-MAP-050 LOIPRO-MAP-055 an unreadable goods-movement PSTNG_DATE is INVALID_DATE", () => {
    const packet = unreadable(
      packetOf({
        control: { IDOCTYP: "MBGMCR03", MESTYP: "MBGMCR", SNDPRN: "MES01" },
        segments: [
          seg(
            "E1MBGMCR",
            {},
            seg("E1BP2017_GM_HEAD_01", { REF_DOC_NO: "REF-1", PSTNG_DATE: `${BAD}20260230` }),
            seg("E1BP2017_GM_ITEM_CREATE", {
              MATERIAL: "FG-1",
              PLANT: "1000",
              MOVE_TYPE: "101",
              ENTRY_QNT: "5.000",
              ENTRY_UOM: "ST",
              ORDERID: "1895938",
            }),
          ),
        ],
      }),
    );
    const errors = errorsOf(packet);
    expect(at(errors, "INVALID_DATE", "IDOC[1]/E1MBGMCR/E1BP2017_GM_HEAD_01/PSTNG_DATE")?.received).toBe(
      "20260230",
    );
  });
});
