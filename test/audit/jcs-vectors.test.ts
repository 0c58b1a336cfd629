/**
 * RFC 8785 (JCS) vectors from cyberphone/json-canonicalization (`../shared/vectors/jcs-rfc8785/testdata`,
 * read in place): every input canonicalizes to the expected output bytes (and to the hex form).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { canonicalizeJson, canonicalizeJsonText } from "../../src/audit/canonicalize-json.js";
import { vectorsDir, vectorsMissing } from "./c14n-vectors.js";

const dir = path.join(vectorsDir, "jcs-rfc8785/testdata");
const names = existsSync(dir) ? readdirSync(path.join(dir, "input")).sort() : [];

describe.skipIf(names.length === 0)("RFC 8785 JCS vectors", () => {
  test.each(names)("%s", (name) => {
    const input = readFileSync(path.join(dir, "input", name));
    const expected = readFileSync(path.join(dir, "output", name));
    const hex = readFileSync(path.join(dir, "outhex", name.replace(/\.json$/, ".txt")), "utf8").replace(
      /\s+/g,
      "",
    );
    const got = canonicalizeJsonText(input);
    expect(got.toString("utf8")).toBe(expected.toString("utf8"));
    expect(got.equals(expected)).toBe(true);
    expect(got.toString("hex")).toBe(hex.toLowerCase());
  });

  test("all six vectors are there", () => {
    expect(names).toHaveLength(6);
  });
});
if (names.length === 0) test.skip(vectorsMissing, () => {});

describe("canonicalizeJson", () => {
  test.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["undefined", undefined],
    ["a lone surrogate", "\ud800"],
  ])("refuses %s", (_name, value) => {
    expect(() => canonicalizeJson(value)).toThrow(TypeError);
  });
});
