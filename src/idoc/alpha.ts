/**
 * SAP's ALPHA conversion exit (and MATN1, which applies the same rule to material numbers) in both
 * directions, and the upper-case rule of batch numbers.
 *
 * - **Internal** form (database, classic ALE IDocs, BAPIs): a purely numeric key is right-aligned and
 *   zero-padded to the field's length (`AUFNR` 12 → `000001895938`, `MATNR` 18 → `000000000000000088`);
 *   a key with any other character is left-aligned and unchanged (`D2O_0902414268`).
 * - **External** form (what users type, what S/4 LOIPRO05 sends): leading zeros of a purely numeric key
 *   removed (`1895938`); an all-zero key keeps one zero (`0`), since it is a value, not a blank.
 *
 * Both functions trim surrounding white space first (SAP pads fixed-length values with spaces).
 *
 * @module
 */
import { sapTrim } from "./sap-trim.js";

/** Lengths of the ALPHA/MATN1 keys the LOIPRO reader converts, by field name (from `xsd/idoc`). */
export const ALPHA_KEY_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AUFNR: 12,
  LEAD_AUFNR: 12,
  KDAUF: 10,
  KUNAG: 10,
  LIFNR: 10,
  PLNUM: 10,
  MATNR: 18,
  MATNR_LONG: 40,
  ORDERID: 12,
  MATERIAL: 18,
  MATERIAL_LONG: 40,
  SALES_ORD: 10,
});

const DIGITS = /^[0-9]+$/;
/**
 * ALPHA output: the external form of a key. A purely numeric key loses its leading zeros (`000001895938`
 * → `1895938`, `0000` → `0`); any other key is returned trimmed and otherwise unchanged.
 */
export function alphaToExternal(value: string): string {
  const key = sapTrim(value);
  if (!DIGITS.test(key)) return key;
  const stripped = key.replace(/^0+/, "");
  return stripped === "" ? "0" : stripped;
}

/**
 * ALPHA input: the internal form of a key. A purely numeric key is zero-padded to `length`
 * (`1895938`, 12 → `000001895938`); any other key (and the empty key) is returned trimmed and otherwise
 * unchanged.
 *
 * @param length the field's length (AUFNR 12, KDAUF 10, MATNR 18; see {@link ALPHA_KEY_LENGTHS})
 * @throws RangeError when a numeric key has more significant digits than `length`
 */
export function alphaToInternal(value: string, length: number): string {
  const key = sapTrim(value);
  if (!DIGITS.test(key)) return key;
  const significant = alphaToExternal(key);
  if (significant.length > length)
    throw new RangeError(`the key ${JSON.stringify(key)} has more than ${length} digits`);
  return significant.padStart(length, "0");
}

/** A batch number (CHARG) as SAP keeps it: trimmed and in upper case (`b-2026-17` → `B-2026-17`). */
export function batchToInternal(value: string): string {
  return sapTrim(value).toUpperCase();
}

/**
 * The internal form of a key field by its name: ALPHA/MATN1 padding for the fields of
 * {@link ALPHA_KEY_LENGTHS}, upper case for `CHARG`, trimmed otherwise.
 *
 * @throws RangeError when a numeric key is longer than its field
 */
export function keyToInternal(field: string, value: string): string {
  if (field === "CHARG") return batchToInternal(value);
  const length = ALPHA_KEY_LENGTHS[field];
  return length === undefined ? sapTrim(value) : alphaToInternal(value, length);
}
