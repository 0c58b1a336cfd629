/** b2mml/testing: golden mapping comparison, document assertions, requirement IDs and evidence in task.meta. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { MapperConfig } from "../../src/mappers/index.js";
import {
  DocumentAssertionError,
  diffLines,
  EVIDENCE_META_KEY,
  evidenceOf,
  expectIssues,
  expectMapping,
  expectValidDocument,
  findRequirementIds,
  GoldenMismatchError,
  requirement,
} from "../../src/testing/index.js";
import { repoRoot } from "../helpers/paths.js";

const read = (p: string) => readFileSync(path.join(repoRoot, p), "utf8");
const config = JSON.parse(read("fixtures/mappers/config.json")) as MapperConfig;
const idoc = read("fixtures/idoc/loipro05-tablet-plain/idoc.xml");
const golden = read("fixtures/mappers/loipro/loipro05-tablet-plain/expected.xml");

describe("requirement IDs", () => {
  test("IDs are found in titles and documents; digests and encodings are not IDs", () => {
    expect(
      findRequirementIds("[LOIPRO-MAP-012] B2MML-TIME-001, PERF-MAP-3 and ACME-IF-7 (SHA-256, UTF-8)"),
    ).toEqual(["LOIPRO-MAP-012", "B2MML-TIME-001", "PERF-MAP-3", "ACME-IF-7"]);
  });

  test("requirement() tags the running test in task.meta", ({ task }) => {
    requirement("ACME-IF-001", "ACME-IF-002");
    requirement("ACME-IF-001");
    expect(evidenceOf(task.meta)?.requirements).toEqual(["ACME-IF-001", "ACME-IF-002"]);
    expect(EVIDENCE_META_KEY in task.meta).toBe(true);
  });
});

describe("expectMapping", () => {
  test("LOIPRO-MAP-001 the plain tablet order maps to its golden document; the digests are recorded", ({
    task,
  }) => {
    const result = expectMapping({ input: idoc, config, expected: golden, names: { input: "idoc.xml" } });
    expect(result.actualDigest.hex).toBe(result.expected.hex);
    const evidence = evidenceOf(task.meta);
    expect(evidence?.artifacts.map((a) => [a.role, a.name])).toEqual([
      ["input", "idoc.xml"],
      ["configuration", "config"],
      ["expected", "expected"],
      ["actual", "actual"],
    ]);
    expect(evidence?.artifacts[1]?.digest.canonicalization).toBe("urn:ietf:rfc:8785");
    expect(evidence?.artifacts[3]?.digest.canonicalization).toBe(
      "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    );
  });

  test("attribute order and empty-element syntax do not count (canonical comparison)", () => {
    expectMapping({
      input: "<a/>",
      config: {},
      map: () => '<r b="2" a="1"><e></e></r>',
      expected: '<r a="1" b="2"><e/></r>',
    });
  });

  test("a difference fails with a readable line diff of the canonical forms", () => {
    const changed = golden.replace(">MESBSL01<", ">MESBSL99<");
    expect(changed).not.toBe(golden);
    let error: unknown;
    try {
      expectMapping({ input: idoc, config, expected: changed });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoldenMismatchError);
    const message = (error as Error).message;
    expect(message).toMatch(/^- .*>MESBSL99</m);
    expect(message).toMatch(/^\+ .*>MESBSL01</m);
    expect(message).toContain("@@ line");
  });

  test("diffLines keeps context around changes", () => {
    const a = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].join("\n");
    const b = a.replace("5", "five");
    expect(diffLines(a, b, 1)).toBe(
      ["--- expected", "+++ actual", "@@ line 4 @@", "  4", "+ five", "- 5", "  6"].join("\n"),
    );
  });
});

describe("expectValidDocument / expectIssues", () => {
  test("a valid V0600 document passes (XSD and rules)", () => {
    const xml = read("fixtures/b2mml-v0600/valid/process-production-schedule/document.xml");
    expect(expectValidDocument(xml, { release: "V0600" }).outcome).toBe("valid");
  });

  test("B2MML-TIME-001 an invalid document fails with its issues listed", () => {
    const xml = read("fixtures/b2mml-v0600/rules/end-before-start/document.xml");
    expect(() => expectValidDocument(xml, { name: "end-before-start.xml" })).toThrow(DocumentAssertionError);
    expect(() => expectValidDocument(xml)).toThrow(/B2MML-TIME-001 .*ProductionRequest\[2\]\/StartTime/);
  });

  test("B2MML-ID-002 expectIssues matches codes, paths and severities in any order", () => {
    const xml = read("fixtures/b2mml-v0600/rules/duplicate-ids/document.xml");
    expectIssues(xml, [
      {
        code: "B2MML-ID-002",
        path: "/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]/ID",
      },
      "B2MML-ID-002",
    ]);
    expect(() => expectIssues(xml, ["B2MML-ID-002"])).toThrow(/unexpected: .*B2MML-ID-002/);
    expect(() => expectIssues(xml, ["B2MML-ID-002", "B2MML-ID-002", "B2MML-TIME-001"])).toThrow(
      /missing: +B2MML-TIME-001/,
    );
  });

  test("a document the reader refuses is recorded by its octets", ({ task }) => {
    expect(() => expectValidDocument("<not-closed>")).toThrow(/unusable/);
    expect(evidenceOf(task.meta)?.artifacts[0]?.digest.canonicalization).toBeNull();
  });
});
