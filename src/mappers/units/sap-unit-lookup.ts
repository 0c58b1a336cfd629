/**
 * The reverse of the unit table: UN/ECE Rec. 20 code → SAP internal unit (T006-MSEHI), for writing to
 * SAP. Built from the same table (built-in + configuration `units`), so a unit maps back to the unit it
 * came from. Where several SAP units share one code (built-in `ST` and `PC` → `H87`), a unit the
 * configuration names wins over the built-in ones, and among built-ins the first in table order
 * (`ST`). A code in neither direction is not guessed: the lookup returns `undefined`.
 *
 * @module
 */
import { unitTable } from "./unit-table.js";

/** Rec. 20 code → SAP internal unit; the configuration's entries first, then the built-in table's order. */
export function sapUnitTable(
  overrides: Readonly<Record<string, string>> | undefined,
): ReadonlyMap<string, string> {
  const reverse = new Map<string, string>();
  for (const [sap, rec20] of Object.entries(overrides ?? {}))
    if (!reverse.has(rec20)) reverse.set(rec20, sap);
  for (const [sap, rec20] of unitTable(overrides)) if (!reverse.has(rec20)) reverse.set(rec20, sap);
  return reverse;
}
