/**
 * Traceability: every requirement ID in docs/mapping-loipro.md is named by at least one test title, and
 * every ID a test title names is in the document.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";

const ID = /LOIPRO-MAP-\d{3}/g;
const doc = readFileSync(path.join(repoRoot, "docs/mapping-loipro.md"), "utf8");
const documented = [
  ...new Set([...doc.matchAll(/^\| (LOIPRO-MAP-\d{3}) \|/gm)].map((m) => m[1] as string)),
].sort();

/** The string literals that are test titles: the first argument of test / it / describe (and .each …). */
function titleIds(source: string): string[] {
  const ids: string[] = [];
  const call = /\b(?:test|it|describe)(?:\.\w+(?:\([^)]*\))?)*\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
  for (const m of source.matchAll(call)) ids.push(...[...(m[2] ?? "").matchAll(ID)].map((x) => x[0]));
  return ids;
}

const testFiles = [
  ...readdirSync(path.join(repoRoot, "test/mappers"))
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join(repoRoot, "test/mappers", f)),
  path.join(repoRoot, "test/cli/map-cli.test.ts"),
];
const tested = new Set(testFiles.flatMap((f) => titleIds(readFileSync(f, "utf8"))));

describe("requirement IDs of docs/mapping-loipro.md", () => {
  test("the document lists requirement IDs, each once", () => {
    expect(documented.length).toBeGreaterThan(40);
    const rows = [...doc.matchAll(/^\| (LOIPRO-MAP-\d{3}) \|/gm)].map((m) => m[1]);
    expect(rows).toHaveLength(documented.length);
  });

  test.each(documented)("%s is covered by a test title", (id) => {
    expect(tested.has(id), `no test title names ${id}`).toBe(true);
  });

  test("every ID a test title names is documented", () => {
    expect([...tested].filter((id) => !documented.includes(id)).sort()).toEqual([]);
  });
});
