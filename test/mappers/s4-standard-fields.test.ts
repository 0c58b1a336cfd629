/**
 * Issue #10 item 3: what S/4HANA sends in LOIPRO05 and has a home in B2MML is carried, on the project's
 * own make-to-order fixture (fixtures/idoc/loipro05-s4-make-to-order): the sales order and the
 * customer, the characteristic value texts beside the values, and the activities still to be confirmed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { repoRoot } from "../helpers/paths.js";
import { mapOk, orderSegmentOf, parameterOf, segmentAt, textOf } from "./helpers/navigate.js";

const CONFIG = JSON.parse(readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8"));
const mapped = () =>
  mapOk(
    readIdoc(readFileSync(path.join(repoRoot, "fixtures/idoc/loipro05-s4-make-to-order/idoc.xml"))),
    CONFIG,
  );

describe("S/4HANA LOIPRO05: fields with a B2MML home", () => {
  test("LOIPRO-MAP-075 the header's sales order and item are order-level parameters", () => {
    const order = orderSegmentOf(mapped());
    expect(textOf(parameterOf(order, "KDAUF")?.Value?.[0]?.ValueString)).toBe("4711");
    expect(textOf(parameterOf(order, "KDPOS")?.Value?.[0]?.ValueString)).toBe("000010");
  });

  test("LOIPRO-MAP-076 the item's sales order, schedule line and sold-to customer with its name are produced-material properties", () => {
    const produced = orderSegmentOf(mapped()).MaterialProducedRequirement?.[0];
    const props = (produced?.MaterialProducedRequirementProperty ?? []).map((p) => [
      p.ID?.value,
      textOf(p.Value?.[0]?.ValueString),
    ]);
    expect(props).toEqual([
      ["POSNR", "0001"],
      ["VERID", "0001"],
      ["KDAUF", "4711"],
      ["KDPOS", "000010"],
      ["KDEIN", "0001"],
      ["KUNAG", "100082"],
      ["NAME1", "Apotheken-Grosshandel Basel AG"],
    ]);
  });

  test("LOIPRO-MAP-071 characteristic value texts stand beside the value, Key = language", () => {
    const strength = parameterOf(orderSegmentOf(mapped()), "TABLET_STRENGTH_MG");
    expect(textOf(strength?.Value?.[0]?.ValueString)).toBe("400");
    expect(
      strength?.Parameter?.map((p) => [
        p.ID.value,
        p.Value?.map((v) => [textOf(v.ValueString), v.Key?.value]),
      ]),
    ).toEqual([["ATWTB", [["400 mg", "EN"]]]]);
  });

  test("LOIPRO-MAP-029 activities still to be confirmed are operation parameters with their unit", () => {
    const op = segmentAt(mapped(), ["SEQ-0", "0010"]);
    const activity = (n: number) => parameterOf(op, `TO_BE_CONF_ACTIVITY${n}`);
    expect(textOf(activity(1)?.Value?.[0]?.ValueString)).toBe("45.000");
    expect(activity(1)?.Value?.[0]?.UnitOfMeasure).toEqual({ value: "MIN" });
    expect(textOf(activity(2)?.Value?.[0]?.ValueString)).toBe("360.000");
    expect(activity(3)).toBeUndefined();
  });
});
