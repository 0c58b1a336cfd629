/**
 * The one escaping module: C14N escaping, the characters XML 1.0 forbids, and the visible, reversible
 * form reports use for them.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  escapeAttribute,
  escapeText,
  findForbiddenCharacter,
  restoreShownCharacters,
  showForbiddenCharacters,
} from "../../src/binding/xml-escape.js";
import { anyUtf16String } from "../helpers/arbitrary-text.js";

describe("findForbiddenCharacter", () => {
  test.each<[string, string, { codePoint: number; position: number; index: number } | undefined]>([
    ["plain text", "abc", undefined],
    ["tab, LF, CR", "\t\n\r", undefined],
    ["U+0001", "ab\u0001", { codePoint: 1, position: 3, index: 2 }],
    ["U+001F", "\u001f", { codePoint: 0x1f, position: 1, index: 0 }],
    ["U+007F (allowed, if discouraged)", "\u007f", undefined],
    [
      "U+FFFE after a surrogate pair (one character)",
      "😀\uFFFE",
      { codePoint: 0xfffe, position: 2, index: 2 },
    ],
    ["U+FFFF", "\uFFFF", { codePoint: 0xffff, position: 1, index: 0 }],
    ["a lone high surrogate at the end", "a\uD83D", { codePoint: 0xd83d, position: 2, index: 1 }],
    ["a low surrogate before a high one", "\uDE00\uD83D", { codePoint: 0xde00, position: 1, index: 0 }],
    ["a pair", "\uD83D\uDE00", undefined],
    ["U+10FFFF", "\u{10FFFF}", undefined],
  ])("%s", (_name, text, want) => {
    expect(findForbiddenCharacter(text)).toEqual(want);
  });
});

describe("escapeText and escapeAttribute", () => {
  test("escape as C14N does", () => {
    expect(escapeText('a&b<c>d"e\tf\ng\rh')).toBe('a&amp;b&lt;c&gt;d"e\tf\ng&#xD;h');
    expect(escapeAttribute('a&b<c>d"e\tf\ng\rh')).toBe("a&amp;b&lt;c>d&quot;e&#x9;f&#xA;g&#xD;h");
  });

  test.each(["\u0001", "\uFFFE", "\uD800"])("refuse %j with a RangeError instead of writing it", (c) => {
    expect(() => escapeText(`x${c}`)).toThrow(
      new RangeError(
        `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at character 2 cannot be written in XML 1.0`,
      ),
    );
    expect(() => escapeAttribute(c)).toThrow(RangeError);
  });
});

describe("showForbiddenCharacters", () => {
  test.each([
    ["nothing to show", "report.xml", "report.xml"],
    ["U+0001", "bad\u0001.xml", "bad\\u0001.xml"],
    [
      "ESC, U+FFFE, lone surrogates",
      "\u001b[31m\uFFFE\uDC00\uD800x\uDBFF",
      "\\u001B[31m\\uFFFE\\uDC00\\uD800x\\uDBFF",
    ],
    ["the text \\u0001 is told apart", "a\\u0001.xml", "a\\u005Cu0001.xml"],
    ["other backslashes stay", "C:\\data\\x.xml", "C:\\data\\x.xml"],
    ["tab, LF, CR and pairs stay", "a\tb\nc\r😀", "a\tb\nc\r😀"],
  ])("%s", (_name, text, shown) => {
    expect(showForbiddenCharacters(text)).toBe(shown);
    expect(restoreShownCharacters(shown)).toBe(text);
  });

  test("property: the shown text has no forbidden character, and restoring it gives the text back", () => {
    fc.assert(
      fc.property(anyUtf16String, (text) => {
        const shown = showForbiddenCharacters(text);
        expect(findForbiddenCharacter(shown)).toBeUndefined();
        expect(restoreShownCharacters(shown)).toBe(text);
      }),
      { seed: 18, numRuns: 2000 },
    );
  });
});
