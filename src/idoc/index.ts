/**
 * The SAP IDoc reader: IDoc-XML (plain or SOAP, single IDocs or packets) and IDoc-JSON into normalized
 * IDoc trees ({@link IdocPacket}), schema-first against `xsd/idoc`, with ALPHA conversion helpers.
 *
 * ```ts
 * import { readIdoc } from "b2mml/idoc";
 * const { idocs, issues } = readIdoc(xmlOrJson, { file: "order.xml" });
 * idocs[0]?.segments[0]?.fields.AUFNR; // "1895938"
 * ```
 *
 * @module
 */
export {
  ALPHA_KEY_LENGTHS,
  alphaToExternal,
  alphaToInternal,
  batchToInternal,
  keyToInternal,
} from "./alpha.js";
export { IdocInputError, type IdocInputErrorCode } from "./idoc-input-error.js";
export { type ChildSegmentSpec, type IdocSchema, idocSchema, type SegmentSpec } from "./idoc-schema.js";
export type { IdocIssueCode } from "./issues.js";
export { IdocSchemaError, loadIdocSchema } from "./load-idoc-schema.js";
export { applyMaterialPreference, MATERIAL_NUMBER_PREFERENCE } from "./material-number.js";
export type { IdocDocument, IdocIssue, IdocPacket, IdocSegment } from "./model.js";
export { type NormalizedValue, normalizeDate, normalizeTime } from "./normalize-date-time.js";
export { normalizeField, normalizeNumc } from "./normalize-field.js";
export { normalizeNumber } from "./normalize-number.js";
export { REQUIRED_CONTROL_FIELDS } from "./read-document.js";
export { type ReadIdocOptions, readIdoc } from "./read-idoc.js";
export {
  SAP_DATA_TYPE_KINDS,
  type SapDataType,
  type SapDataTypeKind,
  sapDataTypeOf,
} from "./sap-data-type.js";
export { IDOC_SCHEMA_ENTRY, idocSchemaDir } from "./schema-dir.js";
export { IDOC_SOAP_NAMESPACE, SOAP_ENVELOPE_NAMESPACES } from "./xml-input.js";
