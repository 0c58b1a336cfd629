/**
 * The segments the ERP postings write, with their fields in definition order. ⚠️ The orders follow the
 * DDIC structures BAPI_PP_TIMETICKET and BAPI2017_GM_* as far as the reference (§4.2, §4.4) and DDIC
 * knowledge give them; only the fields this mapper fills (and their neighbours) are listed. SAP's
 * parser is lenient about field order inside a segment, not about segment order (reference §3).
 *
 * @module
 */
import { idocSchema } from "../../idoc/idoc-schema.js";
import type { SegmentDefinitions } from "../../idoc/write-idoc-xml.js";

const ACTIVITY_FIELDS = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `CONF_ACTI_UNIT${n}`,
  `CONF_ACTI_UNIT${n}_ISO`,
  `CONF_ACTIVITY${n}`,
  `NO_REMN_ACTI${n}`,
]);

/** E1BP_PP_TIMETICKET (= BAPI_PP_TIMETICKET), reference §4.2. */
export const E1BP_PP_TIMETICKET_FIELDS: readonly string[] = [
  "CONF_NO",
  "ORDERID",
  "SEQUENCE",
  "OPERATION",
  "SUB_OPER",
  "CAPA_CATEGORY",
  "SPLIT",
  "PLANT",
  "WORK_CNTR",
  "FIN_CONF",
  "CLEAR_RES",
  "POSTG_DATE",
  "DEV_REASON",
  "CONF_TEXT",
  "RECORDTYPE",
  "CONF_QUAN_UNIT",
  "CONF_QUAN_UNIT_ISO",
  "YIELD",
  "SCRAP",
  "REWORK",
  ...ACTIVITY_FIELDS,
  "EXEC_START_DATE",
  "EXEC_START_TIME",
  "SETUP_FIN_DATE",
  "SETUP_FIN_TIME",
  "PROC_START_DATE",
  "PROC_START_TIME",
  "PROC_FIN_DATE",
  "PROC_FIN_TIME",
  "TEARDOWN_START_DATE",
  "TEARDOWN_START_TIME",
  "EXEC_FIN_DATE",
  "EXEC_FIN_TIME",
  "FCST_FIN_DATE",
  "FCST_FIN_TIME",
  "PERS_NO",
  "TIMEID_NO",
  "WAGETYPE",
  "NO_OF_EMPLOYEE",
  "BREAK_TIME",
  "EX_CREATED_BY",
  "EX_CREATED_DATE",
  "EX_CREATED_TIME",
  "EX_IDENT",
  "LOGDATE",
  "LOGTIME",
];

/** E1BP2017_GM_HEAD_01 (= BAPI2017_GM_HEAD_01), reference §4.4. */
export const E1BP2017_GM_HEAD_01_FIELDS: readonly string[] = [
  "PSTNG_DATE",
  "DOC_DATE",
  "REF_DOC_NO",
  "BILL_OF_LADING",
  "GR_GI_SLIP_NO",
  "PR_UNAME",
  "HEADER_TXT",
  "VER_GR_GI_SLIP",
  "VER_GR_GI_SLIPX",
  "EXT_WMS",
  "REF_DOC_NO_LONG",
  "BILL_OF_LADING_LONG",
  "BAR_CODE",
];

/** E1BP2017_GM_ITEM_CREATE (= BAPI2017_GM_ITEM_CREATE), reference §4.4 (a subset, DDIC order ⚠️). */
export const E1BP2017_GM_ITEM_CREATE_FIELDS: readonly string[] = [
  "MATERIAL",
  "PLANT",
  "STGE_LOC",
  "BATCH",
  "MOVE_TYPE",
  "STCK_TYPE",
  "SPEC_STOCK",
  "SALES_ORD",
  "S_ORD_ITEM",
  "ENTRY_QNT",
  "ENTRY_UOM",
  "ENTRY_UOM_ISO",
  "NO_MORE_GR",
  "ITEM_TEXT",
  "GR_RCPT",
  "UNLOAD_PT",
  "COSTCENTER",
  "ORDERID",
  "ORDER_ITNO",
  "RESERV_NO",
  "RES_ITEM",
  "WITHDRAWN",
  "MVT_IND",
  "MOVE_REAS",
  "ACTIVITY",
  "EXPIRYDATE",
  "PROD_DATE",
  "VENDRBATCH",
  "LINE_ID",
  "PARENT_ID",
  "LINE_DEPTH",
  "MATERIAL_LONG",
];

/** Every segment this mapper writes, with the built-in field orders. */
export const POSTING_SEGMENTS: SegmentDefinitions = {
  E1PPCC2PRETTICKET: [],
  E1BP_PP_TIMETICKET: E1BP_PP_TIMETICKET_FIELDS,
  E1MBGMCR: ["TESTRUN"],
  E1BP2017_GM_HEAD_01: E1BP2017_GM_HEAD_01_FIELDS,
  E1BP2017_GM_CODE: ["GM_CODE"],
  E1BP2017_GM_ITEM_CREATE: E1BP2017_GM_ITEM_CREATE_FIELDS,
};

let resolved: SegmentDefinitions | undefined;

/**
 * The field orders used for writing: the project's IDoc schema (`xsd/idoc`, the segment definitions
 * the reader checks against) where it declares the segment and every field listed here, else the
 * built-in order above.
 */
export function postingSegments(): SegmentDefinitions {
  if (resolved !== undefined) return resolved;
  const catalogue = idocSchema().catalogue;
  const out: Record<string, readonly string[]> = {};
  for (const [name, fields] of Object.entries(POSTING_SEGMENTS)) {
    const spec = catalogue.get(name);
    const order = spec === undefined ? undefined : [...spec.fields.keys()];
    out[name] = order !== undefined && fields.every((f) => order.includes(f)) ? order : fields;
  }
  resolved = out;
  return out;
}
