/**
 * A ProductionPerformance of another B2MML release than V0600 is rejected as data (issue #10): the
 * code `UNSUPPORTED_RELEASE` names the release found and the one supported, in the library and through
 * `b2mml map erp-postings` (exit 1, nothing written) — never a `SchemaSetError` escaping as exit 70.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../../src/cli/exit-codes.js";
import type { Io } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run.js";
import { mapProductionPerformanceToErpPostings } from "../../../src/mappers/production-performance-to-erp/index.js";
import { casesDir, loadConfig } from "./helpers.js";

const v0401 = readFileSync(path.join(casesDir, "err-release-v0401/input.xml"), "utf8");
const inRelease = (namespace: string) => v0401.replace("http://www.wbf.org/xml/B2MML-V0401", namespace);

describe("PERF-POST-002 releases other than V0600", () => {
  test.each([
    ["V0401", "http://www.wbf.org/xml/B2MML-V0401"],
    ["V0500", "http://www.wbf.org/xml/B2MML-V05"],
    ["V0601", "http://www.mesa.org/xml/B2MML-V0601"],
    ["V0701", "http://www.mesa.org/xml/B2MML"],
    ["V0401", "http://www.wbf.org/xml/B2MML-V0401-AllExtensions"],
  ])("PERF-POST-002 a %s document (%s) is UNSUPPORTED_RELEASE naming both releases", (release, ns) => {
    const result = mapProductionPerformanceToErpPostings(inRelease(ns), loadConfig());
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "UNSUPPORTED_RELEASE",
          severity: "error",
          origin: "posting",
          message: `a B2MML ${release} document (namespace ${ns}, line 3, column 1): the postings mapping reads B2MML V0600 only`,
          path: "/ProductionPerformance",
          expected: "V0600 (namespace http://www.mesa.org/xml/B2MML-V0600)",
          received: release,
        },
      ],
      warnings: [],
      unmapped: [],
    });
  });

  test("PERF-POST-090 the CLI rejects a V0401 document with exit 1 and the code on stderr; nothing written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "b2mml-release-"));
    const input = path.join(dir, "v0401.xml");
    writeFileSync(input, v0401);
    const outDir = path.join(dir, "out");
    let out = "";
    let err = "";
    const io: Io = {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += `${t}\n`;
      },
    };
    const code = await runCli(
      ["map", "erp-postings", input, "--config", path.join(casesDir, "config.json"), "--out-dir", outDir],
      io,
    );
    expect(code, err).toBe(ExitCode.FINDINGS);
    expect(out).toBe("");
    expect(err).toBe(
      [
        '/ProductionPerformance: UNSUPPORTED_RELEASE a B2MML V0401 document (namespace http://www.wbf.org/xml/B2MML-V0401, line 3, column 1): the postings mapping reads B2MML V0600 only (expected V0600 (namespace http://www.mesa.org/xml/B2MML-V0600), received "V0401")',
        `b2mml map erp-postings: ${input}: rejected with 1 error(s), 0 warning(s); nothing written`,
        "",
      ].join("\n"),
    );
    expect(readdirSync(dir)).toEqual(["v0401.xml"]);
  });
});
