/**
 * The CLI's own surface (issue #20): `--version` from package.json, `map --help` listing every mapping, a
 * usage error as one line and the pointer to `--help`, and each command's help listing only the exit codes
 * it can return (from the one table).
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { AUDIT_EXIT_CODES } from "../../src/cli/commands/audit.js";
import { C14N_EXIT_CODES } from "../../src/cli/commands/c14n.js";
import { CODEGEN_EXIT_CODES } from "../../src/cli/commands/codegen.js";
import { HASH_EXIT_CODES } from "../../src/cli/commands/hash.js";
import { MAP_EXIT_CODES } from "../../src/cli/commands/map-config.js";
import { VALIDATE_EXIT_CODES } from "../../src/cli/commands/validate.js";
import { ExitCode, exitCodeHelp } from "../../src/cli/exit-codes.js";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

const version = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string })
  .version;
const idoc = "fixtures/idoc/loipro05-tablet-plain/idoc.xml";

describe("--version", () => {
  test.each([["--version"], ["-V"]])("b2mml %s prints the package's version (exit 0)", async (flag) => {
    const r = await runInProcess([flag]);
    expect(r.out).toBe(`b2mml ${version}\n`);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("map --help", () => {
  test("lists every mapping; each mapping's help is its own", async () => {
    const r = await runInProcess(["map", "--help"]);
    expect(r.code).toBe(0);
    for (const mapping of ["production-schedule", "production-performance", "erp-postings"]) {
      expect(r.out).toMatch(new RegExp(`^  ${mapping} +\\S`, "m"));
      const own = await runInProcess(["map", mapping, "--help"]);
      expect(own.code).toBe(0);
      expect(own.out.split("\n")[0]).toMatch(new RegExp(`^Usage: b2mml map ${mapping} `));
    }
  });
});

describe("a usage error is one line and the pointer to --help (exit 2)", () => {
  test.each([
    [["frobnicate"], 'b2mml: unknown command "frobnicate"', "b2mml"],
    [["validate"], "b2mml validate: no file to validate", "b2mml validate"],
    [
      ["validate", "--format", "yaml", "a.xml"],
      'b2mml validate: unknown format "yaml"; expected text, json or junit',
      "b2mml validate",
    ],
    [
      ["hash", "--algorithm", "md5", "a.xml"],
      'b2mml hash: unknown algorithm "md5"; expected sha256, sha384, sha512',
      "b2mml hash",
    ],
    [["c14n"], "b2mml c14n: no file to canonicalize", "b2mml c14n"],
    [["audit"], "b2mml audit: no subcommand", "b2mml audit"],
    [["audit", "verify"], "b2mml audit: no ledger to verify", "b2mml audit"],
    [["codegen"], undefined, "b2mml codegen"],
    [["map"], "b2mml map: no mapping given", "b2mml map"],
    [
      ["map", "production-order", idoc],
      'b2mml map: unknown mapping "production-order"; expected production-schedule, production-performance, erp-postings',
      "b2mml map",
    ],
    [
      ["map", "production-schedule", idoc],
      "b2mml map: --config <file> is required",
      "b2mml map production-schedule",
    ],
    [
      ["map", "production-performance", idoc],
      "b2mml map: --config <file> is required",
      "b2mml map production-performance",
    ],
    [
      ["map", "erp-postings", idoc],
      "b2mml map erp-postings: --config <file> is required",
      "b2mml map erp-postings",
    ],
  ])("%j", async (args, message, command) => {
    const r = await runInProcess(args);
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(3);
    if (message !== undefined) expect(lines[0]).toBe(message);
    expect(lines[1]).toBe(`Run "${command} --help" for the usage.`);
    expect(lines[2]).toBe("");
    expect(r.out).toBe("");
    expect(r.code).toBe(2);
  });

  test("an unknown option: the option named on the first line", async () => {
    const r = await runInProcess(["validate", "--bogus", "a.xml"]);
    expect(r.err).toMatch(
      /^b2mml validate: Unknown option '--bogus'.*\nRun "b2mml validate --help" for the usage\.\n$/,
    );
  });
});

describe("each command's help lists the exit codes it can return", () => {
  const all = Object.values(ExitCode);
  test.each([
    [["validate"], VALIDATE_EXIT_CODES, true],
    [["hash"], HASH_EXIT_CODES, true],
    [["c14n"], C14N_EXIT_CODES, false],
    [["audit"], AUDIT_EXIT_CODES, false],
    [["codegen"], CODEGEN_EXIT_CODES, false],
    [["map", "production-schedule"], MAP_EXIT_CODES, false],
    [["map", "production-performance"], MAP_EXIT_CODES, false],
    [["map", "erp-postings"], MAP_EXIT_CODES, false],
  ])("%j", async (command, codes, batch) => {
    const r = await runInProcess([...command, "--help"]);
    const table = r.out.slice(r.out.indexOf("Exit codes:")).trimEnd();
    expect(table).toBe(exitCodeHelp(codes, { batch }));
    const listed = [...table.matchAll(/^ {2}(\d+) /gm)].map((m) => Number(m[1]));
    expect(listed).toEqual(all.filter((c) => codes.includes(c)));
  });

  test("the table: c14n lists 0, 2, 3, 70 only; validate all six, most severe first", () => {
    expect(exitCodeHelp(C14N_EXIT_CODES)).toBe(
      [
        "Exit codes:",
        "  0   done (for --check: generated code is up to date)",
        "  2   usage error",
        "  3   input error: a document is unreadable, not well-formed or refused as unsafe",
        "  70  internal error (a bug: please report it)",
      ].join("\n"),
    );
    expect(exitCodeHelp(VALIDATE_EXIT_CODES, { batch: true }).split("\n").at(-1)).toBe(
      "With several files, the most severe applies: 70, then 4, then 3, then 1.",
    );
  });
});
