/**
 * Batches (issues #10, #20): one file must not abort or lose the rest. A release without a built-in set is
 * reported for its file (SCHEMA_SET_UNAVAILABLE) and the others are validated; a `hash` batch keeps every
 * digest when one file fails. `validate` takes directories (every .xml below, sorted by code units) and
 * quoted patterns, expanded by the CLI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runInProcess } from "./helpers/run-cli.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "b2mml-batch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const valid = "fixtures/b2mml-v0600/valid/process-production-performance/document.xml";
const invalid = "fixtures/b2mml-v0600/invalid/missing-release-id/document.xml";
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const v0401 = write("v0401.xml", '<ProductionSchedule xmlns="http://www.wbf.org/xml/B2MML-V0401"/>');
const v0701 = write("v0701.xml", '<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML"/>');
const unavailable = (file: string, release: string) =>
  `${file}:0:0 SCHEMA_SET_UNAVAILABLE no built-in schema set for ${release} (the profile is V0600): give the directory of the release's schemas with --schemas <dir>`;

describe("validate: a release without a built-in set is reported per file", () => {
  test("the other files are validated; the batch exits 4, the worst outcome", async () => {
    const r = await runInProcess(["validate", valid, v0401, invalid]);
    const one = await runInProcess(["validate", invalid]);
    expect(r.out).toBe(`${unavailable(v0401, "V0401")}\n${one.out}`);
    expect(r.err).toBe("b2mml validate: 3 file(s): 1 valid, 1 invalid, 1 unusable\n");
    expect(r.code).toBe(4);
  });

  test("json: every file has its entry", async () => {
    const r = await runInProcess(["validate", "--format", "json", v0401, valid]);
    const report = JSON.parse(r.out) as { file: string; outcome: string; issues: { code: string }[] }[];
    expect(report.map((e) => [e.file, e.outcome, e.issues.map((i) => i.code)])).toEqual([
      [v0401, "unusable", ["SCHEMA_SET_UNAVAILABLE"]],
      [valid, "valid", []],
    ]);
    expect(r.code).toBe(4);
  });
});

describe("hash: a failing file does not lose the batch's digests", () => {
  test("a document the reader refuses (relative namespace URI, which C14N cannot take) is reported with its position; the other digests are printed; exit 3", async () => {
    const relative = write("relative-ns.xml", '<a xmlns:x="rel/ns"><x:b/></a>');
    const good = write("good.xml", "<a/>");
    const alone = await runInProcess(["hash", good]);
    const r = await runInProcess(["hash", good, relative, good]);
    expect(r.out).toBe(`${alone.out}${alone.out}`);
    expect(r.err).toBe(
      `b2mml hash: ${relative}:1:4: xmlns:x="rel/ns": the namespace name is a relative URI reference (namespace names must be absolute; Canonical XML refuses relative ones) (XML_BAD_NAMESPACE_URI)\n`,
    );
    expect(r.code).toBe(3);
  });

  test("an unreadable file and a refused one: exit 3, every other digest printed", async () => {
    const good = write("good2.xml", "<b/>");
    const doctype = write("doctype.xml", "<!DOCTYPE a><a/>");
    const r = await runInProcess(["hash", path.join(tmp, "missing.xml"), good, doctype]);
    expect(r.out).toBe((await runInProcess(["hash", good])).out);
    expect(r.err.split("\n")[0]).toBe(
      `b2mml hash: ${path.join(tmp, "missing.xml")}: IO_UNREADABLE cannot read the file (ENOENT)`,
    );
    expect(r.code).toBe(3);
  });
});

describe("validate: directories and patterns", () => {
  const dir = path.join(tmp, "in");
  const doc =
    '<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><broken></ProcessProductionSchedule>';
  for (const name of [
    "b.xml",
    "A.XML",
    "sub/a.xml",
    "sub/deeper/c.xml",
    "Z.xml",
    "note.txt",
    ".hidden.xml",
    "é.xml",
  ])
    write(path.join("in", name), doc);
  const files = (out: string) => [
    ...new Set(
      out
        .trim()
        .split("\n")
        .map((line) => line.split(":")[0]),
    ),
  ];

  test("a directory: every .xml file below it, sorted by path in code-unit order, hidden files and other extensions left out", async () => {
    const r = await runInProcess(["validate", dir]);
    expect(files(r.out)).toEqual(
      ["A.XML", "Z.xml", "b.xml", "sub/a.xml", "sub/deeper/c.xml", "é.xml"].map((f) => path.join(dir, f)),
    );
    expect(r.err).toBe("b2mml validate: 6 file(s): 0 valid, 0 invalid, 6 unusable\n");
    expect(r.code).toBe(3);
  });

  test.each([
    ["*.xml", ["Z.xml", "b.xml", "é.xml"]],
    ["**/*.xml", ["Z.xml", "b.xml", "sub/a.xml", "sub/deeper/c.xml", "é.xml"]],
    ["sub/*.xml", ["sub/a.xml"]],
    ["{b,Z}.xml", ["Z.xml", "b.xml"]],
  ])("the quoted pattern %s is expanded by the CLI, sorted by code units", async (pattern, expected) => {
    const r = await runInProcess(["validate", path.join(dir, pattern)]);
    expect(files(r.out)).toEqual(expected.map((f) => path.join(dir, f)));
  });

  test("arguments keep their order; an empty directory or a pattern without match is an input error for that argument", async () => {
    mkdirSync(path.join(tmp, "empty"), { recursive: true });
    const r = await runInProcess([
      "validate",
      path.join(tmp, "empty"),
      valid,
      path.join(dir, "*.json"),
      invalid,
    ]);
    const one = await runInProcess(["validate", invalid]);
    expect(r.out).toBe(
      `${path.join(tmp, "empty")}:0:0 IO_NO_MATCH the directory holds no .xml file\n${path.join(dir, "*.json")}:0:0 IO_NO_MATCH the pattern matches no file\n${one.out}`,
    );
    expect(r.err).toBe("b2mml validate: 4 file(s): 1 valid, 1 invalid, 2 unusable\n");
    expect(r.code).toBe(3);
  });
});

test("V0701 without --schemas: reported per file too", async () => {
  const r = await runInProcess(["validate", v0701, valid]);
  expect(r.out).toBe(`${unavailable(v0701, "V0701")}\n`);
  expect(r.code).toBe(4);
});
