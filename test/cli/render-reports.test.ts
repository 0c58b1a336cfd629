/**
 * The reports (JUnit, text) show a file name or message with a character XML 1.0 forbids instead of
 * writing it: each becomes the visible text `\uXXXX` (see `showForbiddenCharacters`), the JUnit report
 * stays well-formed (xmllint parses it) and the name can be restored exactly.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { findForbiddenCharacter, restoreShownCharacters } from "../../src/binding/xml-escape.js";
import { childElements, parseXmlTree, type XmlElement } from "../../src/binding/xml-tree.js";
import type { Io } from "../../src/cli/io.js";
import { renderJunit } from "../../src/cli/render/render-junit.js";
import { renderText } from "../../src/cli/render/render-text.js";
import type { FileReport } from "../../src/cli/render/report.js";
import { runCli } from "../../src/cli/run.js";
import { parseIssuePath } from "../../src/shared/issue.js";
import type { ValidationIssue } from "../../src/validation/issues.js";
import { anyUtf16String } from "../helpers/arbitrary-text.js";
import { repoRoot } from "../helpers/paths.js";

const dir = mkdtempSync(path.join(tmpdir(), "b2mml-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs xmllint --noout on the text; throws (with xmllint's message) when it is not well-formed. */
function xmllint(xml: string): void {
  const file = path.join(dir, "report.xml");
  writeFileSync(file, xml);
  execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
}

const attribute = (element: XmlElement | undefined, name: string) =>
  element?.attributes.find((a) => a.local === name)?.value;

function issue(message: string, path = "/A"): ValidationIssue {
  return {
    code: "XSD_TEST",
    severity: "error",
    origin: "xsd",
    message,
    line: 3,
    column: 7,
    path: parseIssuePath(path),
  };
}

describe("the JUnit report", () => {
  test("a file whose name holds U+0001, validated through the CLI: xmllint parses the report", async () => {
    const name = path.join(dir, "bad\u0001name.xml");
    copyFileSync(path.join(repoRoot, "fixtures/b2mml-v0600/invalid/unknown-element/document.xml"), name);
    let out = "";
    const io: Io = {
      out: (t) => {
        out += `${t}\n`;
      },
      err: () => undefined,
    };
    await runCli(["validate", "--format", "junit", name], io);
    xmllint(out);
    const testcase = childElements(childElements(parseXmlTree(out))[0] ?? parseXmlTree(out))[0];
    const shown = attribute(testcase, "name");
    expect(shown).toBe(`${dir}/bad\\u0001name.xml`);
    expect(restoreShownCharacters(shown ?? "")).toBe(name);
    const failure = childElements(testcase ?? parseXmlTree(out))[0];
    expect(failure?.local).toBe("failure");
    expect(childElements(failure ?? parseXmlTree(out))).toEqual([]);
  });

  test("names and messages: each forbidden character shown, the text \\u0001 told apart", () => {
    const reports: FileReport[] = [
      { file: "a\u0001b\uFFFE.xml", outcome: "valid", issues: [] },
      {
        file: "plain\\u0001.xml",
        outcome: "invalid",
        issues: [issue("bad \uD800 value \u001b[31m", "/A/@b\u0002")],
      },
    ];
    const xml = renderJunit(reports);
    xmllint(xml);
    expect(xml).toContain('<testcase classname="b2mml.validate" name="a\\u0001b\\uFFFE.xml"></testcase>');
    expect(xml).toContain(
      '<testcase classname="b2mml.validate" name="plain\\u005Cu0001.xml"><failure message="XSD_TEST bad \\uD800 value \\u001B[31m" type="XSD_TEST">plain\\u005Cu0001.xml:3:7 XSD_TEST bad \\uD800 value \\u001B[31m at /A/@b\\u0002</failure></testcase>',
    );
  });

  test("property: whatever the file name and message, xmllint parses the report and the name restores", () => {
    fc.assert(
      fc.property(anyUtf16String, anyUtf16String, (file, message) => {
        const xml = renderJunit([{ file, outcome: "unusable", issues: [issue(message)] }]);
        expect(findForbiddenCharacter(xml)).toBeUndefined();
        const testcase = childElements(childElements(parseXmlTree(xml))[0] ?? parseXmlTree(xml))[0];
        expect(restoreShownCharacters(attribute(testcase, "name") ?? "")).toBe(file);
      }),
      { seed: 18, numRuns: 300 },
    );
    xmllint(
      renderJunit([{ file: "\u0000\u0008\u000B\u000C\u001F\uFFFF\uDBFF", outcome: "valid", issues: [] }]),
    );
  });
});

describe("the text report", () => {
  test("a terminal escape or lone surrogate in a name or message is shown, not sent to the terminal", () => {
    const text = renderText([
      { file: "x\u001b]0;pwned\u0007.xml", outcome: "invalid", issues: [issue("m\uDC00")] },
    ]);
    expect(text).toBe("x\\u001B]0;pwned\\u0007.xml:3:7 XSD_TEST m\\uDC00 [at /A]");
  });
});
