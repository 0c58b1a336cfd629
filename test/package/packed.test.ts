/**
 * The package as users get it: `npm pack`, install the tarball into a fresh temporary project, run the CLI
 * from it, import every entry point (ESM; no CommonJS build is shipped) and type-check a consumer file with
 * tsc against the installed package's declarations.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
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
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let work = "";
let project = "";
let tarball = "";
let packedFiles: string[] = [];

function sh(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 2 ** 26,
  });
}

beforeAll(() => {
  if (!existsSync(path.join(repoRoot, "dist/index.js")))
    sh(
      process.execPath,
      [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      repoRoot,
    );
  work = mkdtempSync(path.join(os.tmpdir(), "b2mml-packed-"));
  const packed = JSON.parse(sh(npm, ["pack", "--json", "--pack-destination", work], repoRoot)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(work, packed[0]?.filename ?? "");
  packedFiles = (packed[0]?.files ?? []).map((f) => f.path);
  project = path.join(work, "consumer");
  mkdirSync(project);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
  );
  const args = ["install", "--no-audit", "--no-fund", "--no-package-lock", tarball];
  const offline = spawnSync(npm, [...args, "--offline"], { cwd: project, encoding: "utf8" });
  if (offline.status !== 0) sh(npm, args, project); // not all dependencies in the cache: use the registry
  // b2mml/testing is a set of vitest helpers: the consumer has vitest (here: the project's own).
  symlinkSync(path.join(repoRoot, "node_modules/vitest"), path.join(project, "node_modules/vitest"), "dir");
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (args: readonly string[]) =>
  spawnSync(path.join(project, "node_modules/.bin/b2mml"), args, { cwd: project, encoding: "utf8" });

describe("the packed package", () => {
  test("ships dist, xsd, README, LICENSE and NOTICE, and nothing from fixtures, test or src", () => {
    for (const f of [
      "package.json",
      "README.md",
      "LICENSE",
      "NOTICE",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
      "dist/testing/index.js",
      "dist/testing/reporter.js",
    ])
      expect(packedFiles, f).toContain(f);
    expect(packedFiles.some((f) => f.startsWith("xsd/b2mml-v0600/") && f.endsWith(".xsd"))).toBe(true);
    expect(packedFiles.filter((f) => /^(fixtures|test|src|scripts|docs|reports)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "xsd", "README.md", "LICENSE", "NOTICE"]));
  });

  test("the CLI runs from the installed package: --help and validate with the built-in profile", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: b2mml <command>");
    const fixture = path.join(
      repoRoot,
      "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml",
    );
    const valid = run(["validate", "--rules", fixture]);
    expect(valid.status, valid.stderr).toBe(0);
    const invalid = run([
      "validate",
      path.join(repoRoot, "fixtures/b2mml-v0600/invalid/unknown-element/document.xml"),
    ]);
    expect(invalid.status).toBe(1);
  });

  test("every entry point imports (ESM) and works", () => {
    const script = `
      import { readFileSync } from "node:fs";
      import * as root from "b2mml";
      import { validateDocument } from "b2mml/validation";
      import { read, rootOf } from "b2mml/binding";
      import { schemaSet } from "b2mml/generated/b2mml-v0600";
      import * as idoc from "b2mml/generated/idoc";
      import { mapLoiproToProductionSchedule } from "b2mml/mappers";
      import { readIdoc } from "b2mml/idoc";
      import { digest } from "b2mml/audit";
      import { generate } from "b2mml/codegen";
      import { findRequirementIds } from "b2mml/testing";
      import EvidenceReporter from "b2mml/testing/reporter";
      const xml = readFileSync(process.argv[2], "utf8");
      const config = JSON.parse(readFileSync(process.argv[3], "utf8"));
      const mapped = mapLoiproToProductionSchedule(readIdoc(readFileSync(process.argv[4], "utf8")), config);
      console.log(JSON.stringify({
        root: typeof root.validateDocument,
        outcome: validateDocument(xml, { rules: true }).outcome,
        read: read(xml, rootOf(schemaSet, "ProcessProductionSchedule")).issues.length,
        idoc: Object.keys(idoc).length > 0,
        mapped: mapped.ok,
        digest: digest(xml, { canonicalization: "c14n" }).hex.length,
        codegen: typeof generate,
        ids: findRequirementIds("LOIPRO-MAP-012"),
        reporter: typeof EvidenceReporter,
      }));
    `;
    writeFileSync(path.join(project, "smoke.mjs"), script);
    const out = sh(
      process.execPath,
      [
        "smoke.mjs",
        path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
        path.join(repoRoot, "fixtures/mappers/config.json"),
        path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml"),
      ],
      project,
    );
    expect(JSON.parse(out)).toEqual({
      root: "function",
      outcome: "valid",
      read: 0,
      idoc: true,
      mapped: true,
      digest: 64,
      codegen: "function",
      ids: ["LOIPRO-MAP-012"],
      reporter: "function",
    });
  });

  test("CommonJS require is refused (ESM only, as the README says)", () => {
    const r = spawnSync(process.execPath, ["-e", 'require("b2mml/validation")'], {
      cwd: project,
      encoding: "utf8",
    });
    // Node 20 cannot require an ES module (ERR_REQUIRE_ESM) or finds no "require" condition in exports.
    if (r.status === 0) expect(process.versions.node.split(".")[0]).not.toBe("20");
    else expect(r.stderr).toMatch(/ERR_REQUIRE_ESM|ERR_PACKAGE_PATH_NOT_EXPORTED|require\(\) of ES Module/);
  });

  test("a consumer type-checks with tsc against the installed declarations", () => {
    writeFileSync(
      path.join(project, "consumer.ts"),
      `import { type DocumentValidationResult, validateDocument } from "b2mml/validation";
import { type ProcessProductionScheduleType, schemaSet } from "b2mml/generated/b2mml-v0600";
import { read, rootOf } from "b2mml/binding";
import { type MapResult, mapLoiproToProductionSchedule, parseMapperConfigJson } from "b2mml/mappers";
import { readIdoc } from "b2mml/idoc";
import { type AuditRecord, createAuditRecord } from "b2mml/audit";
import { type EvidenceReport, expectValidDocument } from "b2mml/testing";
import { EvidenceReporter } from "b2mml/testing/reporter";

export function check(xml: string): DocumentValidationResult["outcome"] {
  const { value } = read<ProcessProductionScheduleType>(xml, rootOf(schemaSet, "ProcessProductionSchedule"));
  const id: string | undefined = value?.ApplicationArea.BODID?.value;
  void id;
  return validateDocument(xml, { rules: true }).outcome;
}
export function map(idoc: string, configText: string): MapResult | undefined {
  const checked = parseMapperConfigJson(configText);
  return checked.ok ? mapLoiproToProductionSchedule(readIdoc(idoc), checked.config) : undefined;
}
export const record = (): AuditRecord =>
  createAuditRecord({ operation: "validation", correlationId: "c", idempotencyKey: "k", messageType: "ProcessProductionSchedule" });
export const reporter = new EvidenceReporter({ outputDir: "evidence" });
export type Report = EvidenceReport;
export const assertValid = expectValidDocument;
`,
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"],
      {
        cwd: project,
        encoding: "utf8",
      },
    );
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });
});
