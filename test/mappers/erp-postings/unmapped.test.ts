/**
 * The account of what the postings do not carry (PERF-POST-006, issue #10): every value of the document
 * — an element's text, an attribute — is posted or listed in `unmapped` with its XPath and why; nothing
 * is dropped silently. The walk over a document that fills every element of the V0600 profile asserts
 * the exact list.
 */
import { DOMParser, type Element as DomElement } from "@xmldom/xmldom";
import { describe, expect, test } from "vitest";
import type { ParticleMeta } from "../../../src/binding/metadata.js";
import { complexType, indexSchemaSet, rootOf } from "../../../src/binding/schema-index.js";
import { schemaSet } from "../../../src/generated/b2mml-v0600/index.js";
import { mapProductionPerformanceToErpPostings } from "../../../src/mappers/production-performance-to-erp/index.js";
import { everyElementDocument } from "./every-element-document.js";
import { loadConfig, performanceXml } from "./helpers.js";

const config = loadConfig();
const R = "/SyncProductionPerformance/DataArea/ProductionPerformance[1]/ProductionResponse[1]";
const times =
  "<ActualStartTime>2026-04-15T06:00:00+02:00</ActualStartTime><ActualEndTime>2026-04-15T17:00:00+02:00</ActualEndTime>";
const yieldOf = (extra = "") =>
  `<MaterialProducedActual><MaterialDefinitionID>4711</MaterialDefinitionID>${extra}<Quantity><QuantityString>10</QuantityString><UnitOfMeasure>KGM</UnitOfMeasure></Quantity></MaterialProducedActual>`;
const notRead = (element: string) => `${element} is not read into any posting of this document`;
const base = [
  {
    path: "/SyncProductionPerformance/@releaseID",
    reason: "not-posted",
    message:
      "the attribute releaseID of SyncProductionPerformance is not read into any posting of this document",
  },
  {
    path: `${R}/ProductionRequestID/@schemeID`,
    reason: "not-posted",
    message: "the attribute schemeID of ProductionRequestID is not read into any posting of this document",
  },
];

describe("PERF-POST-006 what is not posted is reported", () => {
  test("PERF-POST-006 a ProductionData Scrap with a reason on an operation is listed, value by value", () => {
    const r = mapProductionPerformanceToErpPostings(
      performanceXml(
        `<SegmentResponse><ID>10</ID>${times}<ProductionData><ID>SCRAP-1</ID><Value><ValueString>2</ValueString><Key>Scrap</Key></Value><Value><ValueString>damaged</ValueString><Key>Reason</Key></Value></ProductionData>${yieldOf()}</SegmentResponse>`,
      ),
      config,
    );
    expect(r.ok).toBe(true);
    const data = `${R}/SegmentResponse[1]/ProductionData[1]`;
    const message =
      "ProductionData is posted only as a time ticket's link, DEV_REASON and FIN_CONF (PERF-POST-012, 018)";
    expect(r.unmapped).toEqual([
      ...base,
      ...[
        `${data}/ID`,
        `${data}/Value[1]/ValueString`,
        `${data}/Value[1]/Key`,
        `${data}/Value[2]/ValueString`,
        `${data}/Value[2]/Key`,
      ].map((path) => ({ path, reason: "not-posted", message })),
      {
        path: `${R}/SegmentResponse[1]/MaterialProducedActual[1]/MaterialDefinitionID[1]`,
        reason: "not-posted",
        message:
          "MATERIAL is posted from the first MaterialDefinitionID of a goods movement only (PERF-POST-023); a time ticket confirms the operation, not a material",
      },
    ]);
  });

  test("PERF-POST-006 the MaterialLotID of a produced actual posted as yield is listed", () => {
    const r = mapProductionPerformanceToErpPostings(
      performanceXml(
        `<SegmentResponse><ID>10</ID>${times}${yieldOf("<MaterialLotID>B-77</MaterialLotID>")}</SegmentResponse>`,
      ),
      config,
    );
    expect(r.ok).toBe(true);
    const actual = `${R}/SegmentResponse[1]/MaterialProducedActual[1]`;
    expect(r.unmapped).toEqual([
      ...base,
      {
        path: `${actual}/MaterialDefinitionID[1]`,
        reason: "not-posted",
        message:
          "MATERIAL is posted from the first MaterialDefinitionID of a goods movement only (PERF-POST-023); a time ticket confirms the operation, not a material",
      },
      {
        path: `${actual}/MaterialLotID[1]`,
        reason: "not-posted",
        message:
          "BATCH is posted from the first MaterialLotID of a goods movement only (PERF-POST-024); a confirmed yield, scrap or rework has no batch field",
      },
    ]);
  });

  test("PERF-POST-006 a property the postings do not read, a second MaterialLotID and an unused fallback date are listed; a rejected mapping keeps the account", () => {
    const consumed = `<MaterialConsumedActual><MaterialDefinitionID>100234</MaterialDefinitionID><MaterialLotID>L1</MaterialLotID><MaterialLotID>L2</MaterialLotID><Quantity><QuantityString>2</QuantityString><UnitOfMeasure>KGM</UnitOfMeasure></Quantity><MaterialConsumedActualProperty><ID>COLOR</ID><Value><ValueString>red</ValueString></Value></MaterialConsumedActualProperty></MaterialConsumedActual>`;
    const r = mapProductionPerformanceToErpPostings(
      performanceXml(
        `<EndTime>2026-04-15T18:00:00+02:00</EndTime><SegmentResponse><ID>10</ID>${times}${consumed}</SegmentResponse>`,
      ),
      config,
    );
    expect(r.ok).toBe(true);
    const actual = `${R}/SegmentResponse[1]/MaterialConsumedActual[1]`;
    const property =
      "a property the postings do not read for this kind of posting (PERF-POST-011 … 061 name the ones read)";
    expect(r.unmapped).toEqual([
      ...base,
      { path: `${R}/EndTime`, reason: "not-posted", message: notRead("EndTime") },
      {
        path: `${actual}/MaterialLotID[2]`,
        reason: "not-posted",
        message:
          "BATCH is posted from the first MaterialLotID of a goods movement only (PERF-POST-024); a confirmed yield, scrap or rework has no batch field",
      },
      { path: `${actual}/MaterialConsumedActualProperty[1]/ID`, reason: "not-posted", message: property },
      {
        path: `${actual}/MaterialConsumedActualProperty[1]/Value[1]/ValueString`,
        reason: "not-posted",
        message: property,
      },
    ]);
    const rejected = mapProductionPerformanceToErpPostings(
      performanceXml(
        `<SegmentResponse><ID>10</ID>${times}${yieldOf("<MaterialLotID>B-77</MaterialLotID>")}</SegmentResponse>`,
      ),
      { ...config, plants: {} },
    );
    expect(rejected.ok).toBe(false);
    expect(rejected.unmapped.map((u) => u.path)).toContain(
      `${R}/SegmentResponse[1]/MaterialProducedActual[1]/MaterialLotID[1]`,
    );
  });
});

/** Every element and attribute name pair the profile allows below SyncProductionPerformance. */
function profilePairs(): Set<string> {
  const index = indexSchemaSet(schemaSet);
  const pairs = new Set<string>();
  const seen = new Set<string>();
  // a type is expanded once: inside itself (AssemblyActual in MaterialActual) the document holds its
  // required content only, its other elements are filled where it first occurs
  const visit = (element: string, type: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    const t = complexType(index, type);
    if (t === undefined) return;
    for (const a of t.attributes) pairs.add(`${element}/@${a.name}`);
    const walk = (p: ParticleMeta) => {
      if (p.kind === "element") {
        pairs.add(`${element}/${p.name}`);
        visit(p.name, p.type);
      } else if (p.kind !== "any") for (const q of p.particles) walk(q);
    };
    if (t.content !== null) walk(t.content);
  };
  const root = rootOf(schemaSet, "SyncProductionPerformance").element;
  visit(root.name, root.type);
  return pairs;
}

/** The document's element/attribute pairs and its values (index-free XPaths), read with xmldom. */
function documentValues(xml: string): { pairs: Set<string>; values: string[] } {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const pairs = new Set<string>();
  const values: string[] = [];
  const walk = (e: DomElement, path: string) => {
    for (let i = 0; i < e.attributes.length; i++) {
      const a = e.attributes.item(i);
      if (a === null || a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
      pairs.add(`${e.localName}/@${a.localName}`);
      values.push(`${path}/@${a.localName}`);
    }
    const children: DomElement[] = [];
    let text = "";
    for (let n = e.firstChild; n !== null; n = n.nextSibling)
      if (n.nodeType === 1) children.push(n as DomElement);
      else if (n.nodeType === 3) text += n.nodeValue ?? "";
    if (children.length === 0 && text.trim() !== "") values.push(path);
    for (const c of children) {
      pairs.add(`${e.localName}/${c.localName}`);
      walk(c, `${path}/${c.localName}`);
    }
  };
  const root = doc.documentElement as unknown as DomElement;
  walk(root, `/${root.localName}`);
  return { pairs, values };
}

describe("PERF-POST-006 a document that fills every element of the V0600 profile", () => {
  const xml = everyElementDocument();
  const result = mapProductionPerformanceToErpPostings(xml, config);
  const { pairs, values } = documentValues(xml);
  const strip = (p: string) => p.replace(/\[\d+\]/g, "");

  /** What the postings carry from it: exactly these values, every other one is in `unmapped`. */
  const P = `${R}/SegmentResponse[1]`;
  const carried = [
    "/SyncProductionPerformance/ApplicationArea/CreationDateTime",
    "/SyncProductionPerformance/ApplicationArea/BODID",
    "/SyncProductionPerformance/DataArea/ProductionPerformance[1]/ID",
    `${R}/ID`,
    `${R}/ProductionRequestID`,
    `${P}/ID`,
    `${P}/ActualStartTime`,
    `${P}/ActualEndTime`,
    ...["PersonnelActual", "EquipmentActual"].flatMap((a) => [
      `${P}/${a}[1]/Quantity[1]/QuantityString/@unitCode`,
      `${P}/${a}[1]/Quantity[1]/QuantityString`,
      `${P}/${a}[1]/Quantity[1]/UnitOfMeasure`,
      `${P}/${a}[1]/Quantity[1]/Key`,
    ]),
    `${P}/MaterialActual[1]/MaterialDefinitionID[1]`,
    `${P}/MaterialActual[1]/MaterialLotID[1]`,
    `${P}/MaterialActual[1]/MaterialUse`,
    ...["MaterialActual", "MaterialProducedActual"].flatMap((a) => [
      `${P}/${a}[1]/Quantity[1]/QuantityString/@unitCode`,
      `${P}/${a}[1]/Quantity[1]/QuantityString`,
      `${P}/${a}[1]/Quantity[1]/UnitOfMeasure`,
    ]),
    `${P}/MaterialConsumedActual[1]/MaterialDefinitionID[1]`,
    `${P}/MaterialConsumedActual[1]/MaterialLotID[1]`,
    `${P}/MaterialConsumedActual[1]/Quantity[1]/QuantityString/@unitCode`,
    `${P}/MaterialConsumedActual[1]/Quantity[1]/QuantityString`,
    `${P}/MaterialConsumedActual[1]/Quantity[1]/UnitOfMeasure`,
    `${P}/SegmentState`,
  ];

  test("PERF-POST-006 the document holds every element and attribute the profile allows (wildcards empty)", () => {
    expect([...profilePairs()].filter((p) => !pairs.has(p)).sort()).toEqual([]);
    expect(values.length).toBe(2835);
  });

  test("PERF-POST-006 it is valid and posted: one time ticket, one goods-movement document", () => {
    expect(result.ok && result.idocs.map((i) => i.kind)).toEqual(["time-ticket", "goods-movement"]);
  });

  test("PERF-POST-006 every value not carried is in unmapped, in document order, and nothing else", () => {
    const unmapped = result.unmapped.map((u) => u.path);
    expect(unmapped.map(strip)).toEqual(values.filter((v) => !carried.map(strip).includes(v)));
    expect(unmapped.filter((p) => carried.includes(p))).toEqual([]);
    expect(unmapped.length + carried.length).toBe(values.length);
  });

  test("PERF-POST-006 every entry says why: reason not-posted and the message of its element", () => {
    const byMessage = new Map<string, number>();
    for (const u of result.unmapped) {
      expect(u.reason).toBe("not-posted");
      const message = / is not read into any posting of this document$/.test(u.message)
        ? "(element or attribute) is not read into any posting of this document"
        : / of a property is not posted$/.test(u.message)
          ? "(element or attribute) of a property is not posted"
          : u.message;
      byMessage.set(message, (byMessage.get(message) ?? 0) + 1);
    }
    expect(Object.fromEntries([...byMessage].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual({
      "(element or attribute) is not read into any posting of this document": 1314,
      "(element or attribute) of a property is not posted": 959,
      "BATCH is posted from the first MaterialLotID of a goods movement only (PERF-POST-024); a confirmed yield, scrap or rework has no batch field": 1,
      "MATERIAL is posted from the first MaterialDefinitionID of a goods movement only (PERF-POST-023); a time ticket confirms the operation, not a material": 2,
      "ProductionData is posted only as a time ticket's link, DEV_REASON and FIN_CONF (PERF-POST-012, 018)": 87,
      "a property the postings do not read for this kind of posting (PERF-POST-011 … 061 name the ones read)": 14,
      "consumable actuals are not posted": 162,
      "descriptions are not posted": 38,
      "no field of the postings takes a sub-lot": 24,
      "no field of the postings takes it": 18,
      "physical-asset actuals are not posted": 163,
      "the state of a response or performance is not posted": 22,
    });
  });
});
