/**
 * The IDoc-XML writer's output is well-formed or there is none: a field value with a character XML 1.0
 * forbids is refused with an `IdocWriteError` naming the IDoc path of the field; values are escaped by the
 * one escaping module (a CR survives as `&#xD;`).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/read-idoc.js";
import {
  type IdocOut,
  IdocWriteError,
  type IdocWriteProblem,
  writeIdocXml,
} from "../../src/idoc/write-idoc-xml.js";

const EXPECTED = "XML 1.0 characters: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF";
const definitions = { E1HEAD: ["REF", "TEXT"], E1ITEM: ["MATNR", "QTY"] };

function idoc(head: Record<string, string>, items: Record<string, string>[], control = {}): IdocOut {
  return {
    control: { IDOCTYP: "ZTEST01", MESTYP: "ZTEST", DOCNUM: "1", ...control },
    segments: [
      { name: "E1HEAD", fields: head, segments: items.map((fields) => ({ name: "E1ITEM", fields })) },
    ],
  };
}

function problemsOf(idocs: IdocOut[]): readonly IdocWriteProblem[] {
  try {
    writeIdocXml(idocs, { definitions });
  } catch (error) {
    expect(error).toBeInstanceOf(IdocWriteError);
    return (error as IdocWriteError).problems;
  }
  return expect.fail("writeIdocXml accepted the IDocs");
}

const forbidden = (path: string, message: string, received: string): IdocWriteProblem => ({
  code: "IDOC_WRITE_FORBIDDEN_CHARACTER",
  path,
  message,
  expected: EXPECTED,
  received,
});

describe("writeIdocXml refuses characters XML 1.0 forbids, naming the IDoc path", () => {
  test.each<[string, IdocOut[], IdocWriteProblem[]]>([
    [
      "U+0001 in a field of a data segment",
      [idoc({ REF: "R\u00011" }, [])],
      [forbidden("IDOC[1]/E1HEAD/REF", "U+0001 at character 2 is not allowed in XML 1.0", "R\\u00011")],
    ],
    [
      "U+FFFE in the control record",
      [idoc({ REF: "1" }, [], { SNDPRN: "MES\uFFFE" })],
      [forbidden("IDOC[1]/EDI_DC40/SNDPRN", "U+FFFE at character 4 is not allowed in XML 1.0", "MES\\uFFFE")],
    ],
    [
      "a lone surrogate in the second item of the second IDoc, and a NUL in the first",
      [idoc({ TEXT: "\u0000" }, []), idoc({ REF: "2" }, [{ MATNR: "M1" }, { MATNR: "M\uD800" }])],
      [
        forbidden("IDOC[1]/E1HEAD/TEXT", "U+0000 at character 1 is not allowed in XML 1.0", "\\u0000"),
        forbidden(
          "IDOC[2]/E1HEAD/E1ITEM[2]/MATNR",
          "U+D800 at character 2 is not allowed in XML 1.0",
          "M\\uD800",
        ),
      ],
    ],
  ])("%s", (_name, idocs, want) => {
    expect(problemsOf(idocs)).toEqual(want);
  });

  test("the escaped values parse (xmllint) and read back exactly, a CR and markup characters included", () => {
    const text = "a & b < c > d \"e\" 'f'\tg\rh ]]> 😀";
    const xml = writeIdocXml([idoc({ REF: "1", TEXT: text }, [])], { definitions });
    expect(xml).toContain("<TEXT>a &amp; b &lt; c &gt; d \"e\" 'f'\tg&#xD;h ]]&gt; 😀</TEXT>");
    const dir = mkdtempSync(path.join(tmpdir(), "b2mml-idoc-write-"));
    const file = path.join(dir, "idoc.xml");
    writeFileSync(file, xml);
    execFileSync("xmllint", ["--noout", file]);
    const read = readIdoc(xml);
    expect(read.idocs[0]?.segments[0]?.raw.TEXT).toBe(text);
  });
});
