/**
 * Normalization of one field value by its SAP data type. Every rule trims surrounding white space first.
 *
 * | SAP type | rule | example |
 * | --- | --- | --- |
 * | CHAR, UNIT, unknown field | trimmed | ` EA ` → `EA` |
 * | NUMC | digits only, zero-padded to the length; longer is refused | `10` (NUMC4) → `0010` |
 * | DATS | `YYYY-MM-DD`, initial → `""` | `20260329` → `2026-03-29` |
 * | TIMS | `HH:MM:SS`, `24:00:00`, initial → `""` | `240000` → `24:00:00` |
 * | QUAN, DEC, FLTP | exact decimal string | `12.345-` → `-12.345` |
 * | ALPHA, MATN1 | external form | `000001895938` → `1895938` |
 * | UPPER (batch) | upper case | `b-17` → `B-17` |
 *
 * @module
 */

import { alphaToExternal, batchToInternal } from "./alpha.js";
import { type NormalizedValue, normalizeDate, normalizeTime } from "./normalize-date-time.js";
import { normalizeNumber } from "./normalize-number.js";
import type { SapDataType } from "./sap-data-type.js";
import { sapTrim } from "./sap-trim.js";

/**
 * Normalizes a raw field value by its SAP data type (`undefined`: a field the schema does not know,
 * which is only trimmed). A value that cannot be read is reported, never repaired.
 */
export function normalizeField(raw: string, type: SapDataType | undefined): NormalizedValue {
  switch (type?.kind) {
    case undefined:
    case "CHAR":
    case "UNIT":
      return { ok: true, value: sapTrim(raw) };
    case "UPPER":
      return { ok: true, value: batchToInternal(raw) };
    case "ALPHA":
    case "MATN1":
      return { ok: true, value: alphaToExternal(raw) };
    case "NUMC":
      return normalizeNumc(raw, type.length);
    case "DATS":
      return normalizeDate(raw);
    case "TIMS":
      return normalizeTime(raw);
    case "QUAN":
    case "DEC":
    case "FLTP":
      return normalizeNumber(raw);
  }
}

/**
 * NUMC: digits only, zero-padded to the field's length (NUMC values always keep their zeros); more digits
 * than the length is refused, never cut.
 */
export function normalizeNumc(raw: string, length: number | undefined): NormalizedValue {
  const text = sapTrim(raw);
  if (text === "") return { ok: true, value: "" };
  if (!/^[0-9]+$/.test(text)) return { ok: false, reason: `${JSON.stringify(text)}: not numeric text` };
  if (length !== undefined && text.length > length)
    return { ok: false, reason: `${JSON.stringify(text)}: more than ${length} digits` };
  return { ok: true, value: length === undefined ? text : text.padStart(length, "0") };
}
