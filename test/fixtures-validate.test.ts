/**
 * Every fixture under fixtures/b2mml-v0600/ against both schema sets, with libxml2:
 * valid/<case>/document.xml must validate, invalid/<case>/document.xml must fail with the error
 * described in invalid/<case>/expected.json. MESA's set is skipped when ../shared is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  disposeValidators,
  loadMesaV0600,
  loadProfileV0600,
  sharedAvailable,
  sharedMissingReason,
  type Validator,
  validate,
} from "./helpers/libxml2-schema.js";
import { repoRoot } from "./helpers/paths.js";

const fixturesDir = path.join(repoRoot, "fixtures/b2mml-v0600");

interface ExpectedError {
  line: number;
  messageIncludes: string;
}

function listCases(kind: "valid" | "invalid"): string[] {
  const dir = path.join(fixturesDir, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function documentPath(kind: "valid" | "invalid", name: string): string {
  return path.join(fixturesDir, kind, name, "document.xml");
}

function readExpected(name: string): ExpectedError {
  const raw: unknown = JSON.parse(
    fs.readFileSync(path.join(fixturesDir, "invalid", name, "expected.json"), "utf8"),
  );
  if (
    typeof raw !== "object" ||
    raw === null ||
    !("line" in raw) ||
    typeof raw.line !== "number" ||
    !("messageIncludes" in raw) ||
    typeof raw.messageIncludes !== "string"
  ) {
    throw new Error(`invalid/${name}/expected.json must be {"line": number, "messageIncludes": string}`);
  }
  return { line: raw.line, messageIncludes: raw.messageIncludes };
}

const validCases = listCases("valid");
const invalidCases = listCases("invalid");

const schemaSets: { title: string; skip: boolean; load: () => Validator }[] = [
  { title: "profile xsd/b2mml-v0600", skip: false, load: loadProfileV0600 },
  {
    title: sharedAvailable ? "MESA V0600 (../shared)" : `MESA V0600 (skipped: ${sharedMissingReason})`,
    skip: !sharedAvailable,
    load: loadMesaV0600,
  },
];

afterAll(() => {
  disposeValidators();
});

describe("fixtures/b2mml-v0600", () => {
  it("has valid and invalid cases, each with its files", () => {
    expect(validCases.length).toBeGreaterThanOrEqual(5);
    expect(invalidCases.length).toBeGreaterThanOrEqual(3);
    for (const name of validCases) expect(fs.existsSync(documentPath("valid", name)), name).toBe(true);
    for (const name of invalidCases) {
      expect(fs.existsSync(documentPath("invalid", name)), name).toBe(true);
      expect(() => readExpected(name)).not.toThrow();
    }
  });
});

for (const set of schemaSets) {
  describe.skipIf(set.skip)(set.title, () => {
    it("compiles", () => {
      expect(set.load().xsd).toBeDefined();
    });

    it.each(validCases)("valid/%s validates", (name) => {
      const file = documentPath("valid", name);
      expect(validate(set.load(), fs.readFileSync(file), { url: file })).toEqual([]);
    });

    it.each(invalidCases)("invalid/%s fails at the expected line", (name) => {
      const file = documentPath("invalid", name);
      const expected = readExpected(name);
      const errors = validate(set.load(), fs.readFileSync(file), { url: file });
      expect(errors.length).toBeGreaterThan(0);
      expect(errors).toContainEqual(
        expect.objectContaining({
          line: expected.line,
          message: expect.stringContaining(expected.messageIncludes),
        }),
      );
    });
  });
}
