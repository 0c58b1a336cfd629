/**
 * Small builders for hand-built B2MML V0600 documents: values (`text`, `identifier`, `quantity`,
 * `dateTime`, `duration`, `location`) and documents (`processProductionSchedule`,
 * `processProductionPerformance` and their pieces). Lexical values stay exactly as given; an invalid one
 * is refused with a {@link BuildError}. The results are the generated types, for `write`.
 *
 * ```ts
 * import { processProductionSchedule, productionRequest, productionSchedule } from "b2mml/builders";
 * import { rootOf, write } from "b2mml/binding";
 * import { schemaSet } from "b2mml/generated/b2mml-v0600";
 *
 * const doc = processProductionSchedule({
 *   creationDateTime: "2026-04-14T06:00:00+02:00",
 *   schedules: [productionSchedule({ requests: [productionRequest({ id: "1004711", schemeID: "AUFNR" })] })],
 * });
 * const xml = write(doc, rootOf(schemaSet, "ProcessProductionSchedule"), { indent: "  " });
 * ```
 *
 * @module
 */
export { type ApplicationAreaInput, applicationArea, B2MML_RELEASE_ID } from "./application-area.js";
export { BuildError, type BuildErrorCode } from "./build-error.js";
export {
  materialActual,
  type ProcessProductionPerformanceInput,
  type ProductionPerformanceInput,
  type ProductionResponseInput,
  processProductionPerformance,
  productionPerformance,
  productionResponse,
  type ResponseState,
  type SegmentResponseInput,
  segmentResponse,
} from "./production-performance.js";
export {
  type MaterialInput,
  type MaterialUse,
  materialRequirement,
  type ProcessProductionScheduleInput,
  type ProductionRequestInput,
  type ProductionScheduleInput,
  processProductionSchedule,
  productionRequest,
  productionSchedule,
  type RequestState,
  type SegmentRequirementInput,
  segmentRequirement,
} from "./production-schedule.js";
export {
  dateTime,
  duration,
  type EquipmentLevel,
  identifier,
  location,
  quantity,
  text,
} from "./values.js";
