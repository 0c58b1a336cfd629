/**
 * Which material number a segment means. S/4 sends the 40-character `MATNR_LONG` and omits `MATNR` when
 * the number is longer than 18; the long-material add-on sends `MATNR_EXTERNAL`. SAP's own DM mapping
 * prefers `MATNR_EXTERNAL` > `MATNR_LONG` > `MATNR` (../shared/docs/sap-idoc-reference.md §3), and so
 * does the reader: `fields.MATNR` holds the preferred number's normalized (external) form, whichever
 * field it came from; `fields.MATNR_LONG` / `fields.MATNR_EXTERNAL` stay as they are, and `raw.MATNR`
 * is what the sender wrote in `MATNR` (absent when it wrote none).
 *
 * @module
 */
import { idocIssue } from "./issues.js";
import type { IdocIssue } from "./model.js";

/** The field names in order of preference. */
export const MATERIAL_NUMBER_PREFERENCE = ["MATNR_EXTERNAL", "MATNR_LONG", "MATNR"] as const;

/**
 * Puts the preferred material number into `fields.MATNR` (see the module documentation). A `MATNR` that
 * names another material than the preferred field is reported (`IDOC_MATERIAL_CONFLICT`) and replaced.
 */
export function applyMaterialPreference(
  fields: Record<string, string>,
  path: string,
  line: number | undefined,
  issues: IdocIssue[],
): void {
  const from = MATERIAL_NUMBER_PREFERENCE.find((name) => (fields[name] ?? "") !== "");
  if (from === undefined || from === "MATNR") return;
  const preferred = fields[from] ?? "";
  const matnr = fields.MATNR ?? "";
  if (matnr !== "" && matnr !== preferred)
    issues.push(
      idocIssue(
        "IDOC_MATERIAL_CONFLICT",
        "warning",
        `${path}/MATNR`,
        `MATNR ${JSON.stringify(matnr)} differs from ${from} ${JSON.stringify(preferred)}; ${from} is used`,
        line,
      ),
    );
  fields.MATNR = preferred;
}
