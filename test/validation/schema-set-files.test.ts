/**
 * The files of a `--schemas` folder (issue #18): a symbolic link that leads out of the folder is refused
 * with a code naming the file, whether the set is given whole or through an entry; files are read with a
 * size limit applied while reading (a 2 GiB file is refused without being loaded); a FIFO named `*.xsd`
 * is refused at once instead of hanging the loader; a directory named `*.xsd` is refused as not a file.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { disposeSchemaSets, loadSchemaSet, SchemaSetError } from "../../src/validation/index.js";
import { MAX_SCHEMA_FILE_BYTES } from "../../src/validation/schema-set-scan.js";

const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "b2mml-schema-files-")));
afterAll(() => {
  disposeSchemaSets();
  fs.rmSync(temp, { recursive: true, force: true });
});

const schema = (body: string) =>
  `<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
const GOOD = schema('  <xs:element name="Root" type="xs:string"/>');

/** A folder with `main.xsd` and what `extra` adds to it. */
function makeSet(name: string, extra: (dir: string) => void): string {
  const dir = path.join(temp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.xsd"), GOOD);
  extra(dir);
  return dir;
}

/** The problems the loader reports, code and file, for a set loaded whole or from an entry. */
function problemsOf(dir: string, entry?: string): { code: string | undefined; file: string }[] {
  try {
    loadSchemaSet(entry === undefined ? { dir } : { dir, entry });
  } catch (error) {
    if (!(error instanceof SchemaSetError)) throw error;
    expect(error.code).toBe("SCHEMA_SET_UNLOADABLE");
    return error.problems.map((p) => ({ code: p.code, file: p.file }));
  }
  return [];
}

const outsideDir = path.join(temp, "outside");
fs.mkdirSync(outsideDir);
const outsideFile = path.join(outsideDir, "secret.xsd");
fs.writeFileSync(outsideFile, GOOD);

describe("symbolic links in a schema folder", () => {
  test("a link to a file outside the folder is refused, naming the link", () => {
    const dir = makeSet("link-file", (d) => fs.symlinkSync(outsideFile, path.join(d, "evil.xsd")));
    expect(problemsOf(dir)).toEqual([{ code: "SCHEMA_FILE_OUTSIDE_SET", file: path.join(dir, "evil.xsd") }]);
  });

  test("an entry that is a link out of the folder is refused", () => {
    const dir = makeSet("link-entry", (d) => fs.symlinkSync(outsideFile, path.join(d, "entry.xsd")));
    expect(problemsOf(dir, "entry.xsd")).toEqual([
      { code: "SCHEMA_FILE_OUTSIDE_SET", file: path.join(dir, "entry.xsd") },
    ]);
  });

  test("a file reached through a linked folder outside is refused", () => {
    const dir = makeSet("link-folder", (d) => {
      fs.symlinkSync(outsideDir, path.join(d, "sub"));
      fs.writeFileSync(path.join(d, "main.xsd"), schema('  <xs:include schemaLocation="sub/secret.xsd"/>'));
    });
    const problems = problemsOf(dir, "main.xsd");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(path.join(dir, "main.xsd"));
  });

  test("a link that stays inside the folder is read", () => {
    const dir = makeSet("link-inside", (d) =>
      fs.symlinkSync(path.join(d, "main.xsd"), path.join(d, "alias.xsd")),
    );
    expect(problemsOf(dir, "alias.xsd")).toEqual([]);
  });
});

describe("schema files are read with a limit, and only regular files", () => {
  test("a 2 GiB file is refused as too large without being loaded", () => {
    const dir = makeSet("huge", (d) => {
      const huge = path.join(d, "huge.xsd");
      fs.writeFileSync(huge, "<");
      fs.truncateSync(huge, 2 * 1024 * 1024 * 1024 + 1); // sparse: no disk used
    });
    const before = process.memoryUsage().arrayBuffers;
    expect(problemsOf(dir)).toEqual([{ code: "INPUT_TOO_LARGE", file: path.join(dir, "huge.xsd") }]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_SCHEMA_FILE_BYTES);
  });

  test("a FIFO named *.xsd is refused as not a file, without waiting for a writer", {
    timeout: 10_000,
  }, () => {
    const dir = makeSet("fifo", (d) => execFileSync("mkfifo", [path.join(d, "pipe.xsd")]));
    // A writer that opens the FIFO and closes it after 3 s: a loader that waits for data is released
    // then (and fails on what it read) instead of hanging the test run.
    const writer = spawn("sh", ["-c", 'exec 3>"$1"; sleep 3', "sh", path.join(dir, "pipe.xsd")], {
      stdio: "ignore",
    });
    try {
      expect(problemsOf(dir)).toEqual([{ code: "NOT_A_FILE", file: path.join(dir, "pipe.xsd") }]);
    } finally {
      writer.kill();
    }
  });

  test("a directory named *.xsd is refused as not a file", () => {
    const dir = makeSet("folder", (d) => fs.mkdirSync(path.join(d, "folder.xsd")));
    expect(problemsOf(dir)).toEqual([{ code: "NOT_A_FILE", file: path.join(dir, "folder.xsd") }]);
  });

  test("the limit is the reader's default input limit, 64 MiB", () => {
    expect(MAX_SCHEMA_FILE_BYTES).toBe(64 * 1024 * 1024);
  });
});
