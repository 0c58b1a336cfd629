/**
 * `b2mml validate`: exit codes from the one table, the three report formats, both schema sources and
 * the business rules, on the project's fixtures.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { childElements, parseXmlTree } from "../../src/binding/xml-tree.js";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { officialReleases, officialSetsDir, officialSetsMissing, repoRoot } from "../helpers/paths.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
  };
  return { code: await runCli(["validate", ...args], io), out, err };
}

const fixtures = path.join(repoRoot, "fixtures/b2mml-v0600");
const doc = (kind: string, name: string) =>
  path.relative(process.cwd(), path.join(fixtures, kind, name, "document.xml"));
const cases = (kind: string) => readdirSync(path.join(fixtures, kind)).sort();
const mesaV0600 = path.join(officialSetsDir, "V0600");

describe("b2mml validate", () => {
  test("every valid fixture is valid against the built-in profile, with the rules: exit 0, empty report", async () => {
    const files = cases("valid").map((c) => doc("valid", c));
    const r = await run(["--rules", ...files]);
    expect(r.out.trim()).toBe("");
    expect(r.err).toContain(`${files.length} file(s): ${files.length} valid, 0 invalid, 0 unusable`);
    expect(r.code).toBe(ExitCode.OK);
  });

  test.skipIf(!officialReleases().includes("V0600"))(
    "every valid fixture is valid against MESA's V0600 (--schemas)",
    async () => {
      const files = cases("valid").map((c) => doc("valid", c));
      const r = await run(["--schemas", mesaV0600, ...files]);
      expect(r.out.trim()).toBe("");
      expect(r.code).toBe(ExitCode.OK);
    },
  );
  if (!officialReleases().includes("V0600")) test.skip(officialSetsMissing, () => {});

  describe.each(cases("invalid"))("invalid fixture %s", (name) => {
    const expected = JSON.parse(
      readFileSync(path.join(fixtures, "invalid", name, "expected.json"), "utf8"),
    ) as {
      code: string;
      path: string;
      line: number;
    };
    const sources = [["the profile", [] as string[]]] as [string, string[]][];
    if (officialReleases().includes("V0600")) sources.push(["MESA's V0600", ["--schemas", mesaV0600]]);
    test.each(sources)(
      "fails against %s with the expected code, line and path (exit 1)",
      async (_source, extra) => {
        const file = doc("invalid", name);
        const r = await run([...extra, file]);
        expect(r.code).toBe(ExitCode.FINDINGS);
        const first = r.out.split("\n")[0] ?? "";
        expect(first.startsWith(`${file}:${expected.line}:`)).toBe(true);
        expect(first).toContain(` ${expected.code} `);
        expect(first).toContain(`at ${expected.path}`);
      },
    );
  });

  test.each(cases("rules"))(
    "rule fixture %s: valid XSD (exit 0) but breaks its rules with --rules (exit 1)",
    async (name) => {
      const expected = JSON.parse(
        readFileSync(path.join(fixtures, "rules", name, "expected.json"), "utf8"),
      ) as {
        code: string;
        line: number;
        column: number;
        path: string;
      }[];
      const file = doc("rules", name);
      expect((await run([file])).code).toBe(ExitCode.OK);
      const r = await run(["--rules", "--format", "json", file]);
      expect(r.code).toBe(ExitCode.FINDINGS);
      const report = JSON.parse(r.out) as {
        issues: { code: string; line: number; column: number; path: string }[];
      }[];
      expect(report[0]?.issues.map(({ code, line, column, path }) => ({ code, line, column, path }))).toEqual(
        expected.map(({ code, line, column, path }) => ({ code, line, column, path })),
      );
    },
  );

  test.each([
    ["xxe-local-file.xml", "XML_DOCTYPE_REFUSED"],
    ["billion-laughs.xml", "XML_DOCTYPE_REFUSED"],
    ["invalid-utf8.xml", "XML_BAD_ENCODING"],
    ["mismatched-tag.xml", "XML_NOT_WELL_FORMED"],
  ])("a refused or malformed document (%s) exits 3 with %s", async (name, code) => {
    const file = path.relative(process.cwd(), path.join(repoRoot, "fixtures/security", name));
    const r = await run([file]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.out).toContain(` ${code} `);
    expect(r.out).not.toContain("root:x:0:0");
  });

  test("a file that cannot be read exits 3", async () => {
    const r = await run(["no/such/file.xml"]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.out).toBe("no/such/file.xml:0:0 IO_UNREADABLE cannot read the file (ENOENT)\n");
  });

  test("a schema folder that cannot be loaded exits 4", async () => {
    const r = await run([
      "--schemas",
      path.join(repoRoot, "no-such-schemas"),
      doc("valid", "process-production-schedule"),
    ]);
    expect(r.code).toBe(ExitCode.SCHEMA_ERROR);
    expect(r.err).toContain("the schema set cannot be loaded");
  });

  test.each([
    [[], "no file to validate"],
    [["--release", "V9", "a.xml"], 'unknown release "V9"'],
    [["--format", "yaml", "a.xml"], 'unknown format "yaml"'],
    [["--bogus", "a.xml"], "Unknown option '--bogus'"],
  ])("usage error %j exits 2", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toContain(message);
  });

  test("--format junit: one test case per file, failures and errors counted", async () => {
    const files = [
      doc("valid", "process-production-schedule"),
      doc("invalid", "unknown-element"),
      "no/such/file.xml",
    ];
    const r = await run(["--format", "junit", ...files]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    const suites = parseXmlTree(r.out);
    const suite = childElements(suites)[0];
    const attr = (name: string) => suite?.attributes.find((a) => a.local === name)?.value;
    expect([attr("tests"), attr("failures"), attr("errors")]).toEqual(["3", "1", "1"]);
    const testcases = childElements(suite ?? suites);
    expect(testcases.map((t) => childElements(t).map((c) => c.local))).toEqual([[], ["failure"], ["error"]]);
    const failure = childElements(testcases[1] ?? suites)[0];
    expect(failure?.attributes.find((a) => a.local === "type")?.value).toBe("XSD_UNEXPECTED_ELEMENT");
  });

  test("--format json: one entry per file with outcome, release and issues", async () => {
    const r = await run([
      "--format",
      "json",
      doc("valid", "sync-production-performance"),
      doc("invalid", "missing-release-id"),
    ]);
    const report = JSON.parse(r.out) as {
      file: string;
      release: string;
      outcome: string;
      valid: boolean;
      issues: unknown[];
    }[];
    expect(report.map((e) => [e.release, e.outcome, e.valid, e.issues.length > 0])).toEqual([
      ["V0600", "valid", true, false],
      ["V0600", "invalid", false, true],
    ]);
  });
});
