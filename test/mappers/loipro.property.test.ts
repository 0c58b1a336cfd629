/**
 * Properties over generated LOIPRO packets: the mapper returns a valid document or collected errors,
 * never throws, and never changes a quantity's value.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { QuantityValueType, SegmentRequirementType } from "../../src/generated/b2mml-v0600/index.js";
import { mapLoiproToProductionSchedule } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import { validateXsd } from "../../src/validation/validate-xsd.js";
import { CONFIG, packetOf, type SegmentSpec, seg } from "./helpers/build-packet.js";

const plain = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
  )
  .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
/** Generated LOIPRO packets; `noisy` adds unparseable values, unknown units and unconfigured plants. */
function packets(noisy: boolean) {
  const quantity = fc.oneof(
    { weight: 8, arbitrary: plain },
    { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom("12,5", "1E3", "", "x", "1.") },
  );
  const unit = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom("ST", "KG", "L", "EA", "MIN", ...(noisy ? ["PAL"] : [])) },
    { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom("", "XYZ") },
  );
  const date = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .date({
          min: new Date("1975-01-01T00:00:00Z"),
          max: new Date("2090-12-31T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...(noisy ? ["", "2026-02-30"] : []), "2026-03-29", "2026-10-25"),
    },
  );
  const time = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 59 }),
        )
        .map((t) => t.map((n) => String(n).padStart(2, "0")).join(":")),
    },
    { weight: 1, arbitrary: fc.constantFrom("24:00:00", "02:30:00", "", ...(noisy ? ["25:00:00"] : [])) },
  );
  const plant = noisy ? fc.constantFrom("1000", "2000", "1000", "9999") : fc.constantFrom("1000", "2000");
  const stat = fc.constantFrom("I0001", "I0002", "I0013", "I0076", "I0045", "I0016", "E0001");
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  /** Clean input: a time only with its date (a time without a date is TIME_WITHOUT_DATE, LOIPRO-MAP-055). */
  const pairedTimes = <T extends Record<string, string | undefined>>(
    f: T,
    ...pairs: (readonly [string, string])[]
  ): T => {
    const out: Record<string, string | undefined> = { ...f };
    for (const [d, t] of pairs) if (out[d] === undefined || out[d] === "") out[t] = undefined;
    return out as T;
  };
  const fields = (entries: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined));

  const component = fc
    .record({
      MATNR: opt(fc.constantFrom("C-1", "C-2", "000000000000004711")),
      BDMNG: quantity,
      MEINS: unit,
      SHKZG: opt(fc.constantFrom("H", "S")),
      XLOEK: opt(fc.constant("X")),
      CHARG: opt(fc.constant("B1")),
      LGORT: opt(fc.constant("0001")),
    })
    .map((f) => seg("E1RESBL", fields(f)));
  const operation = fc
    .record({
      fields: fc.record({
        ARBPL: opt(fc.constant("WC1")),
        FSAVD: opt(date),
        FSAVZ: opt(time),
        SSEDD: opt(date),
        SSEDZ: opt(time),
        MGVRG: opt(quantity),
        MEINH: noisy ? opt(unit) : unit,
        WERKS: opt(plant),
      }),
      statuses: fc.array(stat, { maxLength: 2 }),
      components: fc.array(component, { maxLength: 3 }),
    })
    .map(({ fields: f, statuses, components }) => ({
      f: fields(noisy ? f : pairedTimes(f, ["FSAVD", "FSAVZ"], ["SSEDD", "SSEDZ"])),
      children: [...statuses.map((s) => seg("E1JSTVL", { STAT: s })), ...components],
    }));
  const sequence = fc.array(operation, { minLength: 0, maxLength: 3 });
  const order = fc
    .record({
      header: fc.record({
        WERKS: plant,
        MATNR: noisy ? opt(fc.constant("FG-1")) : fc.constant("FG-1"),
        GAMNG: noisy ? quantity : quantity.map((q) => q.replace(/^-/, "")),
        GMEIN: unit,
        GSTRS: opt(date),
        GSUZS: opt(time),
        GLTRS: opt(date),
        GLUZS: opt(time),
      }),
      statuses: fc.array(stat, { maxLength: 3 }),
      sequences: fc.array(sequence, { minLength: 1, maxLength: 2 }),
    })
    .map(
      ({ header, statuses, sequences }): ((aufnr: string) => SegmentSpec) =>
        (aufnr) =>
          seg(
            "E1AFKOL",
            fields({
              AUFNR: aufnr,
              ...(noisy ? header : pairedTimes(header, ["GSTRS", "GSUZS"], ["GLTRS", "GLUZS"])),
            }),
            ...statuses.map((s) => seg("E1JSTKL", { STAT: s })),
            ...sequences.map((ops, i) =>
              seg(
                "E1AFFLL",
                { PLNFL: String(i) },
                ...ops.map((o, j) =>
                  seg("E1AFVOL", { VORNR: String((j + 1) * 10).padStart(4, "0"), ...o.f }, ...o.children),
                ),
              ),
            ),
          ),
    );
  return fc
    .array(order, { minLength: 1, maxLength: 3 })
    .map((orders) => packetOf(...orders.map((o, i) => ({ segments: [o(String(1000000 + i))] }))));
}

/** Every input quantity that must reach the output unchanged: the order quantities and live components. */
function inputQuantities(p: ReturnType<typeof packetOf>): Decimal[] {
  const out: Decimal[] = [];
  for (const idoc of p.idocs)
    for (const header of idoc.segments) {
      out.push(new Decimal(header.fields.GAMNG ?? "NaN"));
      for (const sequence of header.segments.filter((s) => s.name === "E1AFFLL"))
        for (const op of sequence.segments) {
          if (
            op.segments.some(
              (s) => s.name === "E1JSTVL" && (s.fields.STAT === "I0013" || s.fields.STAT === "I0076"),
            )
          )
            continue;
          for (const c of op.segments)
            if (c.name === "E1RESBL" && c.fields.XLOEK !== "X" && c.fields.MATNR !== undefined)
              out.push(new Decimal(c.fields.BDMNG ?? "NaN").abs());
        }
    }
  return out.sort((a, b) => a.comparedTo(b));
}

function outputQuantities(
  segments: readonly SegmentRequirementType[] | undefined,
  out: Decimal[] = [],
): Decimal[] {
  const take = (q: readonly QuantityValueType[] | undefined) => {
    for (const quantity of q ?? [])
      out.push(new Decimal((quantity.QuantityString as { value: string }).value));
  };
  for (const s of segments ?? []) {
    for (const m of s.MaterialProducedRequirement ?? []) take(m.Quantity);
    for (const m of s.MaterialConsumedRequirement ?? []) take(m.Quantity);
    outputQuantities(s.SegmentRequirement, out);
  }
  return out;
}

describe("LOIPRO mapper properties", () => {
  test("LOIPRO-MAP-009 LOIPRO-MAP-007 a valid document or collected errors, never a throw", () => {
    fc.assert(
      fc.property(packets(true), (p) => {
        const result = mapLoiproToProductionSchedule(p, CONFIG);
        if (result.ok) expect(validateXsd(result.xml).valid).toBe(true);
        else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(mapIssuePath(e)).toMatch(/^IDOC\[\d+\]/);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("LOIPRO-MAP-041 LOIPRO-MAP-034 no quantity changes its value (by-products: its magnitude)", () => {
    fc.assert(
      fc.property(packets(false), (p) => {
        const result = mapLoiproToProductionSchedule(p, CONFIG);
        if (!result.ok) expect.fail(result.errors.map((e) => `${mapIssuePath(e)}: ${e.code}`).join("\n"));
        const requests = result.value.DataArea.ProductionSchedule[0]?.ProductionRequest ?? [];
        const output = requests
          .flatMap((r) => outputQuantities(r.SegmentRequirement))
          .sort((a, b) => a.comparedTo(b));
        const input = inputQuantities(p);
        expect(output.map((d) => d.toString())).toEqual(input.map((d) => d.toString()));
      }),
      { numRuns: 150 },
    );
  });

  test("LOIPRO-MAP-008 mapping twice gives byte-identical XML", () => {
    fc.assert(
      fc.property(packets(true), (p) => {
        const a = mapLoiproToProductionSchedule(p, CONFIG);
        const b = mapLoiproToProductionSchedule(structuredClone(p), CONFIG);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 50 },
    );
  });
});
