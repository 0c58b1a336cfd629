/**
 * The hardened reader's scan mode (`scanXml`): the same parser, limits, refusals, codes and positions as
 * `parseXmlTree`, without the tree. Every case of the attack corpus (`test/security/attack-corpus.test.ts`)
 * is run through the scan mode with the same expected code, line and column, within the same time and
 * memory bounds; and the two modes are compared on every fixture and on random, often broken, documents.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DEFAULT_READER_LIMITS,
  parseXmlTree,
  type ReaderOptions,
  scanXml,
  XmlParseError,
  type XmlParseErrorCode,
  type XmlScanResult,
} from "../../src/binding/xml-tree.js";
import { repoRoot } from "../helpers/paths.js";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(repoRoot, "fixtures/security", `${name}.xml`)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;
const secretLines = existsSync("/etc/passwd")
  ? readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .filter((line) => line.length >= 8)
  : [];

interface Want {
  readonly code: XmlParseErrorCode;
  readonly line?: number;
  readonly column?: number;
}

/**
 * CPU time of this process in ms (user + system), not wall time: the bound is on the work an input
 * costs, which other processes on a loaded machine do not change.
 */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Scans once, within the corpus's bounds (1 s of CPU, 256 MB of heap); returns the refusal. */
function expectScanRefused(input: string | Uint8Array, want: Want, options?: string | ReaderOptions) {
  const before = process.memoryUsage();
  const start = cpuMs();
  let result: XmlScanResult | undefined;
  let error: unknown;
  try {
    result = scanXml(input, options);
  } catch (caught) {
    error = caught;
  }
  const ms = cpuMs() - start;
  const after = process.memoryUsage();
  expect(result).toBeUndefined();
  expect(error).toBeInstanceOf(XmlParseError);
  const refused = error as XmlParseError;
  expect({ code: refused.code, line: refused.line, column: refused.column }).toEqual({
    code: want.code,
    line: want.line ?? refused.line,
    column: want.column ?? refused.column,
  });
  expect(ms).toBeLessThan(1000);
  expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(
    256 * MB,
  );
  for (const line of secretLines) expect(`${refused.message}\n${refused.stack ?? ""}`).not.toContain(line);
  return refused;
}

/** What a mode gives: the root's name and place, or the refusal (code, message with position, file). */
function outcome(read: () => { ns: string | null; local: string; line: number; column: number }) {
  try {
    const { ns, local, line, column } = read();
    return { ns, local, line, column };
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return { code: error.code, message: error.message, file: error.file };
  }
}

/** Both modes give the same root or the same refusal. */
function expectSameAsTree(input: string | Uint8Array, options?: string | ReaderOptions) {
  const tree = outcome(() => parseXmlTree(input, options));
  expect(outcome(() => scanXml(input, options).root)).toEqual(tree);
  return tree;
}

describe("the attack corpus through the scan mode", () => {
  test.for<[string, Required<Want>]>([
    ["xxe-local-file", { code: "XML_DOCTYPE_REFUSED", line: 2, column: 1 }],
    ["xxe-parameter-entity", { code: "XML_DOCTYPE_REFUSED", line: 2, column: 1 }],
    ["external-dtd", { code: "XML_DOCTYPE_REFUSED", line: 3, column: 1 }],
    ["billion-laughs", { code: "XML_DOCTYPE_REFUSED", line: 2, column: 1 }],
    ["quadratic-blowup", { code: "XML_DOCTYPE_REFUSED", line: 2, column: 1 }],
    ["invalid-utf8", { code: "XML_BAD_ENCODING", line: 3, column: 12 }],
    ["utf16-bom", { code: "XML_UNSUPPORTED_ENCODING", line: 1, column: 1 }],
    ["declared-latin1", { code: "XML_UNSUPPORTED_ENCODING", line: 1, column: 31 }],
    ["mismatched-tag", { code: "XML_NOT_WELL_FORMED", line: 5, column: 24 }],
    ["undefined-entity", { code: "XML_NOT_WELL_FORMED", line: 3, column: 12 }],
    ["empty", { code: "XML_EMPTY", line: 2, column: 1 }],
  ])("fixture %s", ([name, want]) => {
    const error = expectScanRefused(fixture(name), want, { file: `${name}.xml` });
    expect(error.message.startsWith(`${name}.xml:${want.line}:${want.column}: `)).toBe(true);
    expectSameAsTree(fixture(name), { file: `${name}.xml` });
    if (!["invalid-utf8", "utf16-bom"].includes(name))
      expectScanRefused(new TextDecoder("latin1").decode(fixture(name)), want);
  });

  test("a mismatched end tag names the element it expected", () => {
    const error = expectScanRefused(fixture("mismatched-tag"), { code: "XML_NOT_WELL_FORMED" });
    expect(error.message).toContain("expected </ProductionRequest> for the element at 3:3");
  });

  test("accepted fixtures: the root is the tree's root", () => {
    for (const name of ["xinclude", "schema-location", "xml-stylesheet-pi"]) {
      const tree = parseXmlTree(fixture(name));
      const { root } = scanXml(fixture(name));
      expect(root).toEqual({
        ns: tree.ns,
        local: tree.local,
        prefix: tree.prefix,
        line: tree.line,
        column: tree.column,
      });
    }
  });

  test("100,000 levels of nesting → XML_TOO_DEEP at the 257th start tag", () => {
    const xml = `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`;
    expectScanRefused(xml, { code: "XML_TOO_DEEP", line: 1, column: 256 * 3 + 1 });
  });

  test("a 200 MB text node → XML_TEXT_TOO_LONG where the text starts", () => {
    const size = 200 * MB;
    const bytes = Buffer.alloc(size, "a");
    bytes.write("<r>\n<a>", 0, "latin1");
    bytes.write("</a></r>", size - 8, "latin1");
    const error = expectScanRefused(
      bytes,
      { code: "XML_TEXT_TOO_LONG", line: 2, column: 4 },
      { maxInputBytes: size },
    );
    expect(error.message).toContain(`maxTextLength (${DEFAULT_READER_LIMITS.maxTextLength})`);
  });

  test("a 200 MB input → XML_INPUT_TOO_LARGE before anything is decoded", () => {
    expectScanRefused(Buffer.alloc(200 * MB, " "), { code: "XML_INPUT_TOO_LARGE", line: 1, column: 1 });
    expectScanRefused("<a/>", { code: "XML_INPUT_TOO_LARGE", line: 1, column: 1 }, { maxInputBytes: 3 });
    expect(scanXml("<a/>", { maxInputBytes: 4 }).root.local).toBe("a");
  });

  test("10,000 attributes on one element → XML_TOO_MANY_ATTRIBUTES at the element", () => {
    const attrs = Array.from({ length: 10_000 }, (_, i) => `a${i}="v"`).join(" ");
    const error = expectScanRefused(`<r>\n  <e ${attrs}/></r>`, {
      code: "XML_TOO_MANY_ATTRIBUTES",
      line: 2,
      column: 3,
    });
    expect(error.message).toContain("maxAttributes (256)");
  });

  test.for<[string, string, string, Want]>([
    ["attribute value", '<r a="', '"/>', { code: "XML_TEXT_TOO_LONG", line: 1, column: 4 }],
    ["comment", "<r><!--", "--></r>", { code: "XML_TEXT_TOO_LONG", line: 1, column: 4 }],
    [
      "DOCTYPE internal subset",
      '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "',
      '">]><r/>',
      { code: "XML_DOCTYPE_REFUSED", line: 2, column: 1 },
    ],
  ])("a 60 MB %s → refused while parsing", ([_name, head, tail, want]) => {
    const bytes = Buffer.alloc(60 * MB, "v");
    bytes.write(head, 0, "latin1");
    bytes.write(tail, bytes.length - tail.length, "latin1");
    expectScanRefused(bytes, want);
  });

  test("a flood of 16 million empty elements (64 MiB) → XML_TOO_MANY_ELEMENTS", () => {
    const count = 16 * MB - 2;
    const bytes = Buffer.alloc(count * 4 + 7);
    bytes.write("<r>", 0, "latin1");
    bytes.fill("<a/>", 3, 3 + count * 4, "latin1");
    bytes.write("</r>", 3 + count * 4, "latin1");
    const over = DEFAULT_READER_LIMITS.maxElements;
    expectScanRefused(bytes, { code: "XML_TOO_MANY_ELEMENTS", line: 1, column: 4 + (over - 1) * 4 });
  });

  test("a long element name → XML_NAME_TOO_LONG", () => {
    expectScanRefused(`<r>\n <${"n".repeat(2000)}/></r>`, { code: "XML_NAME_TOO_LONG", line: 2, column: 2 });
  });

  test("small limits are exact, not rounded to a chunk", () => {
    const opts = { maxTextLength: 5, maxDepth: 2, maxAttributes: 1, maxElements: 3 };
    expect(scanXml("<r><a x='1'>12345</a><b/></r>", opts).root.local).toBe("r");
    const cases: [string, XmlParseErrorCode, number][] = [
      ["<r>123456</r>", "XML_TEXT_TOO_LONG", 4],
      ["<r>12<!---->3<![CDATA[456]]></r>", "XML_TEXT_TOO_LONG", 4],
      ["<r x='123456'/>", "XML_TEXT_TOO_LONG", 4],
      ["<r><a><b/></a></r>", "XML_TOO_DEEP", 7],
      ["<r x='1' y='2'/>", "XML_TOO_MANY_ATTRIBUTES", 1],
      ["<r><a/><a/><a/></r>", "XML_TOO_MANY_ELEMENTS", 12],
    ];
    for (const [xml, code, column] of cases) expectScanRefused(xml, { code, line: 1, column }, opts);
  });

  test.for<[string, Uint8Array]>([
    ["UTF-16 LE byte order mark", new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00])],
    ["UTF-16 BE byte order mark", new Uint8Array([0xfe, 0xff, 0x00, 0x3c, 0x00, 0x61])],
    ["UTF-16 without byte order mark", new Uint8Array([0x3c, 0x00, 0x3f, 0x00, 0x78, 0x00])],
    ["declared windows-1252", utf8('<?xml version="1.0" encoding="windows-1252"?><a/>')],
  ])("%s → XML_UNSUPPORTED_ENCODING", ([_name, bytes]) => {
    expectScanRefused(bytes, { code: "XML_UNSUPPORTED_ENCODING", line: 1 });
  });

  test.for<[string, number[], number, number]>([
    ["a lone continuation byte", [0x80], 1, 5],
    ["an overlong encoding", [0xc0, 0xaf], 1, 5],
    ["an encoded surrogate", [0xed, 0xa0, 0x80], 1, 5],
    ["a sequence cut by the end", [0xe2, 0x82], 2, 3],
  ])("%s → XML_BAD_ENCODING", ([_name, bad, line, column]) => {
    const bytes =
      line === 1
        ? new Uint8Array([...utf8("<a>x"), ...bad, ...utf8("</a>")])
        : new Uint8Array([...utf8("<a>\r\nxy"), ...bad]);
    expectScanRefused(bytes, { code: "XML_BAD_ENCODING", line, column });
  });

  test("a bad byte after the first chunk is found at its line", () => {
    const lines = `<r>\n${"<e>text</e>\n".repeat(20_000)}`;
    const bytes = new Uint8Array([...utf8(`${lines}<e>ab`), 0xff, ...utf8("</e></r>")]);
    expectScanRefused(bytes, { code: "XML_BAD_ENCODING", line: 20_002, column: 6 });
  });

  test("a UTF-8 byte order mark is skipped; utf-8 declared in any case is accepted", () => {
    expect(scanXml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("<a>é</a>")])).root).toMatchObject({
      local: "a",
      line: 1,
      column: 1,
    });
    expect(scanXml("\uFEFF<a>é</a>").root).toMatchObject({ local: "a", line: 1, column: 1 });
    for (const name of ["UTF-8", "utf-8", "Utf-8"])
      expect(scanXml(utf8(`<?xml version="1.0" encoding="${name}"?><a/>`)).root.local).toBe("a");
  });

  test("scanXml(text, file) names the file; an invalid limit is a programming error", () => {
    const error = expectScanRefused("<a>", { code: "XML_NOT_WELL_FORMED", line: 1, column: 4 }, "in.xml");
    expect(error.file).toBe("in.xml");
    expect(error.message).toMatch(/^in\.xml:1:4: /);
    expect(() => scanXml("<a/>", { maxDepth: Number.NaN })).toThrow(RangeError);
  });
});

describe("scan and tree agree", () => {
  /** Every XML file under `fixtures/`, as bytes. */
  function* fixtureFiles(dir: string): Generator<string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* fixtureFiles(full);
      else if (entry.name.endsWith(".xml") || entry.name.endsWith(".xsd")) yield full;
    }
  }

  test("on every fixture (XML and XSD)", () => {
    let count = 0;
    for (const file of fixtureFiles(path.join(repoRoot, "fixtures"))) {
      expectSameAsTree(new Uint8Array(readFileSync(file)), { file });
      count++;
    }
    expect(count).toBeGreaterThan(20);
  });

  test("property: on generated, cut, spliced and mangled documents, with and without small limits", () => {
    const base = readFileSync(
      path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
      "utf8",
    ).slice(0, 4000);
    const token = fc.constantFrom(
      "<a>",
      "</a>",
      "<b x='1' y=\"2\">",
      "</b>",
      "<c/>",
      "<p:d xmlns:p='urn:p'>",
      "</p:d>",
      "<q:e>",
      "text",
      " \n\t",
      "\r\n",
      "&amp;",
      "&bogus;",
      "&#x41;",
      "<![CDATA[x]]>",
      "<!-- c -->",
      "<?pi data?>",
      "<!DOCTYPE a>",
      '<?xml version="1.0"?>',
      "]]>",
      "<",
      ">",
      "é😀",
    );
    const leaf = fc.constantFrom("text", " \n\t", "&amp;", "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "<c/>");
    const { element } = fc.letrec<{ element: string }>((tie) => ({
      element: fc
        .tuple(
          fc.constantFrom("a", "p:d", "long-name-x"),
          fc.constantFrom("", " x='1'", " x='1' y='2'", " xmlns='urn:d'"),
          fc.array(fc.oneof({ depthSize: "small" }, leaf, tie("element")), { maxLength: 5 }),
        )
        .map(([name, attrs, content]) => {
          const ns = name === "p:d" ? " xmlns:p='urn:p'" : "";
          return `<${name}${attrs}${ns}>${content.join("")}</${name}>`;
        }),
    }));
    const doc = fc.oneof(
      element,
      element.map((xml) => `<?xml version="1.0"?>\n<!-- x -->\n${xml}\n`),
      fc.array(token, { maxLength: 30 }).map((parts) => parts.join("")),
      fc
        .tuple(fc.nat({ max: base.length }), fc.nat({ max: base.length }), fc.array(token, { maxLength: 3 }))
        .map(([cut, at, insert]) => {
          const text = base.slice(0, Math.max(cut, 200));
          return text.slice(0, at) + insert.join("") + text.slice(at);
        }),
    );
    const limits = fc.record(
      {
        maxTextLength: fc.integer({ min: 0, max: 40 }),
        maxDepth: fc.integer({ min: 1, max: 6 }),
        maxAttributes: fc.integer({ min: 0, max: 3 }),
        maxElements: fc.integer({ min: 1, max: 40 }),
        maxNameLength: fc.integer({ min: 1, max: 12 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, fc.oneof(limits, fc.constant({})), (text, options) => {
        expectSameAsTree(text, options);
        expectSameAsTree(utf8(text), options);
      }),
      { numRuns: 1000 },
    );
  });
});
