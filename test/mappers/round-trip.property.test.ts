/**
 * Round trip (fast-check), issue 5: generated time tickets (PPCC2PRETTICKET02) and goods movements
 * (MBGMCR03), written as IDoc-XML and read with `readIdoc`, → ProductionPerformance (inbound mapper) →
 * ERP postings (outbound mapper) → read back with `readIdoc`. Every business field survives: order,
 * operation, plant, material, batch, quantities (exact decimal value; SAP writes QUAN 13,3 with three
 * decimals, PERF-POST-040), units, movement type and GM_CODE, storage location, reservation, reason,
 * personnel number, activities, final flag, dates and times. A second run of the outbound mapping gives
 * identical IDocs, EX_IDENTs and REF_DOC_NOs.
 *
 * Several tickets of one operation are generated on purpose: each is posted as its own ticket
 * (PERF-POST-018). Their execution times are the operation's earliest start and latest end, because the
 * ProductionPerformance holds actual times per operation only (PERF-MAP-041); with one ticket per
 * operation they are the ticket's own times.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import type { IdocSegment } from "../../src/idoc/model.js";
import { writeIdocXml } from "../../src/idoc/write-idoc-xml.js";
import {
  mapIdocsToProductionPerformance,
  mapProductionPerformanceToErpPostings,
} from "../../src/mappers/index.js";
import { POSTING_SEGMENTS } from "../../src/mappers/production-performance-to-erp/index.js";

const shared = {
  plants: { "1000": { timeZone: "Europe/Berlin" }, CH01: { timeZone: "Europe/Zurich" } },
  systems: { MES01: { timeZone: "Europe/Berlin" } },
  units: { ST: "H87" },
};
const inboundConfig = shared;
const outboundConfig = {
  ...shared,
  postings: {
    sender: { port: "MESPORT", partnerNumber: "MESCLNT" },
    receiver: { port: "SAPPRD", partnerNumber: "PRDCLNT100" },
    client: "100",
  },
};

/** Orders with their plant (the plant of a ProductionResponse is the order's). */
const ORDERS: Readonly<Record<string, string>> = { "1004711": "1000", "60003001": "CH01", "4000981": "1000" };
/** SAP units that map to a Rec. 20 code and back to themselves (ST ↔ H87 by the configuration). */
const UNITS = ["ST", "KG", "MIN", "H", "L"] as const;

type Fields = Record<string, string>;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** A decimal string with at most three decimals, sometimes with SAP's trailing zeros. */
const quantity = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 9_999_999n }),
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([i, f, scale]) => (scale === 0 ? `${i}` : `${i}.${String(f).padStart(3, "0").slice(0, scale)}`));
const positive = quantity.filter((q) => /[1-9]/.test(q));
const orderId = fc
  .tuple(fc.constantFrom(...Object.keys(ORDERS)), fc.boolean())
  .map(([o, padded]) => (padded ? o.padStart(12, "0") : o));
const operation = fc.constantFrom("0010", "0020", "0030");
/** Local DATS + TIMS; the hour 02 of March and October is avoided (DST gap and overlap). */
const localDateTime = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ month, day, hour, minute, second }) => {
    const h = (month === 3 || month === 10) && hour === 2 ? 3 : hour;
    const p = (n: number) => String(n).padStart(2, "0");
    return { date: `2026${p(month)}${p(day)}`, time: `${p(h)}${p(minute)}${p(second)}` };
  });

const ticketArb = fc
  .record({
    ORDERID: orderId,
    OPERATION: operation,
    CONF_QUAN_UNIT: fc.constantFrom(...UNITS),
    YIELD: quantity,
    SCRAP: quantity,
    REWORK: quantity,
    DEV_REASON: maybe(fc.constantFrom("0001", "0003", "SCR1")),
    CONF_ACTIVITY1: maybe(positive),
    CONF_ACTI_UNIT1: fc.constantFrom("MIN", "H"),
    CONF_ACTIVITY2: maybe(positive),
    CONF_ACTI_UNIT2: fc.constantFrom("MIN", "H"),
    PERS_NO: maybe(fc.integer({ min: 1, max: 99_999_999 }).map((n) => String(n).padStart(8, "0"))),
    FIN_CONF: fc.constantFrom("", "X"),
    start: localDateTime,
    end: localDateTime,
    exIdent: fc.boolean(),
  })
  .map(({ start, end, exIdent, ...t }): Fields => {
    const [from, to] = `${start.date}${start.time}` <= `${end.date}${end.time}` ? [start, end] : [end, start];
    const fields: Fields = {
      PLANT: ORDERS[stripZeros(t.ORDERID)] ?? "",
      EXEC_START_DATE: from.date,
      EXEC_START_TIME: from.time,
      EXEC_FIN_DATE: to.date,
      EXEC_FIN_TIME: to.time,
      ...(exIdent ? { EX_IDENT: "" } : {}),
    };
    for (const [k, v] of Object.entries(t)) if (v !== undefined && v !== "") fields[k] = v;
    if (fields.CONF_ACTIVITY1 === undefined) delete fields.CONF_ACTI_UNIT1;
    if (fields.CONF_ACTIVITY2 === undefined) delete fields.CONF_ACTI_UNIT2;
    return fields;
  });

const GM_FAMILIES = {
  "02": ["101", "102"],
  "03": ["261", "262"],
  "05": ["531", "532"],
} as const;
const itemArb = (code: keyof typeof GM_FAMILIES) =>
  fc
    .record({
      ORDERID: orderId,
      MOVE_TYPE: fc.constantFrom(...GM_FAMILIES[code]),
      MATERIAL: fc.constantFrom("FG-100", "100234", "000000000000100235", "RM-7"),
      BATCH: maybe(fc.constantFrom("B0001", "LOT-A1", "2026X")),
      ENTRY_QNT: positive,
      ENTRY_UOM: fc.constantFrom(...UNITS),
      STGE_LOC: fc.constantFrom("RM01", "FG01", "0001"),
      ACTIVITY: maybe(operation),
      reservation: fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 99 })),
    })
    .map(({ reservation: [rsnum, rspos], ...i }): Fields => {
      const fields: Fields = { PLANT: ORDERS[stripZeros(i.ORDERID)] ?? "" };
      for (const [k, v] of Object.entries(i)) if (v !== undefined) fields[k] = v;
      if (code === "03") {
        fields.RESERV_NO = String(rsnum).padStart(10, "0");
        fields.RES_ITEM = String(rspos).padStart(4, "0");
      }
      return fields;
    });
const documentArb = fc.constantFrom("02", "03", "05" as const).chain((code) =>
  fc.record({
    code: fc.constant(code),
    postingDate: localDateTime.map((d) => d.date),
    items: fc.array(itemArb(code), { minLength: 1, maxLength: 3 }),
  }),
);

function stripZeros(value: string): string {
  return value.replace(/^0+(?=.)/, "");
}
const alpha = (value: string, length: number) =>
  /^\d+$/.test(value) ? stripZeros(value).padStart(length, "0") : value;
const decimal = (value: string | undefined) => new Decimal(value === undefined ? "0" : value).toFixed(3);

const control = (docnum: number, basicType: string, messageType: string) => ({
  TABNAM: "EDI_DC40",
  MANDT: "100",
  DOCNUM: String(docnum).padStart(16, "0"),
  DIRECT: "2",
  IDOCTYP: basicType,
  MESTYP: messageType,
  SNDPOR: "MESPORT",
  SNDPRT: "LS",
  SNDPRN: "MES01",
  RCVPOR: "SAPPRD",
  RCVPRT: "LS",
  RCVPRN: "PRDCLNT100",
  CREDAT: "20260415",
  CRETIM: "190030",
});

function inputXml(tickets: readonly Fields[], documents: readonly Document[]) {
  const ticketXml =
    tickets.length === 0
      ? undefined
      : writeIdocXml(
          [
            {
              control: control(1, "PPCC2PRETTICKET02", "PPCC2PRETTICKET"),
              segments: [
                {
                  name: "E1PPCC2PRETTICKET",
                  fields: {},
                  segments: tickets.map((fields) => ({ name: "E1BP_PP_TIMETICKET", fields })),
                },
              ],
            },
          ],
          { definitions: POSTING_SEGMENTS },
        );
  const movementXml =
    documents.length === 0
      ? undefined
      : writeIdocXml(
          documents.map((d, n) => ({
            control: control(n + 2, "MBGMCR03", "MBGMCR"),
            segments: [
              {
                name: "E1MBGMCR",
                fields: {},
                segments: [
                  {
                    name: "E1BP2017_GM_HEAD_01",
                    fields: { PSTNG_DATE: d.postingDate, DOC_DATE: d.postingDate },
                  },
                  { name: "E1BP2017_GM_CODE", fields: { GM_CODE: d.code } },
                  ...d.items.map((fields) => ({ name: "E1BP2017_GM_ITEM_CREATE", fields })),
                ],
              },
            ],
          })),
          { definitions: POSTING_SEGMENTS },
        );
  return { ticketXml, movementXml };
}

interface Document {
  readonly code: string;
  readonly postingDate: string;
  readonly items: readonly Fields[];
}

/** Every segment of a name in a packet read back, with its parents' fields. */
function segmentsOf(xml: string, name: string): { fields: Fields; parent: IdocSegment | undefined }[] {
  const packet = readIdoc(xml, { strict: true });
  expect(packet.issues).toEqual([]);
  const out: { fields: Fields; parent: IdocSegment | undefined }[] = [];
  const walk = (s: IdocSegment, parent: IdocSegment | undefined) => {
    if (s.name === name) out.push({ fields: { ...s.raw }, parent });
    for (const c of s.segments) walk(c, s);
  };
  for (const idoc of packet.idocs) for (const s of idoc.segments) walk(s, undefined);
  return out;
}

/** What a posted time ticket must say, from the generated ticket and its operation's siblings. */
function expectedTicket(t: Fields, siblings: readonly Fields[]): Fields {
  const quantities = ["YIELD", "SCRAP", "REWORK"].filter((f) => /[1-9]/.test(t[f] ?? ""));
  const starts = siblings.map((s) => `${s.EXEC_START_DATE}${s.EXEC_START_TIME}`).sort();
  const ends = siblings.map((s) => `${s.EXEC_FIN_DATE}${s.EXEC_FIN_TIME}`).sort();
  const start = starts[0] ?? "";
  const end = ends[ends.length - 1] ?? "";
  const out: Fields = {
    ORDERID: alpha(t.ORDERID ?? "", 12),
    OPERATION: (t.OPERATION ?? "").padStart(4, "0"),
    PLANT: t.PLANT ?? "",
    YIELD: decimal(t.YIELD),
    SCRAP: decimal(t.SCRAP),
    REWORK: decimal(t.REWORK),
    EXEC_START_DATE: start.slice(0, 8),
    EXEC_START_TIME: start.slice(8),
    EXEC_FIN_DATE: end.slice(0, 8),
    EXEC_FIN_TIME: end.slice(8),
  };
  if (quantities.length > 0) out.CONF_QUAN_UNIT = t.CONF_QUAN_UNIT ?? "";
  if (t.DEV_REASON !== undefined) out.DEV_REASON = t.DEV_REASON;
  if (t.PERS_NO !== undefined) out.PERS_NO = t.PERS_NO.padStart(8, "0");
  if (t.FIN_CONF === "X") out.FIN_CONF = "X";
  for (const n of [1, 2])
    if (t[`CONF_ACTIVITY${n}`] !== undefined) {
      out[`CONF_ACTIVITY${n}`] = decimal(t[`CONF_ACTIVITY${n}`]);
      out[`CONF_ACTI_UNIT${n}`] = t[`CONF_ACTI_UNIT${n}`] ?? "";
    }
  return out;
}

/** The business fields of a posted ticket (zero quantities written or left out alike). */
function postedTicket(t: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(t))
    if (/^(ORDERID|OPERATION|PLANT|CONF_QUAN_UNIT|DEV_REASON|PERS_NO|FIN_CONF|EXEC_|CONF_ACTI)/.test(k))
      out[k] = v;
  for (const f of ["YIELD", "SCRAP", "REWORK"]) out[f] = decimal(t[f]);
  return out;
}

/** A goods-movement item as a comparable line: header fields + item business fields. */
function movementLine(gmCode: string, postingDate: string, i: Fields): string {
  return JSON.stringify([
    gmCode,
    postingDate,
    alpha(i.ORDERID ?? "", 12),
    i.PLANT,
    alpha(i.MATERIAL ?? "", 18),
    i.BATCH?.toUpperCase() ?? null,
    i.MOVE_TYPE,
    decimal(i.ENTRY_QNT),
    i.ENTRY_UOM,
    i.STGE_LOC,
    i.RESERV_NO === undefined ? null : alpha(i.RESERV_NO, 10),
    i.RES_ITEM === undefined ? null : alpha(i.RES_ITEM, 4),
    i.ACTIVITY === undefined ? null : i.ACTIVITY.padStart(4, "0"),
  ]);
}

const MVT_IND: Readonly<Record<string, string>> = { "101": "F", "102": "F" };

test("PERF-MAP-007 PERF-POST-018 PERF-POST-022 PERF-POST-040 PERF-POST-070 PERF-POST-096 round trip: time tickets and goods movements → ProductionPerformance → postings keep every business field, and keys are stable", () => {
  fc.assert(
    fc.property(
      fc.array(ticketArb, { minLength: 0, maxLength: 5 }),
      fc.array(documentArb, { minLength: 0, maxLength: 3 }),
      (generated, documents) => {
        fc.pre(generated.length + documents.length > 0);
        // unique EX_IDENTs where the ticket carries one (else the inbound side names it DOCNUM/TIMETICKET-n)
        const tickets = generated.map((t, n) =>
          t.EX_IDENT === undefined ? t : { ...t, EX_IDENT: `MES${String(n + 1).padStart(29, "0")}` },
        );
        const { ticketXml, movementXml } = inputXml(tickets, documents);
        const inputs = [
          ...(ticketXml === undefined
            ? []
            : [{ name: "tickets.xml", packet: readIdoc(ticketXml, { strict: true }) }]),
          ...(movementXml === undefined
            ? []
            : [{ name: "gm.xml", packet: readIdoc(movementXml, { strict: true }) }]),
        ];
        for (const i of inputs) expect(i.packet.issues).toEqual([]);
        const inbound = mapIdocsToProductionPerformance(inputs, inboundConfig);
        if (!inbound.ok) throw new Error(`inbound: ${JSON.stringify(inbound.errors)}`);
        const first = mapProductionPerformanceToErpPostings(inbound.xml, outboundConfig);
        if (!first.ok) throw new Error(`outbound: ${JSON.stringify(first.errors)}\n${inbound.xml}`);

        // time tickets: one posted per generated ticket, in ticket order within each order and operation
        const posted = first.idocs
          .filter((i) => i.kind === "time-ticket")
          .flatMap((i) =>
            segmentsOf(i.xml, "E1BP_PP_TIMETICKET").map((s) => ({ fields: s.fields, key: i.key })),
          );
        expect(posted).toHaveLength(tickets.length);
        const byOperation = (t: Fields) =>
          `${alpha(t.ORDERID ?? "", 12)}/${(t.OPERATION ?? "").padStart(4, "0")}`;
        const operations = new Set(tickets.map(byOperation));
        for (const op of operations) {
          const source = tickets.filter((t) => byOperation(t) === op);
          const out = posted.filter((p) => byOperation(p.fields) === op);
          expect(out.map((p) => postedTicket(p.fields))).toEqual(
            source.map((t) => expectedTicket(t, source)),
          );
          for (const p of out) {
            expect(p.fields.EX_IDENT).toBe(p.key);
            expect(p.fields.EX_IDENT).toMatch(/^[A-Z2-7]{32}$/);
            expect(p.fields.POSTG_DATE).toBe(p.fields.EXEC_FIN_DATE);
          }
        }

        // goods movements: every generated item once, with its document's GM_CODE and posting date
        const expected = documents
          .flatMap((d) => d.items.map((i) => movementLine(d.code, d.postingDate, i)))
          .sort();
        const movements = first.idocs.filter((i) => i.kind === "goods-movement");
        const lines = movements
          .flatMap((m) => {
            const [head] = segmentsOf(m.xml, "E1BP2017_GM_HEAD_01");
            const [code] = segmentsOf(m.xml, "E1BP2017_GM_CODE");
            expect(head?.fields.REF_DOC_NO).toBe(m.key);
            expect(head?.fields.DOC_DATE).toBe(head?.fields.PSTNG_DATE);
            return segmentsOf(m.xml, "E1BP2017_GM_ITEM_CREATE").map((item) => {
              expect(item.fields.MVT_IND).toBe(MVT_IND[item.fields.MOVE_TYPE ?? ""]);
              expect(item.fields.ENTRY_QNT).toMatch(/^\d+\.\d{3}$/);
              return movementLine(code?.fields.GM_CODE ?? "", head?.fields.PSTNG_DATE ?? "", item.fields);
            });
          })
          .sort();
        expect(lines).toEqual(expected);
        for (const m of movements) expect(m.key).toMatch(/^[A-Z2-7]{16}$/);

        // idempotency: the reverse mapping run again gives the same keys and the same IDocs
        const second = mapProductionPerformanceToErpPostings(inbound.xml, outboundConfig);
        if (!second.ok) throw new Error("second run failed");
        expect(second.idocs.map((i) => [i.key, i.fileName])).toEqual(
          first.idocs.map((i) => [i.key, i.fileName]),
        );
        expect(second.idocs.map((i) => i.xml)).toEqual(first.idocs.map((i) => i.xml));
        expect(new Set(first.idocs.map((i) => i.key)).size).toBe(first.idocs.length);
      },
    ),
    { numRuns: 50 },
  );
});
