/**
 * Digests and audit records: self-describing records that re-verify, the properties of the digest of a
 * canonical document (unchanged by re-indentation outside mixed content, attribute order, prefix choice and
 * quote style; changed by any change of a text value), subtree digests, and the audit record builder.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  AUDIT_RECORD_FORMAT,
  createAuditRecord,
  LIBRARY,
  serializeAuditRecord,
} from "../../src/audit/audit-record.js";
import { C14N_10, EXC_C14N_10, JCS } from "../../src/audit/c14n-method.js";
import { canonicalizeJson } from "../../src/audit/canonicalize-json.js";
import { canonicalizeXml } from "../../src/audit/canonicalize-xml.js";
import { digest, verifyDigest } from "../../src/audit/digest.js";
import { digestDocument } from "../../src/audit/digest-document.js";
import { read } from "../../src/binding/read.js";
import { rootOf } from "../../src/binding/schema-index.js";
import { write } from "../../src/binding/write.js";
import { XmlParseError } from "../../src/binding/xml-tree.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { ValueArbitraries } from "../helpers/arbitrary-value.js";
import { repoRoot } from "../helpers/paths.js";

const fixture = readFileSync(
  path.join(repoRoot, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
  "utf8",
);

describe("digest", () => {
  test("a self-describing record: algorithm and canonicalization URIs, hex and base64", () => {
    const record = digest("<a  b='1'/>", { algorithm: "sha256", canonicalization: "c14n" });
    expect(record).toEqual({
      algorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
      canonicalization: C14N_10,
      hex: digest('<a b="1"></a>').hex,
      base64: Buffer.from(record.hex, "hex").toString("base64"),
    });
    expect(canonicalizeXml("<a  b='1'/>").toString()).toBe('<a b="1"></a>');
    expect(record.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyDigest('<a b="1"></a>', record).ok).toBe(true);
    expect(verifyDigest('<a b="2"></a>', record).ok).toBe(false);
  });

  test.each([
    ["sha256", "http://www.w3.org/2001/04/xmlenc#sha256", 64],
    ["sha384", "http://www.w3.org/2001/04/xmldsig-more#sha384", 96],
    ["sha512", "http://www.w3.org/2001/04/xmlenc#sha512", 128],
  ] as const)("%s", (algorithm, uri, hexLength) => {
    const record = digest(fixture, { algorithm, canonicalization: "exc-c14n" });
    expect(record.algorithm).toBe(uri);
    expect(record.canonicalization).toBe(EXC_C14N_10);
    expect(record.hex).toHaveLength(hexLength);
    expect(verifyDigest(fixture, record).ok).toBe(true);
  });

  test("none: the octets as given; JCS: the JSON value or text", () => {
    expect(digest("abc").hex).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(digest("abc").canonicalization).toBeNull();
    const json = digest('{ "b": 1, "a": [1.0, "x"] }', { canonicalization: "jcs" });
    expect(json.canonicalization).toBe(JCS);
    expect(json.hex).toBe(digest({ a: [1, "x"], b: 1 }, { canonicalization: "jcs" }).hex);
    expect(json.hex).toBe(digest('{"a":[1,"x"],"b":1}').hex);
  });

  test("a record whose hex and base64 disagree does not verify", () => {
    const record = digest(fixture, { canonicalization: "c14n" });
    expect(verifyDigest(fixture, { ...record, base64: digest("x").base64 }).ok).toBe(false);
  });

  test("a subtree digest, recorded with its XPath, re-verifies", () => {
    const subtree = {
      expression: "//b:ProductionSchedule",
      namespaces: { b: "http://www.mesa.org/xml/B2MML-V0600" },
    };
    const record = digest(fixture, { canonicalization: "exc-c14n", subtree });
    expect(record.subtree).toEqual(subtree);
    expect(verifyDigest(fixture, record).ok).toBe(true);
    expect(canonicalizeXml(fixture, { method: "exc-c14n", subtree }).toString()).toMatch(
      /^<ProductionSchedule xmlns="http:\/\/www\.mesa\.org\/xml\/B2MML-V0600">/,
    );
  });

  test("an XML payload the hardened reader refuses is refused", () => {
    expect(() => digest('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', { canonicalization: "c14n" })).toThrow(
      XmlParseError,
    );
  });

  test("an unknown algorithm or canonicalization is a RangeError", () => {
    expect(() => digest("x", { algorithm: "md5" as "sha256" })).toThrow(RangeError);
    expect(() => digest("x", { canonicalization: "c14n2" as "c14n" })).toThrow(RangeError);
  });
});

/** A small document in several surface forms that are the same document. */
const texts = fc.array(
  fc.string({ unit: fc.constantFrom("a", "b", "&", "<", ">", '"', "'", " ", "\t", "é", "€", "𝄞") }),
  { minLength: 3, maxLength: 3 },
);

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeAttr(s: string, quote: '"' | "'"): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/\t/g, "&#9;")
    .replace(quote === '"' ? /"/g : /'/g, quote === '"' ? "&quot;" : "&apos;");
}

interface Form {
  indent: string;
  reverseAttributes: boolean;
  prefix: string;
  quote: '"' | "'";
}

function render([t1, t2, a]: string[], form: Form): string {
  const q = form.quote;
  const attrs = [`x=${q}${escapeAttr(a ?? "", q)}${q}`, `${form.prefix}:y=${q}1${q}`];
  if (form.reverseAttributes) attrs.reverse();
  const nl = form.indent === "" ? "" : "\n";
  const pad = (n: number) => nl + form.indent.repeat(n);
  return (
    `<${form.prefix}:Doc xmlns:${form.prefix}="urn:example:doc" ${attrs.join(" ")}>` +
    `${pad(1)}<${form.prefix}:Item>${escapeText(t1 ?? "")}</${form.prefix}:Item>` +
    `${pad(1)}<${form.prefix}:Item>${escapeText(t2 ?? "")}</${form.prefix}:Item>` +
    `${pad(0)}</${form.prefix}:Doc>`
  );
}

const forms = fc.record({
  indent: fc.constantFrom("", "  ", "\t", "    "),
  reverseAttributes: fc.boolean(),
  prefix: fc.constantFrom("d", "doc", "b2mml"),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
});

describe("properties of the digest of a canonical document", () => {
  test("unchanged by attribute order and quote style, and changed by any change of a text value (c14n, direct)", () => {
    fc.assert(
      fc.property(texts, texts, forms, forms, (values, other, f, g) => {
        const same = { ...g, indent: f.indent, prefix: f.prefix };
        const a = digest(render(values, f), { canonicalization: "c14n" }).hex;
        expect(digest(render(values, same), { canonicalization: "c14n" }).hex).toBe(a);
        const changed = values.some((v, i) => v !== other[i]);
        expect(digest(render(other, f), { canonicalization: "c14n" }).hex !== a).toBe(changed);
      }),
      { numRuns: 150 },
    );
  });

  test.each(["ProcessProductionSchedule", "SyncProductionPerformance"])(
    "%s: the binding's documents: re-indentation and prefix choice leave the digest unchanged; a changed text value changes it",
    (name) => {
      const root = rootOf(schemaSet, name);
      const values = new ValueArbitraries(root).value(root.element.type, 0);
      fc.assert(
        fc.property(
          values,
          fc.constantFrom("", "  ", "\t"),
          fc.constantFrom("b", "b2mml"),
          (value, indent, prefix) => {
            const ns = root.element.ns ?? "";
            const canonical = write(value, root, { canonical: true });
            const reference = digestDocument(value, root).hex;
            expect(reference).toBe(digest(canonical, { canonicalization: "c14n" }).hex);
            // the same value written indented, with the declaration, and with the canonical writer agrees with libxml2
            expect(digest(write(value, root, { indent: "" }), { canonicalization: "c14n" }).hex).toBe(
              reference,
            );
            expect(canonical).toBe(canonicalizeXml(write(value, root)).toString("utf8"));
            // re-indentation (element-only content) and a prefix instead of the default namespace: same value,
            // same canonical form once read back and written canonically
            const reread = read(write(value, root, { indent, namespaces: [{ prefix, uri: ns }] }), root);
            expect(reread.issues).toEqual([]);
            expect(digestDocument(reread.value, root).hex).toBe(reference);
            // a changed text value changes the digest
            const changed = canonical.replace(/>([^<]+)</, (_m, t: string) => `>${t}x<`);
            if (changed !== canonical)
              expect(digest(changed, { canonicalization: "c14n" }).hex).not.toBe(reference);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});

describe("createAuditRecord", () => {
  const clock = () => new Date("2026-03-29T00:30:00.250Z");

  test("every field, digests computed, JCS serialization, timestamps with offsets", () => {
    const record = createAuditRecord({
      operation: "validation",
      correlationId: "c-1",
      idempotencyKey: "k-1",
      messageType: "ProcessProductionSchedule",
      b2mmlRelease: "V0600",
      source: { system: "ERPCLNT100", sender: "SAPERP", docnum: "0000000000123456" },
      input: { payload: fixture, canonicalization: "c14n" },
      output: digest('{"ok":true}', { canonicalization: "jcs" }),
      schemaSet: {
        dir: "/opt/xsd",
        files: [
          { file: "/opt/xsd/b.xsd", sha256: "b".repeat(64) },
          { file: "/opt/xsd/a.xsd", sha256: "a".repeat(64) },
        ],
      },
      configuration: { plant: "1000", units: { KG: "kg" } },
      mapper: "loipro-to-production-schedule",
      outcome: "valid",
      timestamps: { receivedAt: "2026-03-29T01:29:59+01:00" },
      signature: { signerId: "jdoe", meaning: "approval", signedAt: "2026-03-29T01:31:00+01:00" },
      clock,
    });
    expect(record.format).toBe(AUDIT_RECORD_FORMAT);
    expect(record.library).toEqual(LIBRARY);
    expect(LIBRARY.name).toBe("b2mml");
    expect(record.input).toEqual(digest(fixture, { canonicalization: "c14n" }));
    expect(record.schemaSet?.files.map((f) => f.file)).toEqual(["a.xsd", "b.xsd"]);
    expect(record.schemaSet?.digest.hex).toBe(digest(canonicalizeJson(record.schemaSet?.files)).hex);
    expect(record.configuration?.hex).toBe(digest('{"plant":"1000","units":{"KG":"kg"}}').hex);
    expect(record.timestamps.recordedAt).toMatch(/^2026-03-29T\d\d:\d\d:00\.250([+-]\d\d:\d\d)$/);
    expect(new Date(record.timestamps.recordedAt).toISOString()).toBe("2026-03-29T00:30:00.250Z");
    expect(record.signature).toEqual({
      signerId: "jdoe",
      meaning: "approval",
      signedAt: "2026-03-29T01:31:00+01:00",
    });
    const bytes = serializeAuditRecord(record);
    expect(bytes.equals(canonicalizeJson(JSON.parse(bytes.toString("utf8"))))).toBe(true);
    expect(verifyDigest(fixture, record.input ?? digest("")).ok).toBe(true);
  });

  test("a timestamp without an offset is refused", () => {
    expect(() =>
      createAuditRecord({
        operation: "mapping",
        correlationId: "c",
        idempotencyKey: "k",
        messageType: "LOIPRO05",
        timestamps: { receivedAt: "2026-03-29T01:29:59" },
        clock,
      }),
    ).toThrow(RangeError);
  });
});
