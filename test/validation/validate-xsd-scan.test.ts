/**
 * validateXsd parses a plain document once, with libxml2 (the reader's cheap pre-check and libxml2's
 * silence prove that the reader accepts it); any other document is read with the reader's scan mode first.
 * The element tree is built only when it is needed: libxml2 reported issues to locate, `result.root` was
 * read, or `validateDocument` runs the rules. The reader's two entry points are spied on to count the
 * passes.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseXmlTree, scanXml, XmlParseError } from "../../src/binding/xml-tree.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import {
  disposeSchemaSets,
  loadSchemaSet,
  validateDocument,
  validateXsd,
} from "../../src/validation/index.js";
import { repoRoot } from "../helpers/paths.js";

vi.mock("../../src/binding/xml-tree.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/binding/xml-tree.js")>();
  return { ...original, parseXmlTree: vi.fn(original.parseXmlTree), scanXml: vi.fn(original.scanXml) };
});

const base = fs.readFileSync(
  path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
  "utf8",
);
const invalid = base.replace("<EquipmentElementLevel>Unit<", "<EquipmentElementLevel>Machine<");
const READER = { maxDepth: 64 };

const trees = vi.mocked(parseXmlTree);
const scans = vi.mocked(scanXml);

// the schema files are read with parseXmlTree too: load the profile before counting
beforeAll(() => loadSchemaSet("profile"));
beforeEach(() => {
  trees.mockClear();
  scans.mockClear();
});
afterAll(() => disposeSchemaSets());

describe("validateXsd: one parse when plain, scan otherwise, tree on demand", () => {
  it("a valid plain document is parsed by libxml2 alone: no scan, no tree", () => {
    const result = validateXsd(base, { reader: READER, file: "doc.xml" });
    expect(result).toMatchObject({ valid: true, release: "V0600" });
    expect(scans).not.toHaveBeenCalled();
    expect(trees).not.toHaveBeenCalled();
  });

  it("a document the pre-check cannot vouch for is scanned first, with the reader's verdict", () => {
    const reader = { ...READER, maxNameLength: 8 };
    const result = validateXsd(base, { reader, file: "doc.xml" });
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(["XML_NAME_TOO_LONG"]);
    expect(scans).toHaveBeenCalledTimes(1);
    expect(scans).toHaveBeenCalledWith(base, { ...reader, file: "doc.xml" });
    expect(trees).not.toHaveBeenCalled();
  });

  it("result.root parses on first access, with the same reader options, and only once", () => {
    const bytes = new TextEncoder().encode(base);
    const result = validateXsd(bytes, { reader: READER, file: "doc.xml" });
    expect(trees).not.toHaveBeenCalled();
    const root = result.root;
    expect(trees).toHaveBeenCalledTimes(1);
    expect(trees).toHaveBeenCalledWith(bytes, { ...READER, file: "doc.xml" });
    expect(root).toEqual(parseXmlTree(base));
    expect(result.root).toBe(root);
    expect(trees).toHaveBeenCalledTimes(2); // the comparison above, not the second access
  });

  it("root is an ordinary enumerable property: spreading the result reads it", () => {
    const result = validateXsd(base);
    expect(Object.keys(result)).toContain("root");
    const copy = { ...result };
    expect(copy.root?.local).toBe("ProcessProductionSchedule");
    expect(trees).toHaveBeenCalledTimes(1);
  });

  it("a document with issues builds the tree once, to locate them; root is that tree", () => {
    const result = validateXsd(invalid);
    expect(result.valid).toBe(false);
    expect(renderIssuePath(result.issues[0] ?? { path: [], origin: "xsd" })).toMatch(
      /\/EquipmentElementLevel$/,
    );
    expect(trees).toHaveBeenCalledTimes(1);
    expect(result.root?.local).toBe("ProcessProductionSchedule");
    expect(result.root).toBe(result.root);
    expect(trees).toHaveBeenCalledTimes(1);
  });

  it("an unknown release is reported from the scan, at the root", () => {
    const result = validateXsd('<x:Doc xmlns:x="urn:other">\n</x:Doc>');
    expect(result.issues).toMatchObject([
      { code: "XSD_UNKNOWN_RELEASE", line: 1, column: 1, path: "/Doc", received: "urn:other" },
    ]);
    expect(trees).not.toHaveBeenCalled();
    expect(result.root).toMatchObject({ local: "Doc", ns: "urn:other", prefix: "x" });
  });

  it("a refused document has no root, and no tree is attempted", () => {
    const result = validateXsd(`<!DOCTYPE a>${base}`);
    expect(result.issues).toMatchObject([{ code: "XML_DOCTYPE_REFUSED", origin: "xml" }]);
    expect(result.root).toBeUndefined();
    expect(trees).not.toHaveBeenCalled();
  });

  it("bytes changed before root is first read: the reader's error is thrown", () => {
    const bytes = new TextEncoder().encode(base);
    const result = validateXsd(bytes);
    expect(result.valid).toBe(true);
    bytes.fill(0x3c, 0, 10);
    expect(() => result.root).toThrow(XmlParseError);
  });
});

describe("validateDocument", () => {
  it("without rules: libxml2's parse only", () => {
    expect(validateDocument(base).outcome).toBe("valid");
    expect(scans).not.toHaveBeenCalled();
    expect(trees).not.toHaveBeenCalled();
  });

  it("with rules: one reader pass that builds the tree, no scan", () => {
    expect(validateDocument(base, { rules: true }).outcome).toBe("valid");
    expect(trees).toHaveBeenCalledTimes(1);
    expect(scans).not.toHaveBeenCalled();
  });

  it("with rules on a document with XSD issues: still one pass", () => {
    const result = validateDocument(invalid, { rules: true });
    expect(result.outcome).toBe("invalid");
    expect(trees).toHaveBeenCalledTimes(1);
  });
});
