/**
 * The text report of `b2mml validate`, run as the built CLI: a namespace is bound once per file instead
 * of being written into every name, libxml2's enumeration is not printed beside `expected`, `--quiet`
 * leaves the summary out and `--ignore` cannot drop an error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/paths.js";
import { spawnCli } from "./helpers/run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "b2mml-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outOfOrder = "fixtures/b2mml-v0600/invalid/element-out-of-order/document.xml";
const NS = 'xmlns:ns1="http://www.mesa.org/xml/B2MML-V0600"';

/** The valid show-production-schedule fixture with RequestState `Relased`, outside its enumeration. */
function writeEnumerationError(): string {
  const valid = readFileSync(
    path.join(repoRoot, "fixtures/b2mml-v0600/valid/show-production-schedule/document.xml"),
    "utf8",
  );
  const file = path.join(dir, "enumeration.xml");
  writeFileSync(
    file,
    valid.replace("<RequestState>Released</RequestState>", "<RequestState>Relased</RequestState>"),
  );
  return file;
}

describe("b2mml validate, text report", () => {
  test("an unexpected element: the namespace bound once, the expected elements listed once", async () => {
    const run = await spawnCli(["validate", outOfOrder]);
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      `${outOfOrder}:17:9 XSD_UNEXPECTED_ELEMENT Element 'ns1:HierarchyScope': This element is not expected. ` +
        "[at /ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest/HierarchyScope; " +
        "expected EndTime, Priority, SegmentRequirement, SegmentResponse, RequestState; received HierarchyScope]\n" +
        `${outOfOrder}: ${NS}\n`,
    );
    expect(run.err).toBe("b2mml validate: 1 file(s): 0 valid, 1 invalid, 0 unusable\n");
  });

  test("a value outside an enumeration: the set listed once, in expected", async () => {
    const file = writeEnumerationError();
    const run = await spawnCli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      `${file}:62:9 XSD_INVALID_VALUE Element 'ns1:RequestState': [facet 'enumeration'] The value 'Relased' ` +
        "is not an element of the set. [at /ShowProductionSchedule/DataArea/ProductionSchedule/ProductionRequest/RequestState; " +
        "expected one of 'Forecast', 'Released', 'Other'; received Relased]\n" +
        `${file}: ${NS}\n`,
    );
  });

  test("the json report keeps libxml2's message as it is", async () => {
    const run = await spawnCli(["validate", "--format", "json", outOfOrder]);
    const [report] = JSON.parse(run.out) as [{ issues: [{ message: string }] }];
    expect(report.issues[0].message).toBe(
      "Element '{http://www.mesa.org/xml/B2MML-V0600}HierarchyScope': This element is not expected. Expected is one of ( {http://www.mesa.org/xml/B2MML-V0600}EndTime, {http://www.mesa.org/xml/B2MML-V0600}Priority, {http://www.mesa.org/xml/B2MML-V0600}SegmentRequirement, {http://www.mesa.org/xml/B2MML-V0600}SegmentResponse, {http://www.mesa.org/xml/B2MML-V0600}RequestState ).",
    );
  });

  test("--quiet: the findings without the summary; nothing at all for a valid file", async () => {
    const invalid = await spawnCli(["validate", "--quiet", outOfOrder]);
    expect(invalid.code).toBe(1);
    expect(invalid.out.split("\n")[1]).toBe(`${outOfOrder}: ${NS}`);
    expect(invalid.err).toBe("");
    const valid = await spawnCli([
      "validate",
      "--quiet",
      "fixtures/b2mml-v0600/valid/show-production-schedule/document.xml",
    ]);
    expect(valid).toEqual({ code: 0, out: "", err: "" });
  });

  test("--ignore with an error's code: the error is still reported, exit 1", async () => {
    const run = await spawnCli(["validate", "--quiet", "--ignore", "XSD_UNEXPECTED_ELEMENT", outOfOrder]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${outOfOrder}:17:9 XSD_UNEXPECTED_ELEMENT Element 'ns1:HierarchyScope'`);
  });

  test("--ignore with something that is not a code is a usage error", async () => {
    const run = await spawnCli(["validate", "--ignore", "xsd,", outOfOrder]);
    expect(run.code).toBe(2);
    expect(run.err.split("\n")[0]).toBe(
      'b2mml validate: --ignore "xsd,": "xsd" is not a code; expected comma-separated codes such as B2MML-TIME-001',
    );
  });
});
