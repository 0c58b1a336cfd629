/**
 * Every fixture under fixtures/b2mml-v0600/ against both schema sets, through the library's engine:
 * valid/<case>/document.xml must validate, invalid/<case>/document.xml must fail with the issue described
 * in invalid/<case>/expected.json (code, XPath, line, part of libxml2's message). MESA's set is skipped
 * when ../shared is absent.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type SchemaSet, validateXsd } from "../src/validation/index.js";
import {
  disposeValidators,
  loadMesaV0600,
  loadProfileV0600,
  sharedAvailable,
  sharedMissingReason,
} from "./helpers/libxml2-schema.js";
import { repoRoot } from "./helpers/paths.js";

const fixturesDir = path.join(repoRoot, "fixtures/b2mml-v0600");

interface ExpectedIssue {
  code: string;
  path: string;
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

function readExpected(name: string): ExpectedIssue {
  const raw: unknown = JSON.parse(
    fs.readFileSync(path.join(fixturesDir, "invalid", name, "expected.json"), "utf8"),
  );
  if (
    typeof raw !== "object" ||
    raw === null ||
    !("code" in raw) ||
    typeof raw.code !== "string" ||
    !("path" in raw) ||
    typeof raw.path !== "string" ||
    !("line" in raw) ||
    typeof raw.line !== "number" ||
    !("messageIncludes" in raw) ||
    typeof raw.messageIncludes !== "string"
  ) {
    throw new Error(
      `invalid/${name}/expected.json must be {"code": string, "path": string, "line": number, "messageIncludes": string}`,
    );
  }
  return { code: raw.code, path: raw.path, line: raw.line, messageIncludes: raw.messageIncludes };
}

const validCases = listCases("valid");
const invalidCases = listCases("invalid");

const schemaSets: { title: string; skip: boolean; load: () => SchemaSet }[] = [
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
      expect(set.load().release).toBe("V0600");
    });

    it.each(validCases)("valid/%s validates", (name) => {
      const file = documentPath("valid", name);
      const result = validateXsd(fs.readFileSync(file), { schemas: set.load(), file });
      expect(result.issues).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.release).toBe("V0600");
    });

    it.each(invalidCases)("invalid/%s fails with the expected code and path", (name) => {
      const file = documentPath("invalid", name);
      const expected = readExpected(name);
      const result = validateXsd(fs.readFileSync(file), { schemas: set.load(), file });
      expect(result.valid).toBe(false);
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          code: expected.code,
          origin: "xsd",
          path: expected.path,
          line: expected.line,
          message: expect.stringContaining(expected.messageIncludes),
        }),
      );
    });
  });
}
