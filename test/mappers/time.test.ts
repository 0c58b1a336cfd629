/** Local SAP date + time in an IANA zone → xs:dateTime with the offset of that date. */
import { describe, expect, test } from "vitest";
import { toZonedDateTime } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { CONFIG, packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { codes, mapErrors, mapOk, requestOf, segmentAt } from "./helpers/navigate.js";

const ok = (date: string, time: string, zone: string) => {
  const r = toZonedDateTime(date, time, zone);
  if (!r.ok) expect.fail(r.message);
  return r;
};

describe("toZonedDateTime", () => {
  test.each([
    ["winter time in Berlin", "2026-01-15", "08:00:00", "Europe/Berlin", "2026-01-15T08:00:00+01:00"],
    ["summer time in Berlin", "2026-07-15", "08:00:00", "Europe/Berlin", "2026-07-15T08:00:00+02:00"],
    ["US Eastern daylight time", "2026-07-15", "08:00:00", "America/New_York", "2026-07-15T08:00:00-04:00"],
    ["US Eastern standard time", "2026-12-01", "23:59:59", "America/New_York", "2026-12-01T23:59:59-05:00"],
    ["half-hour zone", "2026-03-01", "12:00:00", "Asia/Kolkata", "2026-03-01T12:00:00+05:30"],
    ["UTC as Z", "2026-03-01", "12:00:00", "Etc/UTC", "2026-03-01T12:00:00Z"],
    ["southern hemisphere DST", "2026-01-10", "12:00:00", "Australia/Sydney", "2026-01-10T12:00:00+11:00"],
  ])("LOIPRO-MAP-050 %s", (_name, date, time, zone, want) => {
    const r = ok(date, time, zone);
    expect(r.value).toBe(want);
    expect(r.adjustment).toBeUndefined();
  });

  test("LOIPRO-MAP-051 24:00:00 is the end of the day: the next day 00:00, with that day's offset", () => {
    expect(ok("2026-03-30", "24:00:00", "Europe/Berlin").value).toBe("2026-03-31T00:00:00+02:00");
    expect(ok("2026-12-31", "24:00:00", "Europe/Berlin").value).toBe("2027-01-01T00:00:00+01:00");
    // the day before the spring change ends at 00:00 of the change day, still in winter time
    expect(ok("2026-03-28", "24:00:00", "Europe/Berlin").value).toBe("2026-03-29T00:00:00+01:00");
    expect(ok("2024-02-28", "24:00:00", "Etc/UTC").value).toBe("2024-02-29T00:00:00Z");
  });

  test("LOIPRO-MAP-052 a time in the spring-forward gap is shifted forward by the gap's length", () => {
    const r = ok("2026-03-29", "02:30:00", "Europe/Berlin");
    expect(r.value).toBe("2026-03-29T03:30:00+02:00");
    expect(r.adjustment).toEqual({ kind: "gap", shiftSeconds: 3600 });
    expect(ok("2026-03-08", "02:15:00", "America/New_York").value).toBe("2026-03-08T03:15:00-04:00");
    // the instants just around the gap are untouched
    expect(ok("2026-03-29", "01:59:59", "Europe/Berlin").value).toBe("2026-03-29T01:59:59+01:00");
    expect(ok("2026-03-29", "03:00:00", "Europe/Berlin").value).toBe("2026-03-29T03:00:00+02:00");
  });

  test("LOIPRO-MAP-053 a time in the fall-back overlap takes the earlier instant (the offset before the change)", () => {
    const r = ok("2026-10-25", "02:30:00", "Europe/Berlin");
    expect(r.value).toBe("2026-10-25T02:30:00+02:00");
    expect(r.adjustment).toEqual({ kind: "overlap", shiftSeconds: 0 });
    expect(ok("2026-11-01", "01:30:00", "America/New_York").value).toBe("2026-11-01T01:30:00-04:00");
    expect(ok("2026-10-25", "03:00:00", "Europe/Berlin").value).toBe("2026-10-25T03:00:00+01:00");
  });

  test.each([
    ["2026-02-30", "08:00:00", "date"],
    ["2026-13-01", "08:00:00", "date"],
    ["20260301", "08:00:00", "date"],
    ["2026-03-01", "24:00:01", "time"],
    ["2026-03-01", "12:60:00", "time"],
    ["2026-03-01", "1200", "time"],
  ])("LOIPRO-MAP-054 %s %s is rejected as an invalid %s", (date, time, reason) => {
    const r = toZonedDateTime(date, time, "Europe/Berlin");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe("times in the mapping", () => {
  test("LOIPRO-MAP-050 LOIPRO-MAP-021 operation times use the plant's zone, the operation's own plant first", () => {
    const op = seg("E1AFVOL", {
      VORNR: "0010",
      WERKS: "2000",
      FSAVD: "2026-07-01",
      FSAVZ: "08:00:00",
      FSEDD: "2026-07-01",
      FSEDZ: "09:00:00",
    });
    const mapped = mapOk(packetOf({ segments: [typicalOrder({ operations: [op] })] }));
    const operation = segmentAt(mapped, ["SEQ-0", "0010"]);
    expect(operation.EarliestStartTime?.value).toBe("2026-07-01T08:00:00-04:00");
    expect(requestOf(mapped).StartTime?.value).toBe("2026-03-30T06:00:00+02:00");
  });

  test("LOIPRO-MAP-052 LOIPRO-MAP-053 gap and overlap are reported as warnings at the time field", () => {
    const ops = [
      seg("E1AFVOL", { VORNR: "0010", FSAVD: "2026-03-29", FSAVZ: "02:30:00" }),
      seg("E1AFVOL", { VORNR: "0020", FSAVD: "2026-10-25", FSAVZ: "02:30:00" }),
    ];
    const mapped = mapOk(packetOf({ segments: [typicalOrder({ operations: ops })] }));
    const gap = mapped.warnings.find((w) => w.code === "DST_GAP_SHIFTED");
    expect(gap?.path).toEqual("IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/FSAVZ");
    expect(mapped.warnings.find((w) => w.code === "DST_OVERLAP_EARLIER")?.path).toEqual(
      "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[2]/FSAVZ",
    );
    expect(segmentAt(mapped, ["SEQ-0", "0010"]).EarliestStartTime?.value).toBe("2026-03-29T03:30:00+02:00");
  });

  test("LOIPRO-MAP-054 an empty time is SAP's initial time 00:00:00; an empty date leaves the element out", () => {
    const op = seg("E1AFVOL", { VORNR: "0010", FSAVD: "2026-07-01", FSAVZ: "", FSEDD: "" });
    const mapped = mapOk(packetOf({ segments: [typicalOrder({ operations: [op] })] }));
    const operation = segmentAt(mapped, ["SEQ-0", "0010"]);
    expect(operation.EarliestStartTime?.value).toBe("2026-07-01T00:00:00+02:00");
    expect(operation.LatestEndTime).toBeUndefined();
  });

  test("LOIPRO-MAP-054 an unparseable date or time is an error naming the field", () => {
    const op = seg("E1AFVOL", { VORNR: "0010", FSAVD: "2026-02-30", SSEDD: "2026-03-01", SSEDZ: "25:00:00" });
    const errors = mapErrors(packetOf({ segments: [typicalOrder({ operations: [op] })] }));
    expect(errors.map((e) => [e.code, mapIssuePath(e)])).toEqual([
      ["INVALID_DATE", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/FSAVD"],
      ["INVALID_TIME", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/SSEDZ"],
    ]);
  });

  test("LOIPRO-MAP-012 a plant without a time zone is an error at WERKS, once per field", () => {
    const errors = mapErrors(packetOf({ segments: [typicalOrder({ header: { WERKS: "9999" } })] }), {
      ...CONFIG,
      systems: {},
    });
    expect(codes(errors)).toContain("MISSING_TIME_ZONE");
    expect(errors.find((e) => e.code === "MISSING_TIME_ZONE")?.path).toEqual("IDOC[1]/E1AFKOL/WERKS");
  });
});
