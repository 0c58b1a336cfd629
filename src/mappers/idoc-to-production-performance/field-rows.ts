/**
 * The time-ticket and goods-movement fields that map 1:1 to a named value of the ProductionPerformance,
 * as rows applied by `applyRows` (`../shared/field-rules.ts`); docs/mapping-performance.md names them
 * under "Rows:" in the rule of each requirement, and `test/mappers/field-rows-docs.test.ts` holds the
 * two equal. A goods issue carries the same properties under `MaterialConsumedActualProperty`
 * (PERF-MAP-052).
 *
 * @module
 */
import type {
  MaterialProducedActualType,
  PersonnelActualType,
  ProductionDataType,
} from "../../generated/b2mml-v0600/index.js";
import type { FieldRow } from "../shared/field-rules.js";

/** E1MBGMCR → the properties of the material document on every actual of its items (PERF-MAP-050). */
// biome-ignore format: one row a line, read as a table
export const GOODS_MOVEMENT_HEAD_ROWS = [
  { id: "PERF-MAP-050", from: "E1BP2017_GM_HEAD_01/REF_DOC_NO", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-050", from: "E1BP2017_GM_HEAD_01/REF_DOC_NO_LONG", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-050", from: "E1BP2017_GM_HEAD_01/HEADER_TXT", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-050", from: "E1BP2017_GM_HEAD_01/PSTNG_DATE", to: "MaterialProducedActualProperty", kind: "date" },
  { id: "PERF-MAP-050", from: "E1BP2017_GM_HEAD_01/DOC_DATE", to: "MaterialProducedActualProperty", kind: "date" },
  { id: "PERF-MAP-050", from: "E1BP2017_GM_CODE/GM_CODE", to: "MaterialProducedActualProperty", kind: "copy" },
] as const satisfies readonly FieldRow<MaterialProducedActualType>[];

/** E1BP2017_GM_ITEM_CREATE → the properties of its actual, after the movement type (PERF-MAP-051). */
// biome-ignore format: one row a line, read as a table
export const GOODS_MOVEMENT_ITEM_ROWS = [
  { id: "PERF-MAP-051", from: "ORDER_ITNO", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "RESERV_NO", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "RES_ITEM", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "WITHDRAWN", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "NO_MORE_GR", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "MVT_IND", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "STCK_TYPE", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "MOVE_REAS", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "ITEM_TEXT", to: "MaterialProducedActualProperty", kind: "copy" },
  { id: "PERF-MAP-051", from: "PROD_DATE", to: "MaterialProducedActualProperty", kind: "date" },
  { id: "PERF-MAP-051", from: "EXPIRYDATE", to: "MaterialProducedActualProperty", kind: "date" },
  { id: "PERF-MAP-051", from: "VENDRBATCH", to: "MaterialProducedActualProperty", kind: "copy" },
] as const satisfies readonly FieldRow<MaterialProducedActualType>[];

/** E1BP_PP_TIMETICKET → the keyed values of the ticket's ProductionData (PERF-MAP-048). */
// biome-ignore format: one row a line, read as a table
export const TIME_TICKET_ROWS = [
  { id: "PERF-MAP-048", from: "CONF_NO", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "FIN_CONF", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "CLEAR_RES", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "POSTG_DATE", to: "Value", kind: "date" },
  { id: "PERF-MAP-048", from: "CONF_TEXT", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "RECORDTYPE", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "DEV_REASON", to: "Value", kind: "copy" },
  { id: "PERF-MAP-048", from: "EX_CREATED_BY", to: "Value", kind: "copy" },
] as const satisfies readonly FieldRow<ProductionDataType>[];

/** E1BP_PP_TIMETICKET → the properties of the ticket's PersonnelActual (PERF-MAP-046). */
// biome-ignore format: one row a line, read as a table
export const PERSONNEL_ROWS = [
  { id: "PERF-MAP-046", from: "NO_OF_EMPLOYEE", to: "PersonnelActualProperty", kind: "decimal" },
  { id: "PERF-MAP-046", from: "BREAK_TIME", to: "PersonnelActualProperty", kind: "decimal" },
  { id: "PERF-MAP-046", from: "WAGETYPE", to: "PersonnelActualProperty", kind: "copy" },
  { id: "PERF-MAP-046", from: "TIMEID_NO", to: "PersonnelActualProperty", kind: "copy" },
] as const satisfies readonly FieldRow<PersonnelActualType>[];

/** Every row of the performance mapping, for the docs test. */
export const PERFORMANCE_ROWS: readonly FieldRow[] = [
  ...GOODS_MOVEMENT_HEAD_ROWS,
  ...GOODS_MOVEMENT_ITEM_ROWS,
  ...TIME_TICKET_ROWS,
  ...PERSONNEL_ROWS,
];
