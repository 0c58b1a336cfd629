/** xsd:dateTime parsing and exact comparison: tables, and properties against independent references. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareXsdDateTime,
  explainXsdDate,
  explainXsdDateTime,
  explainXsdTime,
  parseXsdDateTime,
  toXsdInstant,
  XsdLexicalError,
} from "../../../src/binding/lexical/index.js";

const invalid: [string, string][] = [
  ["2026-02-29T00:00:00Z", "day 29 does not exist in 2026-02 (01–28)"],
  ["1900-02-29T00:00:00Z", "day 29 does not exist in 1900-02 (01–28)"],
  ["2026-04-31T00:00:00Z", "day 31 does not exist in 2026-04 (01–30)"],
  ["2026-13-01T00:00:00Z", "month 13 is not in 01–12"],
  ["2026-00-01T00:00:00Z", "month 00 is not in 01–12"],
  ["2026-03-29T25:00:00Z", "hour 25 is not in 00–24"],
  ["2026-03-29T24:00:01Z", "hour 24 is only allowed as 24:00:00"],
  ["2026-03-29T24:00:00.5Z", "hour 24 is only allowed as 24:00:00"],
  ["2026-03-29T12:60:00Z", "minute 60 is not in 00–59"],
  ["2026-03-29T12:00:60Z", "second 60 is not in 00–59"],
  ["2026-03-29T12:00:00+14:01", "offset +14:01 is beyond ±14:00"],
  ["2026-03-29T12:00:00+01:60", "offset +01:60: minutes not in 00–59"],
  ["0000-01-01T00:00:00Z", "year 0000 is not allowed"],
  ["2026-03-29 12:00:00Z", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  ["2026-03-29T12:00Z", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  ["2026-03-29T12:00:00.Z", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  ["2026-03-29T12:00:00+0100", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  ["02026-03-29T12:00:00Z", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  [" 2026-03-29T12:00:00Z", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
  ["", "expected YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?"],
];

const valid = [
  "2026-03-29T01:30:00.250+01:00",
  "2024-02-29T00:00:00Z",
  "2000-02-29T23:59:59.999999999-14:00",
  "2026-03-29T24:00:00",
  "2026-03-29T24:00:00.000Z",
  "12026-03-29T00:00:00Z",
  "-0001-02-29T00:00:00Z",
  "2026-03-29T12:00:00-00:00",
];

describe("parseXsdDateTime", () => {
  it.each(invalid)("rejects %j: %s", (value, reason) => {
    expect(explainXsdDateTime(value)).toBe(reason);
    expect(() => parseXsdDateTime(value)).toThrow(XsdLexicalError);
    expect(() => parseXsdDateTime(value)).toThrow(`"${value}" is not a valid xsd:dateTime: ${reason}`);
  });

  it.each(valid)("accepts %s", (value) => {
    expect(explainXsdDateTime(value)).toBeUndefined();
  });

  it("keeps the fields as written", () => {
    expect(parseXsdDateTime("2026-03-29T01:30:00.250+01:00")).toEqual({
      lexical: "2026-03-29T01:30:00.250+01:00",
      year: 2026n,
      month: 3,
      day: 29,
      hour: 1,
      minute: 30,
      second: 0,
      fraction: "250",
      offsetMinutes: 60,
    });
    expect(parseXsdDateTime("2026-03-29T01:30:00").offsetMinutes).toBeUndefined();
    expect(parseXsdDateTime("2026-03-29T01:30:00-04:30").offsetMinutes).toBe(-270);
  });

  it("gives exact instants", () => {
    expect(toXsdInstant(parseXsdDateTime("1970-01-01T00:00:00Z"))).toEqual({ seconds: 0n, fraction: "" });
    expect(toXsdInstant(parseXsdDateTime("2026-03-29T01:30:00.2500+01:00"))).toEqual({
      seconds: BigInt(Date.UTC(2026, 2, 29, 0, 30) / 1000),
      fraction: "25",
    });
    expect(toXsdInstant(parseXsdDateTime("2024-02-29T24:00:00Z"))).toEqual(
      toXsdInstant(parseXsdDateTime("2024-03-01T00:00:00Z")),
    );
    // 1 BCE (-0001) is a leap year, followed by 0001 (no year 0)
    expect(
      toXsdInstant(parseXsdDateTime("0001-01-01T00:00:00Z")).seconds -
        toXsdInstant(parseXsdDateTime("-0001-01-01T00:00:00Z")).seconds,
    ).toBe(366n * 86400n);
  });
});

describe("explainXsdDate / explainXsdTime", () => {
  it.each([
    ["2024-02-29", undefined],
    ["2024-02-29Z", undefined],
    ["2026-02-29", "day 29 does not exist in 2026-02 (01–28)"],
    ["2026-3-29", "expected YYYY-MM-DD(Z|±hh:mm)?"],
  ])("date %j", (value, reason) => {
    expect(explainXsdDate(value)).toBe(reason);
  });
  it.each([
    ["08:00:00", undefined],
    ["24:00:00", undefined],
    ["08:00:00.5+02:00", undefined],
    ["08:00", "expected hh:mm:ss(.s+)?(Z|±hh:mm)?"],
    ["23:60:00", "minute 60 is not in 00–59"],
  ])("time %j", (value, reason) => {
    expect(explainXsdTime(value)).toBe(reason);
  });
});

describe("compareXsdDateTime", () => {
  it.each([
    ["2026-03-29T01:30:00.250+01:00", "2026-03-29T00:30:00.25Z", 0],
    ["2026-03-29T08:00:00+02:00", "2026-03-29T07:00:00+02:00", 1],
    ["2026-03-29T06:00:00.0000000001Z", "2026-03-29T08:00:00+02:00", 1],
    ["2026-03-29T06:00:00Z", "2026-03-29T06:00:00.0000000001Z", -1],
    ["2026-03-29T12:00:00", "2026-03-29T12:00:00.000", 0],
    // one side without offset: determinate only beyond ±14 hours
    ["2026-03-29T12:00:00", "2026-03-29T12:00:00Z", undefined],
    ["2026-03-29T12:00:00", "2026-03-30T02:00:00Z", undefined],
    ["2026-03-29T12:00:00", "2026-03-30T02:00:00.001Z", -1],
    ["2026-03-29T12:00:00Z", "2026-03-30T02:00:01", -1],
    ["2026-03-30T02:00:01", "2026-03-29T12:00:00Z", 1],
  ])("%s vs %s → %s", (a, b, want) => {
    expect(compareXsdDateTime(a, b)).toBe(want);
  });

  it("throws on an invalid argument", () => {
    expect(() => compareXsdDateTime("2026-02-30T00:00:00Z", "2026-03-01T00:00:00Z")).toThrow(XsdLexicalError);
  });
});

// ---- properties

const pad = (n: number, width: number) => String(n).padStart(width, "0");

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  offset: number | undefined;
}

const fieldsArb = (fractionDigits: fc.Arbitrary<string>, zoned: boolean): fc.Arbitrary<Fields> =>
  fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fractionDigits,
      offset: zoned
        ? fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 }))
        : fc.constant(undefined),
    })
    // Date.UTC's own calendar decides which days exist (an independent reference)
    .filter(({ year, month, day }) => {
      const d = new Date(0);
      d.setUTCFullYear(year, month - 1, day);
      return d.getUTCDate() === day;
    });

function lexicalOf(f: Fields): string {
  const zone =
    f.offset === undefined
      ? ""
      : f.offset === 0
        ? "Z"
        : `${f.offset < 0 ? "-" : "+"}${pad(Math.trunc(Math.abs(f.offset) / 60), 2)}:${pad(Math.abs(f.offset) % 60, 2)}`;
  const fraction = f.fraction === "" ? "" : `.${f.fraction}`;
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${fraction}${zone}`;
}

/** Epoch milliseconds of the whole seconds, by Date (years 1–9999 are exact in a double). */
function referenceMillis(f: Fields): number {
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, 0);
  return d.getTime() - (f.offset ?? 0) * 60_000;
}

/** The instant in units of 10^-30 s, by string arithmetic on the fraction digits. */
function referenceScaled(f: Fields): bigint {
  return (BigInt(referenceMillis(f)) / 1000n) * 10n ** 30n + BigInt(f.fraction.padEnd(30, "0") || "0");
}

const millisFraction = fc.oneof(
  fc.constant(""),
  fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3)),
);
const longFraction = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 30 });

describe("properties", () => {
  it("instants agree with Date.UTC for millisecond values", () => {
    fc.assert(
      fc.property(fieldsArb(millisFraction, true), (f) => {
        const instant = toXsdInstant(parseXsdDateTime(lexicalOf(f)));
        const millis = Number(instant.seconds) * 1000 + Number((instant.fraction || "0").padEnd(3, "0"));
        expect(millis).toBe(referenceMillis(f) + Number(f.fraction || "0"));
      }),
      { numRuns: 2000 },
    );
  });

  it("comparison agrees with string arithmetic for long fractions", () => {
    fc.assert(
      fc.property(fieldsArb(longFraction, true), fieldsArb(longFraction, true), (a, b) => {
        const ra = referenceScaled(a);
        const rb = referenceScaled(b);
        expect(compareXsdDateTime(lexicalOf(a), lexicalOf(b))).toBe(ra < rb ? -1 : ra > rb ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("the same instant written in another offset compares equal", () => {
    fc.assert(
      fc.property(fieldsArb(longFraction, true), fc.integer({ min: -14 * 60, max: 14 * 60 }), (f, other) => {
        const ms = referenceMillis(f) + other * 60_000;
        const d = new Date(ms);
        const shifted: Fields = {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
          fraction: `${f.fraction}000`,
          offset: other,
        };
        fc.pre(shifted.year >= 1 && shifted.year <= 9999);
        expect(compareXsdDateTime(lexicalOf(f), lexicalOf(shifted))).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  // a narrow range of values so that equal and close instants are frequent
  const narrow = fc
    .record({
      hour: fc.integer({ min: 0, max: 3 }),
      second: fc.integer({ min: 0, max: 2 }),
      fraction: fc.constantFrom("", "0", "5", "50", "05", "000001"),
      offset: fc.option(fc.constantFrom(0, 60, -60, 120), { nil: undefined }),
    })
    .map(({ hour, second, fraction, offset }) =>
      lexicalOf({ year: 2026, month: 3, day: 29, hour, minute: 0, second, fraction, offset }),
    );

  it("is antisymmetric, also with indeterminate pairs", () => {
    fc.assert(
      fc.property(narrow, narrow, (a, b) => {
        const ab = compareXsdDateTime(a, b);
        const ba = compareXsdDateTime(b, a);
        if (ab === undefined) expect(ba).toBeUndefined();
        else expect(ba).toBe(ab === 0 ? 0 : -ab);
      }),
      { numRuns: 3000 },
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(narrow, narrow, narrow, (a, b, c) => {
        const ab = compareXsdDateTime(a, b);
        const bc = compareXsdDateTime(b, c);
        if (ab === undefined || bc === undefined) return;
        if (ab <= 0 && bc <= 0) expect(compareXsdDateTime(a, c)).toBe(ab === 0 && bc === 0 ? 0 : -1);
        if (ab >= 0 && bc >= 0) expect(compareXsdDateTime(a, c)).toBe(ab === 0 && bc === 0 ? 0 : 1);
      }),
      { numRuns: 3000 },
    );
  });
});
