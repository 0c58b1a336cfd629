/**
 * What an SAP field may hold (fixed seed): a value with a C0 control character other than tab/CR/LF, or
 * with a lone surrogate, is refused in every field; a value of well-formed characters within the field's
 * length is taken, and one longer than the length is refused.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";

const SEED = 20261203;
/** True when a UTF-16 unit of `s` is a C0 control character or DEL. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const wellFormed = fc.string({ unit: "grapheme", maxLength: 40 }).filter((s) => !hasControl(s));
const bad = fc.constantFrom("\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\ud800", "\udfff");

/** LTXA1 (CHAR40) of an operation in IDoc-JSON. */
const read = (ltxa1: string) =>
  readIdoc({
    LOIPRO05: {
      IDOC: [
        {
          EDI_DC40: { IDOCTYP: "LOIPRO05" },
          E1AFKOL: { E1AFFLL: { E1AFVOL: { VORNR: "0010", LTXA1: ltxa1 } } },
        },
      ],
    },
  }).issues.filter((i) => i.severity === "error");

test("a bad character anywhere in a text is IDOC_INVALID_CHARACTER at the field", () => {
  fc.assert(
    fc.property(wellFormed, bad, fc.nat(), (text, char, at) => {
      const i = at % (text.length + 1);
      const value = text.slice(0, i) + char + text.slice(i);
      expect(read(value).map((e) => [e.code, renderIssuePath(e)])).toEqual([
        ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL/LTXA1"],
      ]);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test("well-formed text is taken up to the field length (in UTF-16 units, as SAP counts) and refused beyond", () => {
  fc.assert(
    fc.property(wellFormed, (text) => {
      const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
      const errors = read(text).map((e) => e.code);
      expect(errors).toEqual(trimmed.length > 40 ? ["IDOC_VALUE_TOO_LONG"] : []);
    }),
    { seed: SEED, numRuns: 300 },
  );
});
