/**
 * Traceability: every requirement ID in docs/mapping-loipro.md is named by at least one test title, and
 * every ID a test title names is in the document. These are documentation checks
 * (`markDocumentationCheck`): the evidence report lists them beside each ID, never as its test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { markDocumentationCheck } from "../../src/testing/index.js";
import { repoRoot } from "../helpers/paths.js";

const ID = /LOIPRO-MAP-\d{3}/g;
const doc = readFileSync(path.join(repoRoot, "docs/mapping-loipro.md"), "utf8");
const documented = [
  ...new Set([...doc.matchAll(/^\| (LOIPRO-MAP-\d{3}) \|/gm)].map((m) => m[1] as string)),
].sort();

/** The string literals that are test titles: the first argument of test / it / describe (and .each …). */
function titleIds(source: string, id: RegExp = ID): string[] {
  const ids: string[] = [];
  const call = /\b(?:test|it|describe)(?:\.\w+(?:\([^)]*\))?)*\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
  for (const m of source.matchAll(call)) ids.push(...[...(m[2] ?? "").matchAll(id)].map((x) => x[0]));
  return ids;
}

const testFiles = [
  ...readdirSync(path.join(repoRoot, "test/mappers"))
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join(repoRoot, "test/mappers", f)),
  path.join(repoRoot, "test/cli/map-cli.test.ts"),
  path.join(repoRoot, "test/cli/map-unmapped-cli.test.ts"),
];
const tested = new Set(testFiles.flatMap((f) => titleIds(readFileSync(f, "utf8"))));

describe("requirement IDs of docs/mapping-loipro.md", () => {
  test("the document lists requirement IDs, each once", () => {
    expect(documented.length).toBeGreaterThan(40);
    const rows = [...doc.matchAll(/^\| (LOIPRO-MAP-\d{3}) \|/gm)].map((m) => m[1]);
    expect(rows).toHaveLength(documented.length);
  });

  test.each(documented)("%s is covered by a test title", (id) => {
    markDocumentationCheck();
    expect(tested.has(id), `no test title names ${id}`).toBe(true);
  });

  test("every ID a test title names is documented", () => {
    expect([...tested].filter((id) => !documented.includes(id)).sort()).toEqual([]);
  });
});

describe("requirement IDs of docs/mapping-performance.md (PERF-MAP)", () => {
  const PERF = /PERF-MAP-\d{3}/g;
  const perfDoc = readFileSync(path.join(repoRoot, "docs/mapping-performance.md"), "utf8");
  const rows = [...perfDoc.matchAll(/^\| (PERF-MAP-\d{3}) \|/gm)].map((m) => m[1] as string);
  const perfDocumented = [...new Set(rows)].sort();
  const perfDir = path.join(repoRoot, "test/mappers/performance");
  const perfFiles = [
    ...readdirSync(perfDir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => path.join(perfDir, f)),
    path.join(repoRoot, "test/cli/map-performance-cli.test.ts"),
    path.join(repoRoot, "test/cli/map-unmapped-cli.test.ts"),
    path.join(repoRoot, "test/mappers/round-trip.property.test.ts"),
  ];
  const perfTested = new Set(perfFiles.flatMap((f) => titleIds(readFileSync(f, "utf8"), PERF)));

  test("the document lists requirement IDs, each once", () => {
    expect(perfDocumented.length).toBeGreaterThan(25);
    expect(rows).toHaveLength(perfDocumented.length);
  });

  test.each(perfDocumented)("%s is covered by a test title", (id) => {
    markDocumentationCheck();
    expect(perfTested.has(id), `no test title names ${id}`).toBe(true);
  });

  test("every PERF-MAP ID a test title names is documented", () => {
    expect([...perfTested].filter((id) => !perfDocumented.includes(id)).sort()).toEqual([]);
  });
});

describe("requirement IDs of docs/mapping-performance.md, section ERP postings (PERF-POST)", () => {
  const perfDoc = readFileSync(path.join(repoRoot, "docs/mapping-performance.md"), "utf8");
  const rows = [...perfDoc.matchAll(/^\| (PERF-POST-\d{3}) \|/gm)].map((m) => m[1] as string);
  const postDir = path.join(repoRoot, "test/mappers/erp-postings");
  const postFiles = [
    ...readdirSync(postDir)
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => path.join(postDir, f)),
    path.join(repoRoot, "test/cli/map-erp-postings-cli.test.ts"),
    path.join(repoRoot, "test/mappers/round-trip.property.test.ts"),
  ];
  const postTested = new Set(postFiles.flatMap((f) => titleIds(readFileSync(f, "utf8"), /PERF-POST-\d{3}/g)));

  test("the section lists requirement IDs, each once", () => {
    expect(rows.length).toBeGreaterThan(25);
    expect(new Set(rows).size).toBe(rows.length);
  });

  test.each([...new Set(rows)].sort())("%s is covered by a test title", (id) => {
    markDocumentationCheck();
    expect(postTested.has(id), `no test title names ${id}`).toBe(true);
  });

  test("every PERF-POST ID a test title names is documented", () => {
    expect([...postTested].filter((id) => !rows.includes(id)).sort()).toEqual([]);
  });
});
