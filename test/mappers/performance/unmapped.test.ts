/** Issue #10 item 4: the IDoc → ProductionPerformance mapping accounts for the source fields it did not carry. */
import { describe, expect, test } from "vitest";
import type { MapperConfig } from "../../../src/mappers/index.js";
import { mapIdocsToProductionPerformance } from "../../../src/mappers/index.js";
import { packetOf, seg } from "../helpers/build-packet.js";

const config: MapperConfig = {
  plants: { "1000": { timeZone: "Europe/Berlin" } },
  systems: { MES01: { timeZone: "Europe/Berlin" } },
};
const TT = { IDOCTYP: "PPCC2PRETTICKET02", MESTYP: "PPCC2PRETTICKET", SNDPRN: "MES01" };

describe("unmapped-field account of the performance mapping", () => {
  test("PERF-MAP-009 a time ticket: fields without a home and a segment not mapped, in document order", () => {
    const packet = packetOf({
      control: TT,
      segments: [
        seg("E1BP_PP_TIMETICKET", {
          ORDERID: "1895938",
          OPERATION: "0010",
          PLANT: "1000",
          WORK_CNTR: "WC01",
          CONF_QUAN_UNIT: "ST",
          YIELD: "10.000",
          EX_IDENT: "EX-1",
          EXEC_START_DATE: "2026-04-14",
          EXEC_START_TIME: "06:00:00",
          EXEC_FIN_DATE: "2026-04-14",
          EXEC_FIN_TIME: "08:00:00",
          ZZSHIFT: "A",
        }),
        seg("Z1TICKET_EXT", { ZZLINE: "L4" }),
      ],
    });
    const result = mapIdocsToProductionPerformance(packet, config);
    expect(result.ok).toBe(true);
    expect(result.unmapped.map((u) => [u.path, u.reason, u.message])).toEqual([
      [
        "IDOC[1]/E1BP_PP_TIMETICKET/ZZSHIFT",
        "no-b2mml-home",
        "E1BP_PP_TIMETICKET-ZZSHIFT has no place in the ProductionPerformance mapping",
      ],
      [
        "IDOC[1]/Z1TICKET_EXT/ZZLINE",
        "segment-not-mapped",
        "the segment Z1TICKET_EXT is not mapped to ProductionPerformance",
      ],
    ]);
  });
});
