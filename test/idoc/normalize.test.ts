/** Field normalization, one table per rule: exact strings in, exact strings (or a refusal) out. */
import { describe, expect, test } from "vitest";
import {
  normalizeDate,
  normalizeField,
  normalizeNumber,
  normalizeNumc,
  normalizeTime,
  type SapDataType,
} from "../../src/idoc/index.js";

type Case = readonly [name: string, given: string, want: string | null];

const run = (fn: (v: string) => { ok: boolean; value?: string }, cases: readonly Case[]) =>
  test.each(cases)("%s: %j", (_name, given, want) => {
    const result = fn(given);
    if (want === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: want });
  });

describe("dates (DATS)", () => {
  run(normalizeDate, [
    ["YYYYMMDD", "20260329", "2026-03-29"],
    ["trimmed", "  20260329 ", "2026-03-29"],
    ["initial 00000000 is empty", "00000000", ""],
    ["empty", "", ""],
    ["blank", "   ", ""],
    ["ISO form kept", "2026-03-29", "2026-03-29"],
    ["ISO initial", "0000-00-00", ""],
    ["leap day", "20240229", "2024-02-29"],
    ["last day", "99991231", "9999-12-31"],
    ["no Feb 30", "20260230", null],
    ["no Feb 29 in 2026", "20260229", null],
    ["no Feb 29 in 2100", "21000229", null],
    ["month 13", "20261301", null],
    ["day 0", "20260400", null],
    ["seven digits", "2026032", null],
    ["half ISO", "2026-0329", null],
    ["text", "29.03.2026", null],
  ]);
});

describe("times (TIMS)", () => {
  run(normalizeTime, [
    ["HHMMSS", "143000", "14:30:00"],
    ["trimmed", " 143000  ", "14:30:00"],
    ["initial 000000 is empty", "000000", ""],
    ["empty", "", ""],
    ["end of day 240000", "240000", "24:00:00"],
    ["ISO form kept", "14:30:00", "14:30:00"],
    ["ISO end of day", "24:00:00", "24:00:00"],
    ["last second", "235959", "23:59:59"],
    ["DST-gap wall time is just a time here", "023000", "02:30:00"],
    ["past end of day", "240001", null],
    ["hour 25", "250000", null],
    ["minute 60", "236000", null],
    ["second 60", "235960", null],
    ["five digits", "14300", null],
    ["half ISO", "14:3000", null],
  ]);
});

describe("numbers (QUAN, DEC, FLTP)", () => {
  run(normalizeNumber, [
    ["plain keeps its scale", "1.000", "1.000"],
    ["trimmed", "   480.000 ", "480.000"],
    ["trailing minus", "12.345-", "-12.345"],
    ["leading minus", "-12.345", "-12.345"],
    ["leading plus", "+12.5", "12.5"],
    ["negative zero has no sign", "0.000-", "0.000"],
    ["leading zeros go", "0012.50", "12.50"],
    ["bare point", ".5", "0.5"],
    ["trailing point", "5.", "5"],
    ["integer", "3560", "3560"],
    ["empty", "", ""],
    ["FLTP 10", "1.000000000000000E+01", "10"],
    ["FLTP 0", "0.000000000000000E+00", "0"],
    ["FLTP fraction", "1.234500000000000E-03", "0.0012345"],
    ["FLTP negative", "-5.000000000000000E-01", "-0.5"],
    ["FLTP 21600", "2.160000000000000E+04", "21600"],
    ["FLTP exact, 16 digits", "1.234567890123456E+02", "123.4567890123456"],
    ["lower-case e", "2.5e3", "2500"],
    ["comma", "1,5", null],
    ["thousands separator", "1,000.000", null],
    ["two signs", "-12.345-", null],
    ["minus inside", "12-34", null],
    ["sign only", "-", null],
    ["point only", ".", null],
    ["text", "abc", null],
    ["huge exponent refused", "1E+99999", null],
    ["E-notation with trailing minus", "5.0E-01-", null],
  ]);
});

describe("NUMC", () => {
  const numc = (length: number | undefined) => (v: string) => normalizeNumc(v, length);
  test.each([
    ["kept with zeros", "0001950857", 10, "0001950857"],
    ["padded to its length", "10", 4, "0010"],
    ["trimmed", " 0060 ", 4, "0060"],
    ["empty", "", 4, ""],
    ["longer than the length is refused", "12345", 4, null],
    ["not numeric", "12A4", 4, null],
  ] as const)("%s: %j (NUMC%s)", (_n, given, length, want) => {
    const result = numc(length)(given);
    if (want === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: want });
  });
});

describe("normalizeField dispatches on the SAP data type", () => {
  const t = (kind: SapDataType["kind"], length?: number): SapDataType => ({
    kind,
    typeName: `${kind}${length ?? ""}`,
    ...(length === undefined ? {} : { length }),
  });
  test.each([
    ["CHAR trimmed", " Tablet compression ", t("CHAR", 40), "Tablet compression"],
    ["UNIT trimmed", " KG", t("UNIT", 3), "KG"],
    ["unknown field trimmed only", " 0000 ", undefined, "0000"],
    ["ALPHA to external", "000001895938", t("ALPHA", 12), "1895938"],
    ["ALPHA unpadded stays", "1895938", t("ALPHA", 12), "1895938"],
    ["ALPHA alphanumeric stays", "PO-0001", t("ALPHA", 12), "PO-0001"],
    ["MATN1 numeric to external", "000000000000000088", t("MATN1", 18), "88"],
    ["MATN1 alphanumeric", "D2O_0902414268", t("MATN1", 18), "D2O_0902414268"],
    ["UPPER (batch)", "b2604-230 ", t("UPPER", 10), "B2604-230"],
    ["NUMC", "10", t("NUMC", 2), "10"],
    ["DATS", "20260329", t("DATS", 8), "2026-03-29"],
    ["TIMS", "240000", t("TIMS", 6), "24:00:00"],
    ["QUAN", "4.500-", t("QUAN"), "-4.500"],
    ["DEC", "1.50", t("DEC"), "1.50"],
    ["FLTP", "3.600000000000000E+02", t("FLTP"), "360"],
  ] as const)("%s", (_n, given, type, want) => {
    expect(normalizeField(given, type)).toEqual({ ok: true, value: want });
  });
});
