/** `b2mml map production-performance`: several inputs, order context, verb, -o, exit codes (PERF-MAP-090). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

/** The CLI in this process: stdout as written, stderr a line per message. */
const run = async (args: string[]) => {
  const r = await runInProcess(["map", "production-performance", ...args], { outAsWritten: true });
  return { ...r, code: r.code ?? -1 };
};

const rel = (p: string) => path.relative(process.cwd(), path.join(repoRoot, p));
const config = rel("fixtures/mappers/config.json");
const ticket = rel("fixtures/idoc/perf-tt-final-scrap-rework/timeticket.xml");
const receipt = rel("fixtures/idoc/perf-gm-receipt-101/goodsmovement.xml");
const invalid = rel("fixtures/idoc/perf-invalid/goodsmovement.xml");
const context = rel("fixtures/idoc/loipro05-tablet-plain/idoc.xml");
const tmp = () => mkdtempSync(path.join(tmpdir(), "b2mml-perf-"));

describe("b2mml map production-performance", () => {
  test("PERF-MAP-090 one file: the golden document on stdout, a summary on stderr, exit 0", async () => {
    const r = await run([receipt, "--config", config]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toBe(
      readFileSync(path.join(repoRoot, "fixtures/mappers/performance/gm-receipt-101/expected.xml"), "utf8"),
    );
    expect(r.err).toMatch(/1 order\(s\) mapped, 1 warning\(s\); BODID MESBSL01\//);
  });

  test("PERF-MAP-090 several files, --order-context, --verb Process, -o", async () => {
    const out = path.join(tmp(), "perf.xml");
    const r = await run([
      ticket,
      receipt,
      "--config",
      config,
      "--order-context",
      context,
      "--verb",
      "Process",
      "-o",
      out,
    ]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toBe("");
    const xml = readFileSync(out, "utf8");
    expect(xml).toContain("<ProcessProductionPerformance ");
    expect(validateXsd(xml).valid).toBe(true);
  });

  test("PERF-MAP-090 rejected mapping: errors as path: code message, exit 1, no document", async () => {
    const r = await run([invalid, "--config", config]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.out).toBe("");
    expect(r.err).toContain(
      "IDOC[1]/E1MBGMCR/E1BP2017_GM_ITEM_CREATE[1]/MOVE_TYPE: UNSUPPORTED_MOVEMENT_TYPE movement type 551",
    );
    const noContext = await run([ticket, "--config", config]);
    expect(noContext.code).toBe(ExitCode.FINDINGS);
  });

  test("PERF-MAP-090 usage errors exit 2; unreadable or not well-formed inputs exit 3", async () => {
    expect((await run(["--config", config])).code).toBe(ExitCode.USAGE);
    expect((await run([receipt])).code).toBe(ExitCode.USAGE);
    expect((await run([receipt, "--config", config, "--verb", "Get"])).code).toBe(ExitCode.USAGE);
    expect((await run([path.join(tmp(), "missing.xml"), "--config", config])).code).toBe(
      ExitCode.INPUT_ERROR,
    );
    const bad = path.join(tmp(), "bad.xml");
    writeFileSync(bad, "<MBGMCR03><IDOC>");
    expect((await run([bad, "--config", config])).code).toBe(ExitCode.INPUT_ERROR);
    expect((await run([receipt, "--config", config, "--order-context", bad])).code).toBe(
      ExitCode.INPUT_ERROR,
    );
  });
});
