/**
 * B2MML element names and DataType codes the rules look at, across releases V0401–V0701.
 *
 * @module
 */

import { isXsdIntegerType, isXsdLexicalType, type XsdLexicalType } from "../../binding/lexical/index.js";
import type { XmlElement } from "../../binding/xml-tree.js";
import { b2mmlChild, collapsedText, isNil } from "./rule.js";

/**
 * Elements whose type derives from `xsd:dateTime` in at least one official release (V0401, V0500,
 * V0600, V0601, V0701; the V0600 profile uses the first ten). No release uses any of these names with
 * another type, so the local name decides.
 */
export const DATE_TIME_ELEMENTS: ReadonlySet<string> = new Set([
  // V0600 profile
  "CreationDateTime",
  "PublishedDate",
  "StartTime",
  "EndTime",
  "EarliestStartTime",
  "LatestEndTime",
  "ActualStartTime",
  "ActualEndTime",
  "EffectiveDateTime",
  "ChangeDateTime",
  // other documents and releases
  "ActualFinishTime",
  "ApprovalDate",
  "CreateDate",
  "CreationDate",
  "EffectiveDate",
  "EffectiveEndDate",
  "EffectiveStartDate",
  "EffectiveTimeStamp",
  "EffectiveTimestamp",
  "Endtime",
  "EvaluationDate",
  "Expiration",
  "ExpirationDate",
  "ExpirationTime",
  "ExpirationTimeStamp",
  "FinalApprovalDate",
  "FinishDateTime",
  "LastChangedDate",
  "MeasurementDate",
  "ModifiedDate",
  "OffsetTime",
  "PlannedFinishTime",
  "PlannedStartTime",
  "PostingDate",
  "PublishedEndDate",
  "RecordTimeStamp",
  "RecordTimestamp",
  "RequestedCompletionDate",
  "RequestedEndTime",
  "RequestedStartTime",
  "SampleExpiration",
  "ScheduleEndTime",
  "ScheduleStartTime",
  "StartCondition",
  "StartDateTime",
  "StatusTime",
  "SubmissionDate",
  "TestDateTime",
  "TimeStamp",
  "TimeValue",
  "VersionDate",
]);

/** Start/end pairs compared within one parent element: `[start, end]`. */
export const START_END_PAIRS: readonly (readonly [string, string])[] = [
  ["StartTime", "EndTime"],
  ["EarliestStartTime", "LatestEndTime"],
  ["ActualStartTime", "ActualEndTime"],
  ["ActualStartTime", "ActualFinishTime"],
  ["PlannedStartTime", "PlannedFinishTime"],
  ["ScheduleStartTime", "ScheduleEndTime"],
  ["RequestedStartTime", "RequestedEndTime"],
  ["EffectiveStartDate", "EffectiveEndDate"],
  ["StartDateTime", "FinishDateTime"],
];

/** CCTS core types of B2MML's CoreComponents schemas, by the XML Schema type they extend. */
const CORE_DATA_TYPES: ReadonlyMap<string, XsdLexicalType> = new Map([
  ["Amount", "decimal"],
  ["Measure", "decimal"],
  ["Numeric", "decimal"],
  ["Quantity", "decimal"],
  ["DateTime", "dateTime"],
]);

/**
 * The XML Schema type whose lexical space a `DataType` code names: the built-in of the same name
 * (`decimal`, `integer`, `int`, …, `float`, `double`, `boolean`, `dateTime`, `date`, `time`,
 * `duration`, `string`), or the base of a core type (`Amount`, `Measure`, `Numeric`, `Quantity` →
 * decimal; `DateTime` → dateTime). `undefined` for every other code (`Text`, `Code`, `Other`, the
 * pre-2001 names such as `timeInstant`, …): those values are not checked.
 */
export function lexicalTypeOfDataType(code: string): XsdLexicalType | undefined {
  return isXsdLexicalType(code) ? code : CORE_DATA_TYPES.get(code);
}

/** Whether a lexical type is numeric (decimal, an integer type, float or double). */
export function isNumericLexicalType(type: XsdLexicalType): boolean {
  return type === "decimal" || type === "float" || type === "double" || isXsdIntegerType(type);
}

/** The `DataType` code of a value or quantity (the sibling `DataType` element), when present and not nil. */
export function dataTypeOf(valueOrQuantity: XmlElement): string | undefined {
  const dataType = b2mmlChild(valueOrQuantity, "DataType");
  if (dataType === undefined || isNil(dataType)) return undefined;
  const code = collapsedText(dataType);
  return code === "" ? undefined : code;
}
