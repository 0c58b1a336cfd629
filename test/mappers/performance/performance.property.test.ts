/**
 * Property (fast-check): generated time tickets and goods movements map to a valid document or to
 * collected errors, never throw, and every generated quantity string reaches the document unchanged.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { mapIdocsToProductionPerformance } from "../../../src/mappers/index.js";
import { validateXsd } from "../../../src/validation/validate-xsd.js";
import { packetOf, seg } from "../helpers/build-packet.js";

const config = {
  plants: { "1000": { timeZone: "Europe/Berlin" } },
  systems: { MES01: { timeZone: "Europe/Berlin" } },
};
const quantity = fc
  .tuple(fc.bigInt({ min: 0n, max: 9_999_999_999n }), fc.integer({ min: 0, max: 999 }))
  .map(([i, f]) => `${i}.${String(f).padStart(3, "0")}`);
const maybeBad = fc.oneof(quantity, quantity, fc.constantFrom("", "1,5", "-2.000", "abc"));
const goodUnit = fc.constantFrom("ST", "KG", "MIN", "H");
const unit = fc.oneof(goodUnit, fc.constant("XX"));
const ticketOf = (q: fc.Arbitrary<string>, loose: boolean) =>
  fc.record({
    ORDERID: loose
      ? fc.constantFrom("1004711", "000001004712", "")
      : fc.constantFrom("1004711", "000001004712"),
    OPERATION: loose ? fc.constantFrom("0010", "20", "") : fc.constantFrom("0010", "20"),
    PLANT: loose ? fc.constantFrom("1000", "9999") : fc.constant("1000"),
    CONF_QUAN_UNIT: loose ? unit : goodUnit,
    YIELD: q,
    SCRAP: q,
    CONF_ACTIVITY1: q,
    CONF_ACTI_UNIT1: loose ? unit : goodUnit,
    FIN_CONF: fc.constantFrom("", "X", "1"),
    EX_IDENT: fc.uuid().map((u) => u.replace(/-/g, "")),
    EXEC_START_DATE: loose
      ? fc.constantFrom("2026-03-29", "2026-10-25", "2026-02-30")
      : fc.constantFrom("2026-03-29", "2026-10-25"),
    EXEC_START_TIME: fc.constantFrom("02:30:00", "24:00:00", "12:00:00"),
  });
const itemOf = (q: fc.Arbitrary<string>, loose: boolean) =>
  fc.record({
    MATERIAL: loose ? fc.constantFrom("FG-1", "100234", "") : fc.constantFrom("FG-1", "100234"),
    PLANT: loose ? fc.constantFrom("1000", "9999") : fc.constant("1000"),
    MOVE_TYPE: fc.constantFrom("101", "102", "261", "262", "531", "532", ...(loose ? ["551"] : [])),
    ENTRY_QNT: q,
    ENTRY_UOM: loose ? unit : goodUnit,
    ORDERID: loose ? fc.constantFrom("1004711", "") : fc.constant("1004711"),
    BATCH: fc.constantFrom("B1", ""),
  });

type Ticket = Record<string, string>;
function inputsOf(tickets: Ticket[], items: Ticket[]) {
  return [
    packetOf({
      control: { IDOCTYP: "PPCC2PRETTICKET02", MESTYP: "PPCC2PRETTICKET", SNDPRN: "MES01" },
      segments: tickets.map((t) => seg("E1BP_PP_TIMETICKET", t)),
    }),
    packetOf({
      control: { IDOCTYP: "MBGMCR03", MESTYP: "MBGMCR", SNDPRN: "MES01" },
      segments: [
        seg(
          "E1MBGMCR",
          {},
          seg("E1BP2017_GM_HEAD_01", {}),
          ...items.map((i) => seg("E1BP2017_GM_ITEM_CREATE", i)),
        ),
      ],
    }),
  ];
}

test("PERF-MAP-008 generated time tickets and goods movements, good or bad: a valid document or collected errors, never a throw", () => {
  fc.assert(
    fc.property(
      fc.array(ticketOf(maybeBad, true), { maxLength: 3 }),
      fc.array(itemOf(maybeBad, true), { maxLength: 3 }),
      (tickets, items) => {
        const result = mapIdocsToProductionPerformance(inputsOf(tickets, items), config);
        if (result.ok) expect(validateXsd(result.xml).valid).toBe(true);
        else expect(result.errors.length).toBeGreaterThan(0);
      },
    ),
    { numRuns: 150 },
  );
});

test("PERF-MAP-007 generated valid actuals → a valid document with every quantity string unchanged", () => {
  fc.assert(
    fc.property(
      fc.array(ticketOf(quantity, false), { minLength: 1, maxLength: 3 }),
      fc.array(itemOf(quantity, false), { minLength: 1, maxLength: 3 }),
      (tickets, items) => {
        const result = mapIdocsToProductionPerformance(inputsOf(tickets, items), config);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(validateXsd(result.xml).valid).toBe(true);
        for (const t of tickets)
          for (const field of ["YIELD", "SCRAP", "CONF_ACTIVITY1"] as const)
            if (/[1-9]/.test(t[field] ?? "")) expect(result.xml).toContain(`>${t[field]}</QuantityString>`);
        for (const i of items)
          if (/[1-9]/.test(i.ENTRY_QNT ?? ""))
            expect(result.xml).toContain(
              `>${["102", "262", "532"].includes(i.MOVE_TYPE ?? "") ? "-" : ""}${i.ENTRY_QNT}</QuantityString>`,
            );
      },
    ),
    { numRuns: 100 },
  );
});
