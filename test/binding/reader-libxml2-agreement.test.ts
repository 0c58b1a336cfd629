/**
 * The hardened reader and libxml2 agree on what they accept (issue #10): what libxml2's parser or
 * canonicalizer refuses, the reader refuses first, with a specific code, line and column, in every entry
 * point that takes a document (reader, scan, c14n, digest, validate). Nothing reaches the caller as an
 * internal error, and validate never answers a bare `XML_NOT_WELL_FORMED` for these.
 *
 * Cases: `fixtures/xml-reader/<case>/input.xml` with `expected.json`; large inputs are generated here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { digest } from "../../src/audit/digest.js";
import { parseXmlTree, scanXml, XmlParseError } from "../../src/binding/xml-tree.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { repoRoot } from "../helpers/paths.js";

const casesDir = path.join(repoRoot, "fixtures/xml-reader");
const cases = readdirSync(casesDir)
  .sort()
  .map((name) => {
    const dir = path.join(casesDir, name);
    const want = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as {
      code: string;
      line: number;
      column: number;
      received: string;
    };
    return { name, bytes: new Uint8Array(readFileSync(path.join(dir, "input.xml"))), want };
  });

/** The refusal `run` throws, as the fields a caller sees. */
function refusalOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return { code: error.code, line: error.line, column: error.column, received: error.received };
  }
  return undefined;
}

describe("the reader refuses what libxml2 refuses, with a code and a position", () => {
  test.each(cases)("$name", ({ bytes, want }) => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const entryPoints: Record<string, () => unknown> = {
      "parseXmlTree(bytes)": () => parseXmlTree(bytes),
      "parseXmlTree(string)": () => parseXmlTree(text),
      "scanXml(bytes)": () => scanXml(bytes),
      "canonicalizeXml(bytes)": () => canonicalizeXml(bytes),
      "canonicalizeXml(exc-c14n)": () => canonicalizeXml(bytes, { method: "exc-c14n" }),
      "digest(c14n11)": () => digest(bytes, { canonicalization: "c14n11" }),
    };
    for (const [name, run] of Object.entries(entryPoints))
      expect({ name, refusal: refusalOf(run) }).toEqual({ name, refusal: want });
    const validated = validateXsd(bytes, { release: "V0600" });
    expect(validated.valid).toBe(false);
    expect(validated.issues).toEqual([
      expect.objectContaining({
        code: want.code,
        origin: "xml",
        line: want.line,
        column: want.column,
        received: want.received,
      }),
    ]);
  });
});

describe("namespace names: RFC 3986 absolute URIs, as libxml2 parses and canonicalizes them", () => {
  const declare = (uri: string) => `<p:r xmlns:p="${uri}"/>`;
  test.each([
    ["urn:x", true],
    ["http://www.mesa.org/xml/B2MML-V0600", true],
    ["http://a/%20b?q=1#f", true],
    ["http://[::1]:8080/", true],
    ["mailto:x@y", true],
    ["a+b.c-d:e", true],
    ["x:", true],
    ["foo bar", false],
    ["rel/x", false],
    ["#frag", false],
    ["?q", false],
    ["//host/path", false],
    ["1a:b", false],
    ["http://a:b/", false],
    ["http://a/%zz", false],
    ["http://a/ü", false],
    ["http://a/{x}", false],
    ["http://a/b#c#d", false],
    [" urn:x", false],
  ])("%j accepted: %s", (uri, accepted) => {
    const refusal = refusalOf(() => canonicalizeXml(declare(uri)));
    expect(refusal?.code).toBe(accepted ? undefined : "XML_BAD_NAMESPACE_URI");
  });

  test('xmlns="" (no default namespace) stays accepted', () => {
    expect(canonicalizeXml('<r xmlns="urn:a"><s xmlns=""/></r>').toString()).toBe(
      '<r xmlns="urn:a"><s xmlns=""></s></r>',
    );
  });
});

describe("sizes the reader accepts, libxml2 accepts", () => {
  // 3.4 million characters of "€" are 10.2 MB of UTF-8: over libxml2's default 10,000,000-byte limit,
  // under the reader's 8 Mi characters.
  const wide = "€".repeat(3_400_000);
  test.each([
    ["a text node", `<r>${wide}</r>`],
    ["a comment", `<r><!--${wide}--></r>`],
    ["an attribute value", `<r a="${wide}"></r>`],
    ["a processing instruction", `<r><?p ${wide}?></r>`],
  ])("%s of 10.2 MB is canonicalized, not an internal error", (_name, xml) => {
    const method = "c14n#WithComments";
    expect(canonicalizeXml(xml, { method }).equals(Buffer.from(xml, "utf8"))).toBe(true);
  });

  test("a CDATA section of 10.2 MB is canonicalized as text", () => {
    expect(canonicalizeXml(`<r><![CDATA[${wide}]]></r>`).equals(Buffer.from(`<r>${wide}</r>`))).toBe(true);
  });

  test("validate reads a 10.2 MB text node without a reader or libxml2 refusal", () => {
    const xml = `<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><!--${wide}--></ProcessProductionSchedule>`;
    const result = validateXsd(xml);
    expect(result.issues.filter((issue) => issue.origin === "xml")).toEqual([]);
  });

  test("a reader limit raised past libxml2's is libxml2's refusal, as an input error with its position", () => {
    const depth = 2100;
    const xml = `${"<a>".repeat(depth)}${"</a>".repeat(depth)}`;
    const reader = { maxDepth: 5000 };
    expect(refusalOf(() => canonicalizeXml(xml, { reader }))).toEqual({
      code: "XML_REFUSED_BY_LIBXML2",
      line: 1,
      column: 6147,
      received: undefined,
    });
    const issues = validateXsd(xml, { reader, release: "V0600" }).issues;
    expect(issues.map((i) => [i.code, i.origin, i.line, i.column])).toEqual([
      ["XML_REFUSED_BY_LIBXML2", "xml", 1, 6147],
    ]);
  });
});

describe("strings must be well-formed UTF-16 (a lone surrogate is never turned into U+FFFD)", () => {
  test.each([
    ["a lone high surrogate in text", "<r>a\uD800b</r>", 1, 5, "U+D800"],
    ["a lone low surrogate in text", "<r>a\uDC00</r>", 1, 5, "U+DC00"],
    ["a reversed pair", "<r>\uDE00\uD83D</r>", 1, 4, "U+DE00"],
    ["in an attribute, after a pair and a line", '<r>\uD83D\uDE00\n<s a="\uDBFF"/></r>', 2, 7, "U+DBFF"],
    ["after a byte order mark", "\uFEFF<r>\uD800</r>", 1, 4, "U+D800"],
  ])("%s", (_name, xml, line, column, unit) => {
    const want = { code: "XML_ILL_FORMED_UTF16", line, column, received: unit };
    expect(refusalOf(() => parseXmlTree(xml))).toEqual(want);
    expect(refusalOf(() => scanXml(xml))).toEqual(want);
    expect(refusalOf(() => canonicalizeXml(xml))).toEqual(want);
    expect(refusalOf(() => digest(xml, { canonicalization: "c14n" }))).toEqual(want);
    expect(validateXsd(xml, { release: "V0600" }).issues).toEqual([
      expect.objectContaining({ code: "XML_ILL_FORMED_UTF16", origin: "xml", line, column, received: unit }),
    ]);
  });

  test.each(["none", "jcs"] as const)("digest with canonicalization %s refuses a lone surrogate", (c14n) => {
    const payload = c14n === "jcs" ? '{"a":"x\uD800"}' : "<r>a\uD800b</r>";
    expect(() => digest(payload, { canonicalization: c14n })).toThrow(
      expect.objectContaining({ code: "ILL_FORMED_UTF16", received: "U+D800" }),
    );
    expect(() => digest(payload, { canonicalization: "c14n", alreadyCanonical: true })).toThrow(
      expect.objectContaining({ code: "ILL_FORMED_UTF16" }),
    );
  });

  test("the issue's example no longer has the digest of its U+FFFD form", () => {
    expect(() => digest("<r>a\uD800b</r>")).toThrow(expect.objectContaining({ code: "ILL_FORMED_UTF16" }));
    expect(digest("<r>a\uFFFDb</r>").hex).toMatch(/^[0-9a-f]{64}$/);
    expect(digest("<r>\uD83D\uDE00</r>").hex).toBe(digest(Buffer.from("<r>😀</r>", "utf8")).hex);
  });
});
