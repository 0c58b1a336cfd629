/** NUMC values longer than their field are refused, never passed on (review finding 4). */
import { describe, expect, test } from "vitest";
import { normalizeField, normalizeNumc, readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";

describe("NUMC longer than its length", () => {
  test("normalizeNumc refuses more digits than the length, with the reason", () => {
    expect(normalizeNumc("12345", 4)).toEqual({ ok: false, reason: '"12345": more than 4 digits' });
    expect(normalizeNumc(" 00010 ", 4)).toEqual({ ok: false, reason: '"00010": more than 4 digits' });
    expect(normalizeNumc("1234", 4)).toEqual({ ok: true, value: "1234" });
    expect(normalizeNumc("12345", undefined)).toEqual({ ok: true, value: "12345" });
  });

  test("normalizeField with a NUMC type refuses it too", () => {
    expect(normalizeField("12345", { kind: "NUMC", length: 4, typeName: "NUMC4" }).ok).toBe(false);
  });

  test("the reader leaves it out of fields, keeps it raw, and reports IDOC_INVALID_VALUE (AUTYP NUMC2)", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<LOIPRO01>
  <IDOC BEGIN="1">
    <EDI_DC40 SEGMENT="1">
      <TABNAM>EDI_DC40</TABNAM>
      <DOCNUM>0000000000000042</DOCNUM>
      <IDOCTYP>LOIPRO01</IDOCTYP>
      <MESTYP>LOIPRO</MESTYP>
      <SNDPRN>E1PCLNT300</SNDPRN>
    </EDI_DC40>
    <E1AFKOL SEGMENT="1">
      <AUFNR>000001004799</AUFNR>
      <AUTYP>010</AUTYP>
      <WERKS>DE01</WERKS>
    </E1AFKOL>
  </IDOC>
</LOIPRO01>
`;
    const { idocs, issues } = readIdoc(xml);
    const header = idocs[0]?.segments[0];
    expect(header?.name).toBe("E1AFKOL");
    expect(header?.fields).not.toHaveProperty("AUTYP");
    expect(header?.raw.AUTYP).toBe("010");
    const issue = issues.find((i) => renderIssuePath(i) === "IDOC[1]/E1AFKOL/AUTYP");
    expect(issue?.code).toBe("IDOC_INVALID_VALUE");
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toContain("more than 2 digits");
  });
});
