import { describe, expect, it } from "vitest";
import { detectRelease, isB2mmlRelease, validateXsd } from "../../src/validation/index.js";

const table: [string, { namespace: string | null; want: string | undefined }][] = [
  ["V0401 (WBF)", { namespace: "http://www.wbf.org/xml/B2MML-V0401", want: "V0401" }],
  ["V0500 (WBF, V05)", { namespace: "http://www.wbf.org/xml/B2MML-V05", want: "V0500" }],
  ["V0600", { namespace: "http://www.mesa.org/xml/B2MML-V0600", want: "V0600" }],
  ["V0601", { namespace: "http://www.mesa.org/xml/B2MML-V0601", want: "V0601" }],
  ["V0701 (unversioned namespace)", { namespace: "http://www.mesa.org/xml/B2MML", want: "V0701" }],
  ["V0600 extensions", { namespace: "http://www.mesa.org/xml/B2MML-V0600-AllExtensions", want: "V0600" }],
  ["V0701 extensions", { namespace: "http://www.mesa.org/xml/B2MML-AllExtensions", want: "V0701" }],
  ["V0700 does not exist", { namespace: "http://www.mesa.org/xml/B2MML-V0700", want: undefined }],
  ["https is another namespace", { namespace: "https://www.mesa.org/xml/B2MML-V0600", want: undefined }],
  ["trailing slash", { namespace: "http://www.mesa.org/xml/B2MML-V0600/", want: undefined }],
  ["no namespace", { namespace: null, want: undefined }],
  ["empty", { namespace: "", want: undefined }],
];

describe("detectRelease", () => {
  it.each(table)("%s", (_name, { namespace, want }) => {
    expect(detectRelease(namespace)).toBe(want);
  });

  it("knows exactly the five releases", () => {
    expect(["V0401", "V0500", "V0600", "V0601", "V0701"].every(isB2mmlRelease)).toBe(true);
    expect(isB2mmlRelease("V0700")).toBe(false);
  });
});

describe("validateXsd picks the release", () => {
  it("from the root namespace (V0600 → the built-in profile)", () => {
    const result = validateXsd('<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"/>');
    expect(result.release).toBe("V0600");
    expect(result.schemaSet?.builtIn).toBe(true);
  });

  it("reports XSD_UNKNOWN_RELEASE for a namespace of no release", () => {
    const result = validateXsd('<Order xmlns="urn:example:orders">\n  <Line/>\n</Order>');
    expect(result.valid).toBe(false);
    expect(result.release).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "XSD_UNKNOWN_RELEASE",
        origin: "xsd",
        path: "/Order",
        line: 1,
        received: "urn:example:orders",
      }),
    ]);
  });

  it("uses the release given over the namespace (and XSD then rejects the root)", () => {
    const result = validateXsd('<Order xmlns="urn:example:orders"/>', { release: "V0600" });
    expect(result.release).toBe("V0600");
    expect(result.issues.map((i) => i.code)).toEqual(["XSD_NO_ROOT_DECLARATION"]);
  });

  it("throws SCHEMA_SET_UNAVAILABLE for a release without a built-in set and no directory", () => {
    expect(() => validateXsd('<ProcessOperationsSchedule xmlns="http://www.mesa.org/xml/B2MML"/>')).toThrow(
      expect.objectContaining({ name: "SchemaSetError", code: "SCHEMA_SET_UNAVAILABLE" }),
    );
  });
});
