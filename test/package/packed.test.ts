/**
 * The package as users get it: `npm pack`, install the tarball into a fresh temporary project, run the CLI
 * from it, import every entry point (ESM; no CommonJS build is shipped) and type-check a consumer file with
 * tsc against the installed package's declarations. Also (issue #12): the metadata (engines, exact
 * libxml2-wasm, repository links), no source map pointing at unshipped sources, `npm pack` on a fresh
 * clone (no dist/) builds through `prepare`, and `npm install git+file://…` of a bare clone builds and
 * runs — both from the committed HEAD, without the network. Every example (examples/<folder>/README.md)
 * runs as written with each installed package's own `node_modules/.bin/b2mml`, in a copy of the
 * installed package's examples/<folder>, against the table shared with examples.test.ts.
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
import { EXPECTED, exampleFolders, runExample } from "./helpers/examples.js";

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
    const init = run(["init", path.join(repoRoot, "fixtures/idoc/loipro05-tablet-plain/idoc.xml")]);
    expect(init.status, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toHaveProperty(
      "plants.CH01.timeZone",
      "TODO: the IANA time zone of plant CH01",
    );
  });

  test("it ships every example folder of the repo, README included", () => {
    const installed = path.join(project, "node_modules/b2mml/examples");
    expect(exampleFolders(installed)).toEqual(Object.keys(EXPECTED).sort());
    expect(exampleFolders(installed)).toEqual(exampleFolders(path.join(repoRoot, "examples")));
  });

  // The installed bin on the installed examples, each in a copy outside the repo and the package.
  for (const folder of Object.keys(EXPECTED).sort())
    test(`example ${folder}: every command of its README runs with the installed b2mml`, async () => {
      const examples = path.join(project, "node_modules/b2mml/examples");
      const copies = path.join(work, "examples-tarball");
      mkdirSync(copies, { recursive: true });
      await runExample(examples, folder, copies, path.join(project, "node_modules/.bin/b2mml"));
    }, 60_000);

  test("every entry point imports (ESM) and works", () => {
    const script = `
      import { readFileSync } from "node:fs";
      import * as root from "b2mml";
      import { validateDocument } from "b2mml/validation";
      import { read, rootOf } from "b2mml/binding";
      import { quantity } from "b2mml/builders";
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
        quantity: quantity("12.500", "KGM").QuantityString,
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
      quantity: { value: "12.500", unitCode: "KGM" },
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
import { read, rootOf, write } from "b2mml/binding";
import {
  type BuildError,
  materialRequirement,
  processProductionSchedule,
  productionRequest,
  productionSchedule,
  quantity,
  segmentRequirement,
} from "b2mml/builders";
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

// a hand-built document with the builders, written through a root typed by its name
export const handBuilt: ProcessProductionScheduleType = processProductionSchedule({
  creationDateTime: "2026-04-14T06:00:00+02:00",
  bodId: "MES-PS-0001",
  schedules: [
    productionSchedule({
      requests: [
        productionRequest({
          id: "1004711",
          schemeID: "AUFNR",
          startTime: "2026-04-14T06:00:00+02:00",
          segments: [
            segmentRequirement({
              id: "0010",
              materials: [materialRequirement({ material: "100234", use: "Consumed", quantities: [quantity("482.500", "KGM")] })],
            }),
          ],
        }),
      ],
    }),
  ],
});
const scheduleRoot = rootOf(schemaSet, "ProcessProductionSchedule");
export const written: string = write(handBuilt, scheduleRoot, { indent: "  " });
// @ts-expect-error a ProcessProductionSchedule is not a ProcessProductionPerformance
export const wrongRoot: string = write(handBuilt, rootOf(schemaSet, "ProcessProductionPerformance"));
export function refusal(amount: string): BuildError["code"] | undefined {
  try {
    quantity(amount, "KGM");
    return undefined;
  } catch (error) {
    return (error as BuildError).code;
  }
}
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

const placeholder = "https://github.com/b2mml/b2mml";
const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  scripts: Record<string, string>;
  version: string;
};

describe("package metadata (issue #12)", () => {
  test("engines: Node 20.12 or later (Dirent.parentPath, used by b2mml/testing)", () => {
    const uses = readFileSync(path.join(repoRoot, "src/testing/evidence-report.ts"), "utf8").includes(
      ".parentPath",
    );
    expect(pkg.engines.node).toBe(uses ? ">=20.12" : ">=20");
  });

  test("libxml2-wasm is pinned to the exact version installed (src/audit/libxml2-c14n.ts uses its internals)", () => {
    const installed = (
      JSON.parse(readFileSync(path.join(repoRoot, "node_modules/libxml2-wasm/package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    expect(pkg.dependencies["libxml2-wasm"]).toBe(installed);
  });

  test("repository, homepage and bugs name one GitHub repository", () => {
    expect(pkg.repository).toEqual({ type: "git", url: `git+${placeholder}.git` });
    expect(pkg.homepage).toBe(`${placeholder}#readme`);
    expect(pkg.bugs).toEqual({ url: `${placeholder}/issues` });
  });

  test("the packed package has no source map, and no shipped file points at one", () => {
    expect(packedFiles.filter((f) => f.endsWith(".map"))).toEqual([]);
    const installed = path.join(project, "node_modules/b2mml");
    const pointing = packedFiles
      .filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))
      .filter((f) => readFileSync(path.join(installed, f), "utf8").includes("sourceMappingURL"));
    expect(pointing).toEqual([]);
  });
});

/** A clone of the committed HEAD in `dir` (the work tree's uncommitted changes are not in it). */
function cloneHead(dir: string, bare: boolean): string {
  const head = sh("git", ["rev-parse", "HEAD"], repoRoot).trim();
  sh("git", ["clone", "--quiet", ...(bare ? ["--bare"] : []), "--no-local", repoRoot, dir], work);
  if (bare) sh("git", ["update-ref", "--no-deref", "HEAD", head], dir);
  else sh("git", ["checkout", "--quiet", "--detach", head], dir);
  return head;
}

describe("builds from sources: prepare (issue #12)", () => {
  test("npm pack on a fresh clone (no dist/) builds and packs dist/", () => {
    const clone = path.join(work, "fresh-clone");
    cloneHead(clone, false);
    expect(existsSync(path.join(clone, "dist"))).toBe(false);
    symlinkSync(path.join(repoRoot, "node_modules"), path.join(clone, "node_modules"), "dir");
    mkdirSync(path.join(work, "fresh-pack"));
    const packed = JSON.parse(
      sh(npm, ["pack", "--json", "--pack-destination", path.join(work, "fresh-pack")], clone),
    ) as { files: { path: string }[] }[];
    const files = (packed[0]?.files ?? []).map((f) => f.path);
    for (const f of ["dist/index.js", "dist/cli/main.js", "dist/cli/validate-worker.js", "dist/index.d.ts"])
      expect(files, f).toContain(f);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  }, 300_000);

  test("npm install git+file:// of a bare clone builds the package; its CLI runs, every example too", async () => {
    const bare = path.join(work, "b2mml.git");
    const head = cloneHead(bare, true);
    const consumer = path.join(work, "git-consumer");
    mkdirSync(consumer);
    writeFileSync(
      path.join(consumer, "package.json"),
      JSON.stringify({ name: "git-consumer", version: "1.0.0", private: true, type: "module" }),
    );
    const install = spawnSync(
      npm,
      ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", `git+file://${bare}#${head}`],
      { cwd: consumer, encoding: "utf8" },
    );
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    const bin = path.join(consumer, "node_modules/.bin/b2mml");
    const version = spawnSync(bin, ["--version"], { cwd: consumer, encoding: "utf8" });
    expect(version.stdout).toBe(`b2mml ${pkg.version}\n`);
    const valid = spawnSync(
      bin,
      [
        "validate",
        path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
      ],
      { cwd: consumer, encoding: "utf8" },
    );
    expect(valid.status, valid.stderr).toBe(0);
    // every example, as written, with this install's bin on this install's examples/
    const examples = path.join(consumer, "node_modules/b2mml/examples");
    expect(exampleFolders(examples)).toEqual(Object.keys(EXPECTED).sort());
    const copies = path.join(work, "examples-git");
    mkdirSync(copies);
    for (const folder of exampleFolders(examples)) await runExample(examples, folder, copies, bin);
  }, 600_000);
});
