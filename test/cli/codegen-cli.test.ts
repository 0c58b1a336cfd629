/**
 * `b2mml codegen`: exit codes from the one table, stdout for data, stderr for diagnostics, `--check`
 * staleness, and generated output that type-checks in a project that depends on the package.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExitCode } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { repoRoot } from "../helpers/paths.js";

const work = mkdtempSync(path.join(os.tmpdir(), "b2mml-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
  const code = await runCli(args, io);
  return { code, out, err };
}

const profile = path.join(repoRoot, "xsd/b2mml-v0600");
const committed = path.join(repoRoot, "src/generated/b2mml-v0600");

describe("b2mml codegen", () => {
  test("the committed generated code is what the profile generates (--check exits 0)", async () => {
    const r = await run(["codegen", "--xsd", profile, "--out", committed, "--check"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toContain("is up to date (3 files)");
  });

  test("--check exits 1 and names each changed, missing and extra file", async () => {
    const out = path.join(work, "stale");
    cpSync(committed, out, { recursive: true });
    const changed = path.join(out, "b2mml-v0600.ts");
    writeFileSync(changed, `${readFileSync(changed, "utf8")}// edited by hand\n`);
    rmSync(path.join(out, "index.ts"));
    writeFileSync(path.join(out, "leftover.ts"), "export {};\n");
    const r = await run(["codegen", "--xsd", profile, "--out", out, "--check"]);
    expect(r.code).toBe(ExitCode.FINDINGS);
    expect(r.err).toContain("stale: b2mml-v0600.ts differs from what the schemas generate");
    expect(r.err).toContain("stale: index.ts is missing");
    expect(r.err).toContain("stale: leftover.ts is not generated any more");
    // --check writes nothing
    expect(existsSync(path.join(out, "index.ts"))).toBe(false);
    // regenerating repairs the folder, removing what is not generated any more
    expect((await run(["codegen", "--xsd", profile, "--out", out])).code).toBe(ExitCode.OK);
    expect(existsSync(path.join(out, "leftover.ts"))).toBe(false);
    expect((await run(["codegen", "--xsd", profile, "--out", out, "--check"])).code).toBe(ExitCode.OK);
  });

  test.each([
    [["codegen"], "--xsd and --out are required"],
    [["codegen", "--xsd", profile], "--xsd and --out are required"],
    [["codegen", "--bogus"], "Unknown option '--bogus'"],
    [["frobnicate"], 'unknown command "frobnicate"'],
  ])("usage error %j exits 2", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.err).toContain(message);
  });

  test("a schema with an unresolved reference exits 4 with file, line and QName on stderr", async () => {
    const dir = path.join(work, "bad");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "bad.xsd"),
      [
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:bad" xmlns="urn:bad">',
        '  <xs:complexType name="T">',
        "    <xs:sequence>",
        '      <xs:element name="A" type="Missing"/>',
        "    </xs:sequence>",
        "  </xs:complexType>",
        "</xs:schema>",
      ].join("\n"),
    );
    const out = path.join(work, "bad-out");
    const r = await run(["codegen", "--xsd", dir, "--out", out]);
    expect(r.code).toBe(ExitCode.SCHEMA_ERROR);
    expect(r.err).toContain(`${path.join(dir, "bad.xsd")}:4:`);
    expect(r.err).toContain(
      "UNRESOLVED_REFERENCE type Missing is not defined in namespace urn:bad [{urn:bad}Missing]",
    );
    expect(r.err).toContain("1 problem(s) in the schema set; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  test("help goes to stdout and exits 0", async () => {
    const r = await run(["codegen", "--help"]);
    expect(r.code).toBe(ExitCode.OK);
    expect(r.out).toContain("Usage: b2mml codegen --xsd <file-or-dir>");
  });
});

const built = existsSync(path.join(repoRoot, "dist/cli/main.js"));
describe.skipIf(!built)("the built package (npm test builds it first)", () => {
  test("the bin runs and exits with the table's code", async () => {
    const bin = path.join(repoRoot, "dist/cli/main.js");
    const help = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help).toContain("codegen   generate TypeScript types and binding metadata from XSD");
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, "nope"], { stdio: "pipe" });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(ExitCode.USAGE);
  });

  test("output generated into another project type-checks against the package's own name (b2mml/binding)", async () => {
    const project = path.join(work, "consumer");
    mkdirSync(path.join(project, "node_modules"), { recursive: true });
    symlinkSync(repoRoot, path.join(project, "node_modules", "b2mml"), "dir");
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", type: "module" }));
    expect((await run(["codegen", "--xsd", profile, "--out", path.join(project, "src/b2mml")])).code).toBe(
      ExitCode.OK,
    );
    writeFileSync(
      path.join(project, "src/use.ts"),
      [
        'import type { ProcessProductionScheduleType } from "./b2mml/index.js";',
        'import { schemaSet } from "./b2mml/index.js";',
        "export const doc: ProcessProductionScheduleType = {",
        '  releaseID: "6.0",',
        '  ApplicationArea: { CreationDateTime: { value: "2026-03-29T01:30:00.250+01:00" } },',
        '  DataArea: { Process: {}, ProductionSchedule: [{ ProductionRequest: [{ ID: { value: "4711" } }] }] },',
        "};",
        "export const modules = schemaSet.modules.length;",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ["src"],
      }),
    );
    const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", path.join(project, "tsconfig.json"), "--pretty", "false"], {
      encoding: "utf8",
    });
  });
});
