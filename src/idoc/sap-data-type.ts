/**
 * A field's SAP data type, read from the project's IDoc schemas (`xsd/idoc/sap-data-types.xsd`): every
 * field type derives from one base type named after the SAP data type or conversion exit (`CHAR`, `NUMC`,
 * `DATS`, `TIMS`, `QUAN`, `DEC`, `FLTP`, `UNIT`, `ALPHA`, `MATN1`, `UPPER`), and its sized restriction
 * carries the length (`ALPHA12` → `ALPHA`, `maxLength` 12).
 *
 * @module
 */
import type { SimpleTypeMeta, TypeMeta } from "../binding/metadata.js";

/** The SAP data types (and CHAR conversion exits) the reader normalizes by. */
export const SAP_DATA_TYPE_KINDS = [
  "CHAR",
  "NUMC",
  "DATS",
  "TIMS",
  "QUAN",
  "DEC",
  "FLTP",
  "UNIT",
  "ALPHA",
  "MATN1",
  "UPPER",
] as const;

export type SapDataTypeKind = (typeof SAP_DATA_TYPE_KINDS)[number];

/** A field's SAP data type: its kind, and its length when the schema gives one. */
export interface SapDataType {
  readonly kind: SapDataTypeKind;
  /** The schema type's name (`QUAN13_3`, `ALPHA12`). */
  readonly typeName: string;
  readonly length?: number;
}

const KINDS: ReadonlySet<string> = new Set(SAP_DATA_TYPE_KINDS);

/**
 * The SAP data type of a schema simple type: the first base type, walking up the derivation from the
 * type itself, whose name is one of {@link SAP_DATA_TYPE_KINDS}; `undefined` when there is none (a
 * builtin type, or a type outside the convention).
 */
export function sapDataTypeOf(
  typeName: string,
  types: Readonly<Record<string, TypeMeta>>,
): SapDataType | undefined {
  const start = types[typeName];
  if (start?.kind !== "simple") return undefined;
  let current: SimpleTypeMeta | undefined = start;
  for (let guard = 0; current && guard < 32; guard++) {
    if (KINDS.has(current.name)) {
      const length = start.facets.length ?? start.facets.maxLength;
      return {
        kind: current.name as SapDataTypeKind,
        typeName,
        ...(length === undefined ? {} : { length }),
      };
    }
    const base: TypeMeta | undefined = current.base === undefined ? undefined : types[current.base];
    current = base?.kind === "simple" ? base : undefined;
  }
  return undefined;
}
