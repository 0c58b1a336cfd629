/**
 * Issue #20: the docs' mapping tables and the field rows are one statement. For every requirement whose
 * rule ends with `Rows:` (docs/mapping-loipro.md, docs/mapping-performance.md), the kinds and fields listed
 * there are exactly the kinds and source fields of the rows with that ID; for every row, the docs row of
 * its ID names its source fields (and child segment and unit field) in the source column and its target
 * element (and a B2MML ID other than the field name) in the target column. A row added, removed or changed
 * without the docs, or the other way round, fails here. Documentation checks (`markDocumentationCheck`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PERFORMANCE_ROWS } from "../../src/mappers/idoc-to-production-performance/field-rows.js";
import { LOIPRO_ROWS } from "../../src/mappers/loipro-to-production-schedule/field-rows.js";
import { type FieldRow, sourceFields } from "../../src/mappers/shared/field-rules.js";
import { markDocumentationCheck } from "../../src/testing/index.js";
import { repoRoot } from "../helpers/paths.js";

interface DocsRow {
  readonly source: string;
  readonly target: string;
  readonly rule: string;
}

/** `VGW01…06` → `VGW01 VGW02 … VGW06`; `TO_BE_CONF_ACTIVITY1…6` likewise. */
function expandRanges(text: string): string {
  return text.replace(/([A-Z][A-Z0-9_]*?)(\d+)…(\d+)([A-Z0-9_]*)/g, (_, prefix, from, to, suffix) => {
    const names: string[] = [];
    for (let n = Number(from); n <= Number(to); n++)
      names.push(`${prefix}${String(n).padStart(from.length, "0")}${suffix}`);
    return names.join(" ");
  });
}

/** The names a cell mentions: every word, ranges expanded. */
function words(cell: string): Set<string> {
  return new Set(expandRanges(cell).match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []);
}

/** The requirement rows of the mapping tables (`| ID | Source | Target | Rule |`), by ID. */
function docsRows(file: string): Map<string, DocsRow> {
  const text = readFileSync(path.join(repoRoot, file), "utf8");
  const rows = new Map<string, DocsRow>();
  for (const line of text.split("\n")) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const id = cells[1] ?? "";
    if (!/^(LOIPRO-MAP|PERF-MAP)-\d{3}$/.test(id) || cells.length !== 6) continue;
    rows.set(id, { source: cells[2] ?? "", target: cells[3] ?? "", rule: cells[4] ?? "" });
  }
  return rows;
}

/** `Rows: copy `A`, `B`; date `C`.` → `{ copy: [A, B], date: [C] }` (sorted), or `undefined` without. */
function listedRows(rule: string): Record<string, string[]> | undefined {
  const marker = /\bRows: (.+?)\.$/.exec(rule);
  if (marker?.[1] === undefined) return undefined;
  const listed: Record<string, string[]> = {};
  for (const group of marker[1].split(";")) {
    const kind = /^\s*([a-z]+)\s/.exec(group)?.[1] ?? `(no kind in "${group}")`;
    const fields = [...group.matchAll(/`([^`]+)`/g)].flatMap((m) =>
      expandRanges(m[1] ?? "")
        .split(" ")
        .map((f) => f.slice(f.lastIndexOf("/") + 1)),
    );
    listed[kind] = [...(listed[kind] ?? []), ...fields].sort();
  }
  return listed;
}

/** The rows of one ID as the docs list them: kind → its source fields, sorted. */
function rowsByKind(rows: readonly FieldRow[]): Record<string, string[]> {
  const byKind: Record<string, string[]> = {};
  for (const row of rows) byKind[row.kind] = [...(byKind[row.kind] ?? []), ...sourceFields(row)].sort();
  return byKind;
}

/** What the docs must name for a row: the source words, the target words. */
function namesOf(row: FieldRow): { source: string[]; target: string[] } {
  const refs = typeof row.from === "string" ? [row.from] : row.from;
  const segments = refs.flatMap((ref) => (ref.includes("/") ? [ref.slice(0, ref.lastIndexOf("/"))] : []));
  return {
    source: [...sourceFields(row), ...segments, ...(row.unit === undefined ? [] : [row.unit])],
    target: [row.to, ...(row.key === undefined ? [] : [row.key])],
  };
}

const MAPPINGS = [
  { doc: "docs/mapping-loipro.md", rows: LOIPRO_ROWS },
  { doc: "docs/mapping-performance.md", rows: PERFORMANCE_ROWS },
] as const;

describe.each(MAPPINGS)("field rows of $doc", ({ doc, rows }) => {
  const documented = docsRows(doc);
  const ids = [...new Set([...rows.map((r) => r.id), ...documented.keys()])]
    .filter((id) => rows.some((r) => r.id === id) || listedRows(documented.get(id)?.rule ?? "") !== undefined)
    .sort();

  test("the document has requirement rows and the mapping has field rows", () => {
    expect(documented.size).toBeGreaterThan(20);
    expect(rows.length).toBeGreaterThan(20);
  });

  test("no field is the source of two rows of one requirement", () => {
    const keys = rows.flatMap((r) => sourceFields(r).map((f) => `${r.id} ${f}`));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  test.each(ids)("%s: the rule's Rows: list is the rows' kinds and fields", (id) => {
    markDocumentationCheck();
    const docsRow = documented.get(id);
    expect(docsRow, `${doc} has no row ${id}`).toBeDefined();
    expect(listedRows(docsRow?.rule ?? ""), `${id} in ${doc}: Rows: differs from field-rows.ts`).toEqual(
      rowsByKind(rows.filter((r) => r.id === id)),
    );
  });

  test.each(ids)("%s: source and target columns name every row's fields and target", (id) => {
    markDocumentationCheck();
    const docsRow = documented.get(id);
    const source = words(docsRow?.source ?? "");
    const target = words(docsRow?.target ?? "");
    const missing = rows
      .filter((r) => r.id === id)
      .flatMap((r) => {
        const names = namesOf(r);
        return [
          ...names.source.filter((n) => !source.has(n)).map((n) => `source column lacks ${n}`),
          ...names.target.filter((n) => !target.has(n)).map((n) => `target column lacks ${n}`),
        ];
      });
    expect(missing, `${id} in ${doc}`).toEqual([]);
  });
});
