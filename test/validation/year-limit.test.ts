/**
 * xs:dateTime years beyond 2147483647 (issue #18): XML Schema 1.0 allows any number of year digits; the
 * WebAssembly build of libxml2 has a 32-bit `long` and refuses such years. A value the binding's lexical
 * check accepts is reported with the documented code `XSD_YEAR_BEYOND_ENGINE_LIMIT` (still not valid:
 * libxml2 could not check it), never as `XSD_INVALID_VALUE`; years within the limit are accepted, and
 * values that are not dateTimes stay `XSD_INVALID_VALUE`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateXsd } from "../../src/validation/index.js";
import { disposeValidators } from "../helpers/libxml2-schema.js";
import { repoRoot } from "../helpers/paths.js";

afterAll(() => disposeValidators());

const doc = (dateTime: string) =>
  `<SyncProductionPerformance xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0"><ApplicationArea><CreationDateTime>${dateTime}</CreationDateTime></ApplicationArea><DataArea><Sync/><ProductionPerformance/></DataArea></SyncProductionPerformance>`;

describe("years of xs:dateTime and libxml2-wasm's limit", () => {
  it.each([
    ["2026-03-30T14:12:00Z", undefined],
    ["2147483647-12-31T23:59:59Z", undefined],
    ["-2147483647-01-01T00:00:00Z", undefined],
    ["2147483648-01-01T00:00:00Z", "XSD_YEAR_BEYOND_ENGINE_LIMIT"],
    ["-2147483648-01-01T00:00:00+01:00", "XSD_YEAR_BEYOND_ENGINE_LIMIT"],
    ["99999999999-12-31T24:00:00Z", "XSD_YEAR_BEYOND_ENGINE_LIMIT"],
    ["9223372036854775808-01-01T00:00:00Z", "XSD_YEAR_BEYOND_ENGINE_LIMIT"],
    ["02147483648-01-01T00:00:00Z", "XSD_INVALID_VALUE"],
    ["2147483648-02-30T00:00:00Z", "XSD_INVALID_VALUE"],
    ["2147483648-01-01", "XSD_INVALID_VALUE"],
  ])("%s → %s", (value, code) => {
    const result = validateXsd(doc(value));
    expect(result.issues.map((i) => i.code)).toEqual(code === undefined ? [] : [code]);
    expect(result.valid).toBe(code === undefined);
  });

  it("the documented issue names the value, the limit and libxml2's message", () => {
    const [issue] = validateXsd(doc("2147483648-01-01T00:00:00Z")).issues;
    expect(issue).toEqual({
      code: "XSD_YEAR_BEYOND_ENGINE_LIMIT",
      severity: "error",
      origin: "xsd",
      message:
        "'2147483648-01-01T00:00:00Z' is a valid xs:dateTime (XML Schema 1.0 allows any number of year digits), " +
        "but its year 2147483648 is beyond ±2147483647, the largest year the WebAssembly build of libxml2 can " +
        "represent: the value could not be validated further (facets), so the document is not reported valid. " +
        "(libxml2: Element '{http://www.mesa.org/xml/B2MML-V0600}CreationDateTime': '2147483648-01-01T00:00:00Z' " +
        "is not a valid value of the atomic type 'xs:dateTime'.)",
      line: 1,
      column: issue?.column,
      path: "/SyncProductionPerformance/ApplicationArea/CreationDateTime",
      expected: "an xs:dateTime with a year within ±2147483647 (the validating engine's limit)",
      received: "2147483648-01-01T00:00:00Z",
    });
  });

  const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
  it.skipIf(!xmllint)("native xmllint (64-bit long) accepts the year the WebAssembly build cannot", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "b2mml-year-"));
    try {
      const file = path.join(dir, "doc.xml");
      fs.writeFileSync(file, doc("2147483648-01-01T00:00:00Z"));
      const schema = path.join(repoRoot, "xsd/b2mml-v0600/b2mml-v0600-production.xsd");
      const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
