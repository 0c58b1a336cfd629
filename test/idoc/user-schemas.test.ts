/**
 * Issue #10 item 4: the user adds IDoc definitions (Z-segments, fields of newer releases) from a folder of
 * XSD files in the shape of xsd/idoc, without editing the package (`loadIdocSchema`, config `idocSchemas`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { IdocSchemaError, loadIdocSchema, readIdoc } from "../../src/idoc/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { repoRoot } from "../helpers/paths.js";

const folder = path.join(repoRoot, "fixtures/mappers/loipro/user-schemas");
const zloipro = () => readFileSync(path.join(repoRoot, "fixtures/idoc/zloipro01-extension/idoc.xml"));

describe("user IDoc definitions", () => {
  test("the Z-segment and the Z-fields of ZLOIPRO01 are known and typed: no issue", () => {
    const packet = readIdoc(zloipro(), { schema: loadIdocSchema(path.join(folder, "schemas")) });
    expect(packet.issues).toEqual([]);
    const header = packet.idocs[0]?.segments[0];
    expect(header?.fields.ZZCAMPAIGN).toBe("IBU-2026-Q2");
    expect(header?.segments.find((s) => s.name === "Z1AFKOL_GMP")?.fields).toEqual({
      ZZGMP_CLASS: "C",
      ZZQA_RELEASE_REQ: "X",
      ZZCLEAN_STATUS: "CLEAN",
    });
  });

  test("the project's schema is not changed by loading user definitions", () => {
    loadIdocSchema(path.join(folder, "schemas"));
    expect(readIdoc(zloipro()).issues.map((i) => [i.code, renderIssuePath(i)])).toEqual([
      ["IDOC_UNKNOWN_FIELD", "IDOC[1]/E1AFKOL/ZZCAMPAIGN"],
      ["IDOC_UNKNOWN_SEGMENT", "IDOC[1]/E1AFKOL/Z1AFKOL_GMP"],
      ["IDOC_UNKNOWN_FIELD", "IDOC[1]/E1AFKOL/E1AFFLL/E1AFVOL[1]/E1RESBL[2]/ZZWEIGH_BOOTH"],
    ]);
  });

  test("user fields are held to their SAP length like any other", () => {
    const xml = readFileSync(
      path.join(repoRoot, "fixtures/idoc/zloipro01-extension/idoc.xml"),
      "utf8",
    ).replace("<ZZGMP_CLASS>C</ZZGMP_CLASS>", "<ZZGMP_CLASS>CCC</ZZGMP_CLASS>");
    const packet = readIdoc(xml, { schema: loadIdocSchema(path.join(folder, "schemas")) });
    expect(packet.issues.map((i) => [i.code, i.severity, renderIssuePath(i)])).toEqual([
      ["IDOC_VALUE_TOO_LONG", "error", "IDOC[1]/E1AFKOL/Z1AFKOL_GMP/ZZGMP_CLASS"],
    ]);
  });

  const refused: readonly [name: string, dir: string, problem: RegExp][] = [
    ["a folder without XSD files", "fixtures/mappers/loipro/unmapped-cli", /^no \.xsd file in the folder$/],
    [
      "a folder that does not exist",
      "fixtures/mappers/loipro/no-such-folder",
      /^cannot read the folder \(ENOENT\)$/,
    ],
    [
      "a type that does not exist",
      "fixtures/mappers/loipro/user-schemas/broken",
      /z1bad\.xsd:5:\d+: .*CHAR999/,
    ],
  ];
  test.each(refused)("%s is refused with IDOC_SCHEMA_INVALID, naming the problem", (_name, dir, problem) => {
    let error: unknown;
    try {
      loadIdocSchema(path.join(repoRoot, dir));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IdocSchemaError);
    const schemaError = error as IdocSchemaError;
    expect(schemaError.code).toBe("IDOC_SCHEMA_INVALID");
    expect(schemaError.problems).toHaveLength(1);
    expect(schemaError.problems[0]).toMatch(problem);
  });
});
