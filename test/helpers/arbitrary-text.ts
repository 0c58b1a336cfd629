/**
 * fast-check arbitrary of text for writers: any UTF-16 code unit (lone surrogates included), any code
 * point, and the characters that matter to XML and to the reports' shown form made likely.
 */
import fc from "fast-check";

/** Strings of any UTF-16 code units, with the characters that matter here made likely. */
export const anyUtf16String = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\u0000", "\u0001", "\u001b", "\t", "\n", "\r", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF"),
    fc.constantFrom("&", "<", ">", '"', "'", "]]>", "\\", "\\u0001", "\\u005C", "u0041"),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    fc.string({ unit: "grapheme-ascii", maxLength: 3 }),
  ),
  maxLength: 24,
});
