/**
 * The schema-set loader: the built-in profile, every official release (all document roots available),
 * MESA's AllSchemas.xsd as shipped, refusal of references out of the directory, compile errors, the cache.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attributeValue, childElements, parseXmlTree } from "../../src/binding/xml-tree.js";
import {
  type B2mmlRelease,
  disposeSchemaSets,
  loadSchemaSet,
  profileDir,
  RELEASE_NAMESPACES,
  SchemaSetError,
  validateXsd,
} from "../../src/validation/index.js";
import { officialReleases, officialSetsDir, officialSetsMissing, repoRoot } from "../helpers/paths.js";

const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const releases = officialReleases() as B2mmlRelease[];
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "b2mml-loader-"));

afterAll(() => {
  disposeSchemaSets();
  fs.rmSync(temp, { recursive: true, force: true });
});

/** The global element names declared in the release's own namespace, read independently of the loader. */
function globalElements(dir: string, namespace: string): string[] {
  const names = new Set<string>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".xsd"))) {
    const root = parseXmlTree(fs.readFileSync(path.join(dir, name)), { file: name });
    if (attributeValue(root, "targetNamespace") !== namespace) continue;
    for (const child of childElements(root)) {
      const elementName = attributeValue(child, "name");
      if (child.ns === XSD_NS && child.local === "element" && elementName !== undefined)
        names.add(elementName);
    }
  }
  return [...names].sort();
}

function writeSet(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const schema = (body: string, tns = "urn:t") =>
  `<xs:schema xmlns:xs="${XSD_NS}" targetNamespace="${tns}" xmlns="${tns}" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;

describe("the built-in profile", () => {
  it("is found from the module's location, in xsd/b2mml-v0600", () => {
    expect(profileDir()).toBe(path.join(repoRoot, "xsd/b2mml-v0600"));
  });

  it("loads as V0600 with a digest of every file", () => {
    const set = loadSchemaSet("profile");
    expect(set.builtIn).toBe(true);
    expect(set.release).toBe("V0600");
    expect(set.targetNamespace).toBe(RELEASE_NAMESPACES.V0600);
    expect(set.files.map((f) => path.basename(f.file))).toContain("production-schedule.xsd");
    for (const f of set.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is cached: the same object until disposed", () => {
    const first = loadSchemaSet("profile");
    expect(loadSchemaSet("profile")).toBe(first);
    expect(loadSchemaSet({ release: "V0600" })).toBe(first);
    expect(loadSchemaSet({ dir: profileDir(), entry: "b2mml-v0600-production.xsd" })).toBe(first);
    disposeSchemaSets();
    expect(loadSchemaSet("profile")).not.toBe(first);
  });
});

describe.skipIf(releases.length === 0)(
  releases.length === 0 ? `official releases (skipped: ${officialSetsMissing})` : "official releases",
  () => {
    const roots: Partial<Record<B2mmlRelease, string[]>> = {
      V0401: ["ProcessProductionSchedule", "BatchInformation", "GRecipeInformation", "BatchProductionRecord"],
      V0500: [
        "ProcessProductionSchedule",
        "SyncOperationsSchedule",
        "BatchInformation",
        "BatchProductionRecord",
      ],
      V0600: [
        "ProcessProductionSchedule",
        "ProcessOperationsSchedule",
        "BatchInformation",
        "GRecipeInformation",
      ],
      V0601: [
        "ProcessProductionSchedule",
        "ProcessWorkSchedule",
        "BatchInformation",
        "BatchProductionRecord",
      ],
      V0701: [
        "ProcessOperationsSchedule",
        "ProcessOperationsPerformance",
        "BatchInformation",
        "GRecipeInformation",
      ],
    };

    it.each(releases)(
      "%s loads from its folder (synthesized entry) and every global element is a root",
      (release) => {
        const dir = path.join(officialSetsDir, release);
        const set = loadSchemaSet({ dir });
        expect(set.release).toBe(release);
        expect(set.synthesized).toBe(true);
        const namespace = RELEASE_NAMESPACES[release];
        const names = globalElements(dir, namespace);
        expect(names).toEqual(expect.arrayContaining(roots[release] ?? []));
        const notRoots = names.filter((name) =>
          validateXsd(`<${name} xmlns="${namespace}"/>`, { schemas: set }).issues.some(
            (i) => i.code === "XSD_NO_ROOT_DECLARATION",
          ),
        );
        expect(notRoots).toEqual([]);
        const wrong = validateXsd(`<NoSuchDocument xmlns="${namespace}"/>`, { schemas: set });
        expect(wrong.issues).toEqual([
          expect.objectContaining({ code: "XSD_NO_ROOT_DECLARATION", path: "/NoSuchDocument" }),
        ]);
      },
    );

    it.each(releases.filter((r) => ["V0500", "V0600", "V0601"].includes(r)))(
      "%s: the shipped AllSchemas.xsd does not compile in libxml2 (Extended:* groups unresolved)",
      (release) => {
        const load = () =>
          loadSchemaSet({ dir: path.join(officialSetsDir, release), entry: "AllSchemas.xsd" });
        expect(load).toThrow(SchemaSetError);
        expect(load).toThrow(/Extended|AllExtensions/);
        try {
          load();
        } catch (error) {
          expect(error).toMatchObject({ code: "SCHEMA_SET_UNLOADABLE" });
          expect((error as SchemaSetError).problems.length).toBeGreaterThan(0);
          expect((error as SchemaSetError).problems[0]?.line).toBeGreaterThan(0);
        }
      },
    );

    it.skipIf(!releases.includes("V0701"))("V0701: the shipped AllSchemas.xsd compiles as is", () => {
      const set = loadSchemaSet({ dir: path.join(officialSetsDir, "V0701"), entry: "AllSchemas.xsd" });
      expect(set.synthesized).toBe(false);
      const result = validateXsd('<ProcessOperationsSchedule xmlns="http://www.mesa.org/xml/B2MML"/>', {
        schemas: set,
      });
      expect(result.issues.map((i) => i.code)).not.toContain("XSD_NO_ROOT_DECLARATION");
    });

    it.skipIf(!releases.includes("V0401"))("V0401 has no AllSchemas.xsd: only the synthesized entry", () => {
      expect(fs.existsSync(path.join(officialSetsDir, "V0401", "AllSchemas.xsd"))).toBe(false);
    });
  },
);

describe("refusals and errors", () => {
  it("refuses an include that leaves the directory", () => {
    writeSet("outside", { "secret.xsd": schema('<xs:element name="Secret"/>') });
    const dir = writeSet("escape", {
      "entry.xsd": schema('<xs:include schemaLocation="../outside/secret.xsd"/>'),
    });
    const load = () => loadSchemaSet({ dir, entry: "entry.xsd" });
    expect(load).toThrow(expect.objectContaining({ code: "SCHEMA_SET_UNLOADABLE" }));
    expect(load).toThrow(
      /entry\.xsd:2:\d+: include of "\.\.\/outside\/secret\.xsd" refused: .*outside the schema directory/,
    );
  });

  it("refuses an absolute path and a network import", () => {
    const dir = writeSet("network", {
      "entry.xsd": schema(
        [
          `<xs:import namespace="urn:x" schemaLocation="http://example.com/x.xsd"/>`,
          `<xs:include schemaLocation="file://${path.join(temp, "outside", "secret.xsd")}"/>`,
        ].join("\n"),
      ),
    });
    try {
      loadSchemaSet({ dir, entry: "entry.xsd" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaSetError);
      const problems = (error as SchemaSetError).problems.map((p) => p.message);
      expect(problems).toEqual([
        expect.stringMatching(/import of "http:\/\/example.com\/x.xsd" refused: .*no network/),
        expect.stringMatching(/include of "file:.*secret.xsd" refused: .*outside the schema directory/),
      ]);
    }
  });

  it("refuses a synthesized set whose files reach out of the directory", () => {
    const dir = writeSet("escape-all", {
      "a.xsd": schema('<xs:include schemaLocation="../outside/secret.xsd"/><xs:element name="A"/>'),
    });
    expect(() => loadSchemaSet({ dir })).toThrow(/refused/);
  });

  it("reports a missing file and a schema that does not compile, with file and line", () => {
    const missing = writeSet("missing", { "entry.xsd": schema('<xs:include schemaLocation="nope.xsd"/>') });
    expect(() => loadSchemaSet({ dir: missing, entry: "entry.xsd" })).toThrow(
      /entry\.xsd:2:\d+: include of "nope\.xsd": no such file/,
    );
    const broken = writeSet("broken", {
      "entry.xsd": schema('<xs:element name="A" type="NoSuchType"/>'),
    });
    try {
      loadSchemaSet({ dir: broken, entry: "entry.xsd" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: "SchemaSetError", code: "SCHEMA_SET_UNLOADABLE" });
      expect((error as SchemaSetError).problems[0]).toMatchObject({
        file: path.join(broken, "entry.xsd"),
        line: 2,
        message: expect.stringContaining("NoSuchType"),
      });
      expect((error as Error).message).toContain(`${path.join(broken, "entry.xsd")}:2:`);
    }
  });

  it("refuses a DOCTYPE in a schema file and a directory that does not exist", () => {
    const dir = writeSet("doctype", {
      "entry.xsd": `<!DOCTYPE xs:schema [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${schema("")}`,
    });
    expect(() => loadSchemaSet({ dir, entry: "entry.xsd" })).toThrow(/XML_DOCTYPE_REFUSED/);
    expect(() => loadSchemaSet({ dir: path.join(temp, "absent") })).toThrow(SchemaSetError);
  });

  it("synthesizes an entry for a small two-namespace set, importing the other namespace first", () => {
    const dir = writeSet("two-ns", {
      "main.xsd": schema(
        `<xs:import namespace="urn:ext" schemaLocation="ext.xsd"/>
<xs:element name="Doc"><xs:complexType><xs:sequence><xs:group ref="e:Extra" xmlns:e="urn:ext"/></xs:sequence></xs:complexType></xs:element>`,
      ),
      "ext.xsd": schema(
        '<xs:group name="Extra"><xs:sequence><xs:element name="X" minOccurs="0"/></xs:sequence></xs:group>',
        "urn:ext",
      ),
    });
    const set = loadSchemaSet({ dir });
    expect(set.targetNamespace).toBe("urn:t");
    expect(set.release).toBeUndefined();
    const entry = set.synthesizedSources.get(set.entry) ?? "";
    expect(entry.indexOf("<xs:import")).toBeLessThan(entry.indexOf("<xs:include"));
    expect(validateXsd('<Doc xmlns="urn:t"/>', { schemas: set }).valid).toBe(true);
  });
});
