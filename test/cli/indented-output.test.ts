/**
 * Issue #12: the XML the CLI writes is indented by default (two spaces a level, one element a line), so
 * that a first look at `b2mml map …` output is readable. Every map command's document is written with
 * `write(…, { indent: "  " })` and its IDocs by the IDoc writer with the same indent; `c14n` is the
 * exception by definition (the canonical form has no indentation to add).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { runInProcess } from "./helpers/run-cli.js";

const examples = path.join(repoRoot, "examples");
const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-indent-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every line after the declaration is indented by whole steps of two spaces, and nesting is shown. */
function expectIndented(xml: string): void {
  const lines = xml.trimEnd().split("\n");
  expect(lines.length).toBeGreaterThan(10);
  expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
  for (const line of lines.slice(1)) expect(line).toMatch(/^( {2})*<|^( {2})*[^ ]/);
  expect(lines.some((l) => l.startsWith("    <"))).toBe(true);
}

describe("the CLI indents the XML it writes", () => {
  test("map production-schedule", async () => {
    const ex = path.join(examples, "map-loipro-order");
    const run = await runInProcess([
      "map",
      "production-schedule",
      path.join(ex, "idoc.xml"),
      "--config",
      path.join(ex, "config.json"),
    ]);
    expect(run.code, run.err).toBe(0);
    expectIndented(run.out);
  });

  test("map production-performance", async () => {
    const ex = path.join(examples, "map-time-tickets");
    const run = await runInProcess([
      "map",
      "production-performance",
      path.join(ex, "timeticket.xml"),
      "--config",
      path.join(ex, "config.json"),
      "--order-context",
      path.join(ex, "order.xml"),
    ]);
    expect(run.code, run.err).toBe(0);
    expectIndented(run.out);
  });

  test("map erp-postings", async () => {
    const ex = path.join(examples, "post-performance");
    const out = path.join(dir, "idocs");
    const run = await runInProcess([
      "map",
      "erp-postings",
      path.join(ex, "performance.xml"),
      "--config",
      path.join(ex, "config.json"),
      "--out-dir",
      out,
    ]);
    expect(run.code, run.err).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expectIndented(readFileSync(path.join(out, f), "utf8"));
  });
});
