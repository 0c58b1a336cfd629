/**
 * The JSON syntax locator agrees with the engine: a text is JSON for `findJsonSyntaxError` exactly when
 * `JSON.parse` accepts it, on JSON texts and on texts with one character deleted, inserted or replaced;
 * and where it is not JSON, the place is inside the text or at its end (fixed seed).
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { findJsonSyntaxError, lineColumnAt } from "../../src/idoc/json-syntax-error.js";

const SEED = 20261203;
const jsonText = fc
  .jsonValue()
  .chain((value) =>
    fc.constantFrom(JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, "\t")),
  );
const edit = fc.record({
  kind: fc.constantFrom("delete", "insert", "replace"),
  at: fc.nat(),
  char: fc.constantFrom(
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    "\\",
    "0",
    "-",
    "e",
    ".",
    "t",
    "n",
    " ",
    "\n",
    "\u0001",
    "x",
  ),
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test("JSON texts have no syntax error", () => {
  fc.assert(
    fc.property(jsonText, (text) => {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test("after one edit: an error exactly when JSON.parse refuses, placed within the text", () => {
  fc.assert(
    fc.property(jsonText, edit, (text, { kind, at, char }) => {
      const i = at % (text.length + 1);
      const edited =
        kind === "delete"
          ? text.slice(0, i) + text.slice(i + 1)
          : kind === "insert"
            ? text.slice(0, i) + char + text.slice(i)
            : text.slice(0, i) + char + text.slice(i + 1);
      const offset = findJsonSyntaxError(edited);
      expect(offset === undefined).toBe(parses(edited));
      if (offset !== undefined) {
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(edited.length);
        const { line, column } = lineColumnAt(edited, offset);
        expect(line).toBeGreaterThanOrEqual(1);
        expect(column).toBeGreaterThanOrEqual(1);
      }
    }),
    { seed: SEED, numRuns: 2000 },
  );
});
