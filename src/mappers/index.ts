/**
 * Mappers from SAP IDoc packets (the IDoc reader's `IdocPacket` (b2mml/idoc)) to validated B2MML documents,
 * with their shared configuration, unit and time zone tables. One folder per mapping.
 *
 * @module
 */
export { CONFIG_PLACEHOLDER_PREFIX, type ConfigComment } from "./config/config-comment.js";
export { BUILTIN_STATUSES, DELETION_STATUSES } from "./config/default-statuses.js";
export {
  type ConfigIssue,
  type MapperConfig,
  type ParseConfigResult,
  parseMapperConfig,
  parseMapperConfigJson,
  type StatusRule,
  type ZoneEntry,
} from "./config/mapper-config.js";
export {
  buildStarterConfig,
  CONFIG_SCHEMA_REFERENCE,
  type FoundKey,
  type StarterConfig,
  type StarterConfigOptions,
} from "./config/starter-config.js";
export {
  IDOCS_TO_PRODUCTION_PERFORMANCE,
  MOVEMENT_TYPES,
  mapIdocsToProductionPerformance,
  PERFORMANCE_MAPPED_SEGMENTS,
  type PerformanceInput,
  type PerformanceMapOptions,
  type PerformanceMapResult,
} from "./idoc-to-production-performance/index.js";
export { PERFORMANCE_RUNNER } from "./idoc-to-production-performance/runner.js";
export {
  formatMapIssue,
  IssueCollector,
  type IssueDetails,
  type MapIssue,
  type MapIssueJson,
  type MapIssueOrigin,
  mapIssueJson,
  mapIssuePath,
} from "./issues.js";
export {
  LOIPRO_MAPPED_SEGMENTS,
  LOIPRO_TO_PRODUCTION_SCHEDULE,
  type MapOptions,
  type MapResult,
  mapLoiproToProductionSchedule,
  RELEASE_ID,
} from "./loipro-to-production-schedule/index.js";
export { LOIPRO_RUNNER } from "./loipro-to-production-schedule/runner.js";
export {
  type ErpPostingConfig,
  type ErpPostingIdoc,
  type ErpPostingKind,
  type ErpPostingOptions,
  type ErpPostingResult,
  exIdentOf,
  KEY_SCHEME,
  type KeySource,
  mapProductionPerformanceToErpPostings,
  type ParseErpPostingConfigResult,
  type PartnerConfig,
  type PostingsConfig,
  parseErpPostingConfig,
  parseErpPostingConfigJson,
  type RoundingRule,
  refDocNoOf,
  type StorageLocationConfig,
} from "./production-performance-to-erp/index.js";
export { ERP_POSTINGS_RUNNER } from "./production-performance-to-erp/runner.js";
export { type DocumentMapResult, documentOutcome, documentRunner } from "./shared/document-result.js";
export type { MapContext } from "./shared/map-context.js";
export type { MappingResult, MapRejection, MapSuccess } from "./shared/map-result.js";
export { mapToDocument } from "./shared/map-to-document.js";
export type {
  DocumentMapOptions,
  DocumentVerb,
  IdocToDocumentMapping,
  MappedDocument,
  MappingSource,
} from "./shared/mapping-descriptor.js";
export {
  type InputRefusal,
  type MappedOutput,
  type MappingOutcome,
  type MappingRequest,
  type MappingRun,
  type MappingRunner,
  type ReadInputs,
  type ReceivedInput,
  runMapping,
} from "./shared/run-mapping.js";
export { canonicalPacket, packetDigest } from "./shared/source-digest.js";
export type { ReadTracker } from "./shared/track-reads.js";
export {
  formatUnmapped,
  UNMAPPED_FIELD,
  type UnmappedField,
  type UnmappedReason,
  unmappedAsIssues,
} from "./shared/unmapped.js";
export { toZonedDateTime, type ZonedDateTimeResult } from "./time/zoned-date-time.js";
export { ambiguousSapUnits, sapUnitTable } from "./units/sap-unit-lookup.js";
export { BUILTIN_UNITS } from "./units/unit-table.js";
