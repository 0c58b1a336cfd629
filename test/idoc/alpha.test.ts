/** ALPHA / MATN1 conversion both ways, and batch upper case. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  ALPHA_KEY_LENGTHS,
  alphaToExternal,
  alphaToInternal,
  batchToInternal,
  keyToInternal,
} from "../../src/idoc/index.js";

describe("examples", () => {
  test.each([
    ["AUFNR internal → external", () => alphaToExternal("000001895938"), "1895938"],
    ["AUFNR external → internal", () => alphaToInternal("1895938", 12), "000001895938"],
    ["KDAUF 10", () => alphaToInternal("6094", 10), "0000006094"],
    ["MATNR 18 when numeric", () => alphaToInternal("88", 18), "000000000000000088"],
    ["MATNR alphanumeric left alone", () => alphaToInternal("D2O_0902414268", 18), "D2O_0902414268"],
    ["all zeros keep one zero", () => alphaToExternal("0000000000"), "0"],
    ["zero back to internal", () => alphaToInternal("0", 10), "0000000000"],
    ["empty stays empty", () => alphaToInternal("", 12), ""],
    ["trimmed", () => alphaToExternal(" 0000123 "), "123"],
    ["CHARG upper case", () => batchToInternal("b2604-230"), "B2604-230"],
    ["keyToInternal AUFNR", () => keyToInternal("AUFNR", "1004711"), "000001004711"],
    ["keyToInternal MATNR", () => keyToInternal("MATNR", "400123"), "000000000000400123"],
    ["keyToInternal CHARG", () => keyToInternal("CHARG", "a26-0417"), "A26-0417"],
    ["keyToInternal other field", () => keyToInternal("WERKS", " CH01 "), "CH01"],
  ] as const)("%s", (_name, run, want) => {
    expect(run()).toBe(want);
  });

  test("a numeric key longer than its field is refused", () => {
    expect(() => alphaToInternal("1234567890123", 12)).toThrow(RangeError);
  });

  test("the lengths of the reference", () => {
    expect(ALPHA_KEY_LENGTHS).toMatchObject({ AUFNR: 12, KDAUF: 10, MATNR: 18, MATNR_LONG: 40 });
  });
});

describe("properties", () => {
  const length = fc.constantFrom(8, 10, 12, 18, 40);
  test("toInternal(toExternal(x)) = x for every numeric key in internal form", () => {
    fc.assert(
      fc.property(
        length.chain((n) => fc.tuple(fc.constant(n), fc.stringMatching(new RegExp(`^[0-9]{${n}}$`)))),
        ([n, internal]) => alphaToInternal(alphaToExternal(internal), n) === internal,
      ),
    );
  });

  test("toExternal(toInternal(y)) = y for every numeric key in external form", () => {
    fc.assert(
      fc.property(
        length.chain((n) =>
          fc.tuple(fc.constant(n), fc.stringMatching(new RegExp(`^(0|[1-9][0-9]{0,${n - 1}})$`))),
        ),
        ([n, external]) => alphaToExternal(alphaToInternal(external, n)) === external,
      ),
    );
  });

  test("a key that is not purely numeric is never changed", () => {
    const nonNumeric = fc
      .stringMatching(/^[0-9A-Z_\-/. ]{0,18}$/)
      .map((s) => s.trim())
      .filter((s) => s !== "" && !/^[0-9]+$/.test(s));
    fc.assert(
      fc.property(
        nonNumeric,
        length,
        (key, n) => alphaToInternal(key, n) === key && alphaToExternal(key) === key,
      ),
    );
  });
});
