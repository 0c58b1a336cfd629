/**
 * The one-parse path of validation and canonicalization (`parse-plain-document.ts`: the reader's cheap
 * pre-check, then libxml2 alone) gives every document the verdict the reader gives it: what the reader
 * refuses, validateXsd reports and canonicalizeXml throws with the same code, line and column; what it
 * accepts, neither refuses with a reader code. Inputs: the attack corpus's small cases, the large attacks
 * scaled down under small limits, and documents near each limit.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { plainXmlBytes } from "../../src/binding/xml-plain-check.js";
import { type ReaderOptions, scanXml, XmlParseError } from "../../src/binding/xml-tree.js";
import { disposeSchemaSets, loadSchemaSet, validateXsd } from "../../src/validation/index.js";
import { repoRoot } from "../helpers/paths.js";

const NS = 'xmlns="http://www.mesa.org/xml/B2MML-V0600"';
const fixture = readFileSync(
  path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
  "utf8",
);
const securityDir = path.join(repoRoot, "fixtures/security");

type Case = readonly [name: string, input: string | Uint8Array, reader: ReaderOptions];

const deep = (levels: number) => `<a ${NS}>${"<b>".repeat(levels - 1)}${"</b>".repeat(levels - 1)}</a>`;
const selfClosingDeep = (levels: number) =>
  `<a ${NS}>${"<b>".repeat(levels - 2)}<c/>${"</b>".repeat(levels - 2)}</a>`;
const attributes = (count: number) =>
  `<a ${NS} ${Array.from({ length: count - 1 }, (_, i) => `x${i}="1"`).join(" ")}/>`;
const flood = (count: number) => `<a ${NS}>${"<b/>".repeat(count - 1)}</a>`;
const text = (length: number) => `<a ${NS}>${"t".repeat(length)}</a>`;
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

const cases: Case[] = [
  ...readdirSync(securityDir)
    .sort()
    .map(
      (name): Case => [
        `fixtures/security/${name}`,
        new Uint8Array(readFileSync(path.join(securityDir, name))),
        {},
      ],
    ),
  ["the valid fixture", fixture, {}],
  ["the valid fixture, as bytes", new TextEncoder().encode(fixture), {}],
  ["the valid fixture, names longer than maxNameLength", fixture, { maxNameLength: 12 }],
  ["the valid fixture, more elements than maxElements", fixture, { maxElements: 20 }],
  ["the valid fixture, text longer than maxTextLength", fixture, { maxTextLength: 20 }],
  ["the valid fixture, deeper than maxDepth", fixture, { maxDepth: 3 }],
  ["the valid fixture, more attributes than maxAttributes", fixture, { maxAttributes: 0 }],
  ["the valid fixture, larger than maxInputBytes", fixture, { maxInputBytes: 100 }],
  ["nesting at maxDepth", deep(40), { maxDepth: 40 }],
  ["nesting one beyond maxDepth", deep(41), { maxDepth: 40 }],
  ["a self-closing element one beyond maxDepth", selfClosingDeep(41), { maxDepth: 40 }],
  ["attributes at maxAttributes", attributes(30), { maxAttributes: 30 }],
  ["attributes one beyond maxAttributes", attributes(31), { maxAttributes: 30 }],
  ["elements at maxElements", flood(50), { maxElements: 50 }],
  ["elements one beyond maxElements", flood(51), { maxElements: 50 }],
  ["text at maxTextLength", text(1000), { maxTextLength: 1000 }],
  ["text one beyond maxTextLength", text(1001), { maxTextLength: 1000 }],
  ["a name at maxNameLength", `<${"n".repeat(64)} ${NS}/>`, { maxNameLength: 64 }],
  ["a name one beyond maxNameLength", `<${"n".repeat(65)} ${NS}/>`, { maxNameLength: 64 }],
  ["an attribute name beyond maxNameLength", `<a ${NS} ${"n".repeat(65)}="1"/>`, { maxNameLength: 64 }],
  ["a comment beyond maxTextLength", `<!--${"c".repeat(1001)}--><a ${NS}/>`, { maxTextLength: 1000 }],
  ["an attribute value beyond maxTextLength", `<a ${NS} v="${"v".repeat(1001)}"/>`, { maxTextLength: 1000 }],
  ["CDATA with markup inside", `<a ${NS}><![CDATA[<b><c x="]]></a>`, {}],
  ["a comment with markup inside", `<a ${NS}><!-- <b> <c x=" --></a>`, {}],
  ["an empty DOCTYPE", `<!DOCTYPE a><a ${NS}/>`, {}],
  ["a DOCTYPE after a comment", `<!-- x --><!DOCTYPE a [<!ENTITY e "x">]><a ${NS}>&e;</a>`, {}],
  ["a DOCTYPE after the root", `<a ${NS}/><!DOCTYPE a>`, {}],
  ["an undeclared entity", `<a ${NS}>&xxe;</a>`, {}],
  ["a declared ISO-8859-1", `<?xml version="1.0" encoding="ISO-8859-1"?><a ${NS}/>`, {}],
  ["a declared UTF8 (no hyphen)", `<?xml version="1.0" encoding="UTF8"?><a ${NS}/>`, {}],
  ["a declared uTf-8", `<?xml version="1.0" encoding="uTf-8"?><a ${NS}/>`, {}],
  ["XML 1.1", `<?xml version="1.1"?><a ${NS}/>`, {}],
  ["a UTF-16 byte order mark", bytes([0xff, 0xfe], `<a ${NS}/>`), {}],
  ["two UTF-8 byte order marks", bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], `<a ${NS}/>`), {}],
  ["one UTF-8 byte order mark", bytes([0xef, 0xbb, 0xbf], `<a ${NS}/>`), {}],
  ["an overlong UTF-8 form", bytes(`<a ${NS}>`, [0xc0, 0xaf], "</a>"), {}],
  ["an encoded surrogate", bytes(`<a ${NS}>`, [0xed, 0xa0, 0x80], "</a>"), {}],
  ["a sequence cut by the end", bytes(`<a ${NS}/>`, [0xe2, 0x82]), {}],
  ["a lone surrogate in a string", `<a ${NS}>a\uD800b</a>`, {}],
  ["a name that is not a QName", `<a ${NS}><b:c:d xmlns:b="urn:b"/></a>`, {}],
  ["an unbound prefix", `<a ${NS}><p:b/></a>`, {}],
  ["an empty prefixed namespace", `<a ${NS}><p:b xmlns:p=""/></a>`, {}],
  ["a relative namespace URI", `<a ${NS}><b xmlns="rel/x"/></a>`, {}],
  ["a relative namespace URI on the root", '<a xmlns="rel/x"/>', {}],
  ["a fragment as namespace URI on the root", '<a xmlns:f="#frag"/>', {}],
  ["a network-path namespace URI on the root", "<a xmlns='//host/path'/>", {}],
  ["a namespace URI written with a reference", '<a xmlns="urn:a&amp;b"/>', {}],
  ["a namespace URI with a space", `<a ${NS}><b xmlns:q="foo bar"/></a>`, {}],
  ["a mismatched end tag", `<a ${NS}><b></c></a>`, {}],
  ["text after the root", `<a ${NS}/>text`, {}],
  ["whitespace only", "  \n ", {}],
  ["a comment only", "<!-- x -->", {}],
  ["an unterminated comment in the prolog", `<!-- x <a ${NS}/>`, {}],
  ["an unterminated attribute value", `<a ${NS} v="x/>`, {}],
  ["a processing instruction and a stylesheet", `<?xml-stylesheet href="x.xsl"?><a ${NS}><?pi x?></a>`, {}],
];

/** The reader's verdict: its refusal, or undefined. */
function readerRefusal(input: string | Uint8Array, reader: ReaderOptions) {
  try {
    scanXml(input, reader);
    return undefined;
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return { code: error.code, line: error.line, column: error.column };
  }
}

const READER_CODE = /^XML_(?!REFUSED_BY_LIBXML2)/;

beforeAll(() => loadSchemaSet("profile"));
afterAll(() => disposeSchemaSets());

describe("the one-parse path gives the reader's verdict", () => {
  test.each(cases)("%s", (_name, input, reader) => {
    const want = readerRefusal(input, reader);
    const schemas = loadSchemaSet("profile");
    const result = validateXsd(input, { schemas, reader });
    let c14nRefusal: { code: string; line: number; column: number } | undefined;
    try {
      canonicalizeXml(input, { reader });
    } catch (error) {
      if (!(error instanceof XmlParseError)) throw error;
      c14nRefusal = { code: error.code, line: error.line, column: error.column };
    }
    if (want === undefined) {
      expect(result.issues.filter((i) => READER_CODE.test(i.code))).toEqual([]);
      if (c14nRefusal !== undefined) expect(c14nRefusal.code).toBe("XML_REFUSED_BY_LIBXML2");
    } else {
      expect(result.valid).toBe(false);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ origin: "xml", ...want });
      expect(c14nRefusal).toEqual(want);
    }
  });
});

test("the cases at a limit go through the one-parse path (the pre-check vouches for them)", () => {
  const atLimit = cases.filter(([name]) =>
    /^(nesting|attributes|elements|a name) at max|^the valid fixture(, as bytes)?$|inside$|one UTF-8/.test(
      name,
    ),
  );
  expect(atLimit.length).toBeGreaterThan(6);
  for (const [name, input, reader] of atLimit)
    expect(plainXmlBytes(input, reader) === undefined ? name : "plain").toBe("plain");
});
