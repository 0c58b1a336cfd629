/**
 * Strict mode validates the input's plain IDoc-XML rendering. The rendering escapes through the library's
 * one escaping module, so libxml2 sees exactly the values read (a CR stays a CR), and a value that XML 1.0
 * cannot carry (possible only in IDoc-JSON) is an `IDOC_INVALID_CHARACTER` error at its IDoc path, not an
 * ill-formed rendering reported as `XML_NOT_WELL_FORMED` without a path.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XmlDocument } from "libxml2-wasm";
import { describe, expect, test } from "vitest";
import type { IdocNode } from "../../src/idoc/idoc-node.js";
import { readIdoc } from "../../src/idoc/read-idoc.js";
import { renderIdocXml } from "../../src/idoc/render-idoc-xml.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { idocFixturesDir } from "./helpers.js";

const node = (
  name: string,
  text: string,
  children: IdocNode[] = [],
  attributes: [string, string][] = [],
) => ({
  name,
  text,
  children,
  attributes: new Map(attributes),
});

/** The tablet order as IDoc-JSON with `AUFNR` replaced. */
function tabletJsonWith(aufnr: string): object {
  const json = JSON.parse(readFileSync(path.join(idocFixturesDir, "loipro05-tablet-json/idoc.json"), "utf8"));
  json.LOIPRO05.IDOC[0].E1AFKOL.AUFNR = aufnr;
  return json;
}

const errorsOf = (input: object) =>
  readIdoc(input, { strict: true })
    .issues.filter((i) => i.severity === "error")
    .map((i) => [i.code, renderIssuePath(i), i.message]);

describe("the IDoc-XML rendering for strict validation", () => {
  test("the tablet order in IDoc-JSON has no strict error (the baseline of the cases below)", () => {
    expect(errorsOf(tabletJsonWith("1004711"))).toEqual([]);
  });

  test.each([
    // Refused once, by the reader's field check (the strict rendering does not report it again).
    [
      "U+0001",
      "1004\u0001711",
      "AUFNR: the control character U+0001 at character 5; the field is left out of the normalized fields (raw value kept)",
    ],
    [
      "a lone surrogate",
      "\uDC001004711",
      "AUFNR: a lone surrogate U+DC00 at character 1 (not a Unicode character); the field is left out of the normalized fields (raw value kept)",
    ],
    [
      "U+FFFF",
      "1004711\uFFFF",
      "AUFNR: the noncharacter U+FFFF at character 8 (not allowed in XML 1.0); the field is left out of the normalized fields (raw value kept)",
    ],
  ])("%s in an IDoc-JSON field is IDOC_INVALID_CHARACTER at the field", (_name, aufnr, message) => {
    expect(errorsOf(tabletJsonWith(aufnr))).toEqual([
      ["IDOC_INVALID_CHARACTER", "IDOC[1]/E1AFKOL/AUFNR", message],
    ]);
  });

  test("text and attribute values reach libxml2 exactly: CR, tab, LF and markup characters", () => {
    const root = node("LOIPRO05", "", [
      node(
        "IDOC",
        "",
        [node("E1AFKOL", "", [node("KTEXT", 'a\rb\tc & <d> "e"')], [["SEGMENT", '1\r\t\n<&"']])],
        [["BEGIN", "1"]],
      ),
    ]);
    const { xml, invalid, invalidCharacters } = renderIdocXml(root, "LOIPRO05");
    expect(invalid).toEqual([]);
    expect(invalidCharacters).toEqual([]);
    expect(xml).toBe(
      '<LOIPRO05><IDOC BEGIN="1"><E1AFKOL SEGMENT="1&#xD;&#x9;&#xA;&lt;&amp;&quot;"><KTEXT>a&#xD;b\tc &amp; &lt;d&gt; "e"</KTEXT></E1AFKOL></IDOC></LOIPRO05>',
    );
    const doc = XmlDocument.fromString(xml);
    try {
      expect(doc.get("/LOIPRO05/IDOC/E1AFKOL/KTEXT")?.content).toBe('a\rb\tc & <d> "e"');
      expect(doc.get("/LOIPRO05/IDOC/E1AFKOL/@SEGMENT")?.content).toBe('1\r\t\n<&"');
    } finally {
      doc.dispose();
    }
  });
});
