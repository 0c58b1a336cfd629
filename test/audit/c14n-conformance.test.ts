/**
 * Conformance of the XML canonicalization over libxml2's C14N vectors (`../shared/vectors/c14n-libxml2`),
 * all four modes, XPath subsets and InclusiveNamespaces PrefixLists included.
 *
 * 1. The hardened path ({@link canonicalizeXml}: hardened reader, then libxml2 with the safe options):
 *    every vector it can reach must give the expected bytes; every vector it cannot reach is listed below
 *    with the reason, and the list must be exactly the vectors the hardened reader refuses.
 * 2. "libxml2 with DTD processing (not the hardened path)": the unreachable vectors, parsed as libxml2's
 *    own runner parses them (DTD loading, attribute defaulting and entity substitution on, doc.dtd and
 *    world.txt served from the vector folder), through the same canonicalization code, to show that the
 *    canonicalization itself is right for them too.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ParseOption, XmlDocument } from "libxml2-wasm";
import { afterAll, describe, expect, test } from "vitest";
import { c14nMethod } from "../../src/audit/c14n-method.js";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { canonicalizeLibxml2Document } from "../../src/audit/libxml2-c14n.js";
import { XmlParseError } from "../../src/binding/xml-tree.js";
import { withServedFiles } from "../../src/validation/schema-input-provider.js";
import { type C14nVector, loadC14nVectors, MODES, vectorsMissing } from "./c14n-vectors.js";

const vectors = loadC14nVectors();

const DTD_ATTRIBUTE_DEFAULT = 'a DTD attribute default (ATTLIST e9 attr CDATA "default") must be added';
const EXTERNAL_DTD = 'an external DTD subset (SYSTEM "doc.dtd") must be loaded';
const ID_TYPE = "attribute value normalization depends on the DTD's ID type (normId/@id)";
const ENTITIES =
  "general entities must be replaced: internal &ent1; and external &ent2; (world.txt), an ENTITY-typed attribute and a NOTATION";
const XML_SPACE_AND_ID =
  'a DTD default for xml:space, and the XPath subset calls id("E3"), which needs the DTD\'s ID declaration';
const ENVELOPE_DTD =
  "an internal DTD subset (entity and ID declarations) that the vector's XPath file relies on";
const LATIN1 =
  'encoding="ISO-8859-1": the hardened reader reads UTF-8 only (a caller transcodes first; see the transcoding test)';

/** Every vector the hardened path cannot reach, with the reason. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  "without-comments/example-1": EXTERNAL_DTD,
  "without-comments/example-3": DTD_ATTRIBUTE_DEFAULT,
  "without-comments/example-4": ID_TYPE,
  "without-comments/example-5": ENTITIES,
  "without-comments/example-6": LATIN1,
  "without-comments/example-7": XML_SPACE_AND_ID,
  "without-comments/test-0": ENVELOPE_DTD,
  "without-comments/test-1": ENVELOPE_DTD,
  "without-comments/test-3": DTD_ATTRIBUTE_DEFAULT,
  "with-comments/example-1": EXTERNAL_DTD,
  "with-comments/example-3": DTD_ATTRIBUTE_DEFAULT,
  "with-comments/example-4": ID_TYPE,
  "with-comments/example-5": ENTITIES,
  "with-comments/example-6": LATIN1,
  "with-comments/example-7": XML_SPACE_AND_ID,
  "exc-without-comments/test-0": DTD_ATTRIBUTE_DEFAULT,
  "exc-without-comments/test-1": DTD_ATTRIBUTE_DEFAULT,
  "1-1-without-comments/example-1": EXTERNAL_DTD,
  "1-1-without-comments/example-3": DTD_ATTRIBUTE_DEFAULT,
  "1-1-without-comments/example-4": ID_TYPE,
  "1-1-without-comments/example-5": ENTITIES,
  "1-1-without-comments/example-6": LATIN1,
  "1-1-without-comments/example-7": XML_SPACE_AND_ID,
  "1-1-without-comments/example-8": XML_SPACE_AND_ID,
  "1-1-without-comments/xmlbase-c14n11spec-102": XML_SPACE_AND_ID,
  "1-1-without-comments/xmlbase-c14n11spec2-102": XML_SPACE_AND_ID,
};

function runHardened(v: C14nVector): Buffer {
  return canonicalizeXml(v.input, {
    method: v.method,
    ...(v.subset ? { nodeSet: v.subset } : {}),
    ...(v.inclusivePrefixes ? { inclusivePrefixes: v.inclusivePrefixes } : {}),
    reader: { file: v.file },
  });
}

/** Parse options of libxml2's own C14N runner: DTD loading, attribute defaults, entity substitution. */
const DTD_PARSE_OPTIONS =
  ParseOption.XML_PARSE_DTDLOAD |
  ParseOption.XML_PARSE_DTDATTR |
  ParseOption.XML_PARSE_NOENT |
  ParseOption.XML_PARSE_NONET;

function runWithDtd(v: C14nVector): Buffer {
  const dir = path.dirname(v.file);
  const served = new Map(
    ["doc.dtd", "world.txt"]
      .map((f) => path.join(dir, f))
      .filter((f) => existsSync(f))
      .map((f) => [f, readFileSync(f)] as const),
  );
  const doc = withServedFiles(served, [], () =>
    XmlDocument.fromBuffer(v.input, { url: v.file, option: DTD_PARSE_OPTIONS }),
  );
  try {
    return canonicalizeLibxml2Document(
      doc,
      c14nMethod(v.method),
      v.subset ? { kind: "node-set", select: v.subset } : { kind: "document" },
      v.inclusivePrefixes ?? [],
    );
  } finally {
    doc.dispose();
  }
}

const tally = new Map<string, { pass: number; fail: number; unreachable: number; dtdPass: number }>();
const count = (mode: string) => {
  const t = tally.get(mode) ?? { pass: 0, fail: 0, unreachable: 0, dtdPass: 0 };
  tally.set(mode, t);
  return t;
};

afterAll(() => {
  if (vectors.length === 0) return;
  const lines = [
    "libxml2 C14N vectors (hardened path | libxml2 with DTD processing for the unreachable ones):",
  ];
  for (const [mode, method] of Object.entries(MODES)) {
    const t = count(mode);
    const total = vectors.filter((v) => v.mode === mode).length;
    lines.push(
      `  ${mode.padEnd(22)} ${method.padEnd(18)} ${t.pass}/${total} pass on the hardened path, ${t.fail} fail, ${t.unreachable} unreachable (${t.dtdPass}/${t.unreachable} pass with DTD processing)`,
    );
  }
  for (const [id, reason] of Object.entries(UNREACHABLE)) lines.push(`  unreachable ${id}: ${reason}`);
  console.log(lines.join("\n"));
});

describe.skipIf(vectors.length === 0)("C14N vectors on the hardened path", () => {
  test("the vectors are there: four modes", () => {
    expect(new Set(vectors.map((v) => v.mode))).toEqual(new Set(Object.keys(MODES)));
  });

  test.each(vectors.filter((v) => !(v.id in UNREACHABLE)).map((v) => [v.id, v] as const))("%s", (_id, v) => {
    const got = runHardened(v);
    if (got.equals(v.expected)) count(v.mode).pass++;
    else count(v.mode).fail++;
    expect(got.toString("utf8")).toBe(v.expected.toString("utf8"));
    expect(got.equals(v.expected)).toBe(true);
  });

  test("the unreachable vectors are exactly those the hardened reader refuses: a DOCTYPE, or a non-UTF-8 encoding", () => {
    const refused: string[] = [];
    for (const v of vectors) {
      try {
        runHardened(v);
      } catch (error) {
        if (!(error instanceof XmlParseError)) throw error;
        refused.push(v.id);
        expect(error.code).toBe(v.hasDoctype ? "XML_DOCTYPE_REFUSED" : "XML_UNSUPPORTED_ENCODING");
        count(v.mode).unreachable++;
      }
    }
    expect(refused.sort()).toEqual(Object.keys(UNREACHABLE).sort());
    const withDoctype = vectors.filter((v) => v.hasDoctype).map((v) => v.id);
    const latin1 = vectors.filter((v) => v.input.includes('encoding="ISO-8859-1"')).map((v) => v.id);
    expect(refused.sort()).toEqual([...withDoctype, ...latin1].sort());
  });

  test("the ISO-8859-1 vector passes once the caller transcodes it to UTF-8", () => {
    for (const v of vectors.filter((x) => x.name === "example-6")) {
      const utf8 = Buffer.from(
        v.input.toString("latin1").replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'),
        "utf8",
      );
      expect(runHardened({ ...v, input: utf8 }).equals(v.expected)).toBe(true);
    }
  });
});

if (vectors.length === 0) test.skip(vectorsMissing, () => {});

describe.skipIf(vectors.length === 0)("libxml2 with DTD processing (not the hardened path)", () => {
  test.each(Object.keys(UNREACHABLE).map((id) => [id] as const))("%s", (id) => {
    const v = vectors.find((x) => x.id === id);
    expect(v).toBeDefined();
    if (!v) return;
    const got = runWithDtd(v);
    if (got.equals(v.expected)) count(v.mode).dtdPass++;
    expect(got.toString("utf8")).toBe(v.expected.toString("utf8"));
  });
});
