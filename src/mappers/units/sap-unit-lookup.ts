/**
 * The reverse of the unit table: UN/ECE Rec. 20 code → SAP internal unit (T006-MSEHI), for writing to
 * SAP. Built from the same table (built-in + configuration `units`), so a unit maps back to the unit it
 * came from. Where several SAP units share one code (built-in `ST` and `PC` → `H87`), the one unit the
 * configuration names for that code wins; without such an entry the code is ambiguous and is not
 * guessed: `sapUnitTable` leaves it out and `ambiguousSapUnits` lists its candidates (the outbound
 * mapping reports `AMBIGUOUS_UNIT`). A code in neither direction is not guessed either.
 *
 * @module
 */
import { unitTable } from "./unit-table.js";

interface ReverseUnits {
  readonly unique: ReadonlyMap<string, string>;
  readonly ambiguous: ReadonlyMap<string, readonly string[]>;
}

function reverseUnits(overrides: Readonly<Record<string, string>> | undefined): ReverseUnits {
  const configured = new Map<string, string[]>();
  for (const [sap, rec20] of Object.entries(overrides ?? {}))
    configured.set(rec20, [...(configured.get(rec20) ?? []), sap]);
  const all = new Map<string, string[]>();
  for (const [sap, rec20] of unitTable(overrides)) all.set(rec20, [...(all.get(rec20) ?? []), sap]);
  const unique = new Map<string, string>();
  const ambiguous = new Map<string, readonly string[]>();
  for (const [rec20, candidates] of all) {
    // the configuration resolves a shared code by naming exactly one SAP unit for it
    const chosen = configured.get(rec20) ?? candidates;
    const [only] = chosen;
    if (chosen.length === 1 && only !== undefined) unique.set(rec20, only);
    else ambiguous.set(rec20, chosen);
  }
  return { unique, ambiguous };
}

/**
 * Rec. 20 code → SAP internal unit, for the codes with exactly one SAP unit (after the configuration's
 * `units`); an ambiguous code is left out (see {@link ambiguousSapUnits}).
 */
export function sapUnitTable(
  overrides: Readonly<Record<string, string>> | undefined,
): ReadonlyMap<string, string> {
  return reverseUnits(overrides).unique;
}

/**
 * Rec. 20 codes that several SAP units map to, with those units (built-in `H87` → `ST`, `PC`), unless
 * the configuration's `units` names exactly one SAP unit for the code.
 */
export function ambiguousSapUnits(
  overrides: Readonly<Record<string, string>> | undefined,
): ReadonlyMap<string, readonly string[]> {
  return reverseUnits(overrides).ambiguous;
}
