/**
 * Robustness of lookups in plain objects: codes and names from the input that are also
 * `Object.prototype` keys (`constructor`, `toString`, `__proto__`) are data like any other.
 */
import { describe, expect, test } from "vitest";
import { readIdoc } from "../../src/idoc/index.js";
import { packetOf, seg, typicalOrder } from "./helpers/build-packet.js";
import { mapOk, parameterOf, segmentAt, textOf } from "./helpers/navigate.js";

describe("prototype keys in the input", () => {
  test("LOIPRO-MAP-019 a sequence category named like an Object.prototype key is an unknown code", () => {
    const header = typicalOrder();
    const order = seg(
      "E1AFKOL",
      header.fields,
      ...(header.children ?? []),
      seg("E1AFFLL", { PLNFL: "1", FLGAT: "constructor" }, seg("E1AFVOL", { VORNR: "0110" })),
      seg("E1AFFLL", { PLNFL: "2", FLGAT: "toString" }, seg("E1AFVOL", { VORNR: "0210" })),
    );
    const mapped = mapOk(packetOf({ segments: [order] }));
    for (const id of ["SEQ-1", "SEQ-2"]) {
      const sequence = segmentAt(mapped, [id]);
      expect(sequence.Description?.[0]?.value).toBe("sequence");
      expect(parameterOf(sequence, "FLGAT")?.Description?.[0]?.value).toBe(
        "sequence category (code not known to the mapper)",
      );
      expect(typeof textOf(parameterOf(sequence, "FLGAT")?.Value?.[0]?.ValueString)).toBe("string");
    }
  });

  test("readIdoc keeps fields named constructor, toString and __proto__ as fields, not as duplicates", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ZTEST01><IDOC BEGIN="1"><EDI_DC40 SEGMENT="1"><DOCNUM>1</DOCNUM><IDOCTYP>ZTEST01</IDOCTYP></EDI_DC40>
<Z1SEG SEGMENT="1"><constructor>a</constructor><toString>b</toString><__proto__>c</__proto__></Z1SEG>
</IDOC></ZTEST01>`;
    const packet = readIdoc(xml);
    expect(packet.issues.filter((i) => i.code === "IDOC_DUPLICATE_FIELD")).toEqual([]);
    const segment = packet.idocs[0]?.segments.find((s) => s.name === "Z1SEG");
    expect(segment).toBeDefined();
    expect(Object.hasOwn(segment?.raw ?? {}, "constructor")).toBe(true);
    expect(segment?.raw.constructor).toBe("a");
    expect(segment?.raw.toString).toBe("b");
    expect(Object.hasOwn(segment?.raw ?? {}, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(segment?.raw ?? {}, "__proto__")?.value).toBe("c");
  });
});
