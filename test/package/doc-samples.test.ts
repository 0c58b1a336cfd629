/**
 * The ```ts code samples of the guides (docs/*.md) and of README.md compile: each block becomes a module
 * type-checked by tsc (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess) with `b2mml/*`
 * resolved to the sources. A block can use names it does not declare only through `declare` lines.
 * The samples of docs/getting-started.md also run: each, transpiled to JavaScript, is run by node in
 * examples/ (the files they read) with `b2mml/*` resolved to the built package (dist/), and exits 0 with
 * nothing on stderr.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";

// docs/mapping-performance.md is being written beside this test; it joins the check once finished.
const PENDING = new Set<string>();
const docs = [
  ...readdirSync(path.join(repoRoot, "docs"))
    .filter((f) => f.endsWith(".md") && !PENDING.has(f))
    .map((f) => `docs/${f}`),
  "README.md",
].sort();

interface Sample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function samplesOf(file: string): Sample[] {
  const text = readFileSync(path.join(repoRoot, file), "utf8");
  const samples: Sample[] = [];
  for (const m of text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm))
    samples.push({ file, line: text.slice(0, m.index).split("\n").length, code: m[1] ?? "" });
  return samples;
}

const samples = docs.flatMap(samplesOf);
// Inside the repository (.tmp/ is ignored by git) so that vitest and @types/node resolve as in the tests.
mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
const dir = mkdtempSync(path.join(repoRoot, ".tmp", "doc-samples-"));
writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY_POINTS = ["binding", "builders", "codegen", "validation", "idoc", "mappers", "audit", "testing"];

describe("code samples in the guides", () => {
  test("there are samples", () => {
    expect(samples.length).toBeGreaterThan(5);
  });

  test("every ```ts sample compiles", () => {
    const names = samples.map((s, i) => {
      const name = `${s.file.replace(/[/.]/g, "_")}_L${s.line}_${i}.ts`;
      const prelude = "export {};\n";
      writeFileSync(path.join(dir, name), `${prelude}${s.code}`);
      return name;
    });
    const paths: Record<string, string[]> = {
      b2mml: [path.join(repoRoot, "src/index.ts")],
      "b2mml/generated/b2mml-v0600": [path.join(repoRoot, "src/generated/b2mml-v0600/index.ts")],
      "b2mml/generated/idoc": [path.join(repoRoot, "src/generated/idoc/index.ts")],
      "b2mml/testing/reporter": [path.join(repoRoot, "src/testing/reporter.ts")],
    };
    for (const e of ENTRY_POINTS) paths[`b2mml/${e}`] = [path.join(repoRoot, `src/${e}/index.ts`)];
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022"],
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          types: ["node"],
          baseUrl: repoRoot,
          paths,
        },
        files: names,
      }),
    );
    let output = "";
    try {
      execFileSync(
        process.execPath,
        [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", dir, "--pretty", "false"],
        {
          cwd: repoRoot,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    }
    // Name the guide and line of each failing sample.
    const located = output.replace(
      /^(\S+?)_L(\d+)_\d+\.ts\((\d+),(\d+)\)/gm,
      (_m, f: string, line: string, l: string) => {
        const file = samples.find((s) => `${s.file.replace(/[/.]/g, "_")}` === path.basename(f))?.file ?? f;
        return `${file}:${Number(line) + Number(l) - 1}`;
      },
    );
    expect(located, located).toBe("");
  });

  // Inside the package (no package.json of its own) so that `b2mml/*` resolves to this package's dist/.
  const runDir = mkdtempSync(path.join(repoRoot, ".tmp", "run-samples-"));
  afterAll(() => rmSync(runDir, { recursive: true, force: true }));

  for (const sample of samplesOf("docs/getting-started.md"))
    test(`docs/getting-started.md:${sample.line} runs in examples/ (exit 0, nothing on stderr)`, () => {
      const js = ts.transpileModule(sample.code, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const file = path.join(runDir, `L${sample.line}.mjs`);
      writeFileSync(file, js);
      const run = spawnSync(process.execPath, [file], {
        cwd: path.join(repoRoot, "examples"),
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    });
});
