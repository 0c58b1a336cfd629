/**
 * SAP internal units of measure (T006-MSEHI, as LOIPRO carries them) → UN/ECE Recommendation 20 codes
 * for B2MML `UnitOfMeasure`. The built-in table covers the common SAP delivery codes; the configuration's
 * `units` overrides or extends it. A unit in neither is an error: no unit is guessed.
 *
 * @module
 */

/**
 * The built-in table (see docs/mapping-loipro.md, LOIPRO-MAP-040). Piece is `H87` ("piece", Rec. 20
 * since revision 4; SAP's older default ISO code `PCE` was withdrawn from the recommendation). `PAL`
 * (pallet) is left out on purpose: its Rec. 20 code differs between systems (`PF`, `PX`); configure it.
 */
export const BUILTIN_UNITS: Readonly<Record<string, string>> = Object.freeze({
  ST: "H87",
  PC: "H87",
  EA: "EA",
  KG: "KGM",
  G: "GRM",
  MG: "MGM",
  TO: "TNE",
  L: "LTR",
  ML: "MLT",
  M3: "MTQ",
  M: "MTR",
  MM: "MMT",
  CM: "CMT",
  KM: "KMT",
  M2: "MTK",
  H: "HUR",
  MIN: "MIN",
  S: "SEC",
  KAR: "CT",
  PAK: "PK",
  "%": "P1",
});

/** The effective table: the built-in one with the configuration's entries over it. */
export function unitTable(
  overrides: Readonly<Record<string, string>> | undefined,
): ReadonlyMap<string, string> {
  const table = new Map(Object.entries(BUILTIN_UNITS));
  for (const [sap, rec20] of Object.entries(overrides ?? {})) table.set(sap, rec20);
  return table;
}

/** A Rec. 20 code: 2 or 3 upper-case letters or digits (`KGM`, `H87`, `EA`, `P1`). */
export const REC20_CODE = /^[A-Z0-9]{2,3}$/;
