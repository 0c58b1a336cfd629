/**
 * `b2mml validate --rules[=<list>]` (issue #18): `--rules` alone runs every rule as before;
 * `--rules=<list>` chooses and excludes rules by ID; an unknown ID is a usage error naming the known IDs;
 * a rule list after a bare `--rules` is a usage error showing the `=` form, never read as a file.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { RULES } from "../../src/validation/index.js";
import { repoRoot } from "../helpers/paths.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) };
  return { code: await runCli(["validate", ...args], io), out, err };
}

// XSD-valid; breaks B2MML-VALUE-001 (decimal comma) and nothing else
const decimalComma = path.relative(
  process.cwd(),
  path.join(repoRoot, "fixtures/b2mml-v0600/rules/decimal-comma-quantity/document.xml"),
);
// XSD-valid; breaks B2MML-ID-001 (a blank ProductionResponse ID)
const emptyId = path.relative(
  process.cwd(),
  path.join(repoRoot, "fixtures/b2mml-v0600/rules/empty-production-response-id/document.xml"),
);

/** The rule codes of a JSON report, per file. */
function codesOf(out: string): string[][] {
  const reports = JSON.parse(out) as { issues: { code: string }[] }[];
  return reports.map((r) => [...new Set(r.issues.map((i) => i.code))]);
}

describe("b2mml validate --rules", () => {
  test.each([
    [["--rules"], ExitCode.FINDINGS, [["B2MML-VALUE-001"], ["B2MML-ID-001"]]],
    [["--rules=all"], ExitCode.FINDINGS, [["B2MML-VALUE-001"], ["B2MML-ID-001"]]],
    [["--rules=B2MML-ID-001"], ExitCode.FINDINGS, [[], ["B2MML-ID-001"]]],
    [["--rules=B2MML-TIME-001,B2MML-UOM-001"], ExitCode.OK, [[], []]],
    [["--rules=all,-B2MML-ID-001"], ExitCode.FINDINGS, [["B2MML-VALUE-001"], []]],
    [["--rules=-B2MML-VALUE-001,-B2MML-ID-001"], ExitCode.OK, [[], []]],
    [["--rules", "--rules=-B2MML-VALUE-001"], ExitCode.FINDINGS, [[], ["B2MML-ID-001"]]],
    [[], ExitCode.OK, [[], []]],
  ])("%j", async (options, code, codes) => {
    const r = await run([...options, "--format", "json", decimalComma, emptyId]);
    expect(r.code).toBe(code);
    expect(codesOf(r.out)).toEqual(codes);
  });

  const known = RULES.map((rule) => rule.id).join(", ");
  test.each([
    [
      ["--rules=B2MML-NOPE-001"],
      `b2mml validate: --rules=B2MML-NOPE-001: unknown rule ID B2MML-NOPE-001; expected all, rule IDs or -ID, comma-separated; known IDs: ${known}`,
    ],
    [
      ["--rules=B2MML-ID-001,-B2MML-ID-001"],
      `b2mml validate: --rules=B2MML-ID-001,-B2MML-ID-001: rule B2MML-ID-001 is both chosen and left out; expected all, rule IDs or -ID, comma-separated; known IDs: ${known}`,
    ],
    [
      ["--rules="],
      `b2mml validate: --rules=: an empty item in ""; expected all, rule IDs or -ID, comma-separated; known IDs: ${known}`,
    ],
    [
      ["--rules", "B2MML-TIME-001,B2MML-UOM-001"],
      'b2mml validate: --rules B2MML-TIME-001,B2MML-UOM-001: a rule list follows --rules after "=": --rules=B2MML-TIME-001,B2MML-UOM-001',
    ],
    [
      ["--rules", "-B2MML-ID-001"],
      'b2mml validate: --rules -B2MML-ID-001: a rule list follows --rules after "=": --rules=-B2MML-ID-001',
    ],
    [
      ["--rules=B2MML-ID-001", "--rules=B2MML-ID-002"],
      "b2mml validate: --rules=<list> given more than once; give one list",
    ],
  ])("%j is a usage error", async (options, message) => {
    const r = await run([...options, decimalComma]);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.out).toBe("");
    expect(r.err.split("\n")[0]).toBe(message);
  });

  test("a file after a bare --rules is still a file", async () => {
    const r = await run(["--rules", decimalComma]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.out).toContain("B2MML-VALUE-001");
  });

  test("after --, a word that looks like a rule list is a file", async () => {
    const r = await run(["--rules", "--", "B2MML-ID-001"]);
    expect(r.code).toBe(ExitCode.INPUT_ERROR);
    expect(r.out).toContain("IO_UNREADABLE");
  });
});
