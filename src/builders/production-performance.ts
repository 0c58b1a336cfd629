/**
 * Builders of a ProcessProductionPerformance and its pieces (ProductionPerformance › ProductionResponse ›
 * SegmentResponse › MaterialActual). Each returns the generated type; add what a builder does not take by
 * spreading.
 *
 * @module
 */
import type {
  LocationType,
  MaterialActualType,
  ProcessProductionPerformanceType,
  ProductionPerformanceType,
  ProductionResponseType,
  ResponseStateType,
  SegmentResponseType,
} from "../generated/b2mml-v0600/index.js";
import { type ApplicationAreaInput, applicationArea, B2MML_RELEASE_ID } from "./application-area.js";
import { type MaterialInput, materialOf } from "./production-schedule.js";
import { dateTime, identifier, text } from "./values.js";

/** A ResponseState / SegmentState value of a response. */
export type ResponseState = ResponseStateType["value"];

export interface ProcessProductionPerformanceInput extends ApplicationAreaInput {
  readonly performances: readonly ProductionPerformanceType[];
  readonly releaseID?: string;
}

/** A `ProcessProductionPerformance` BOD. */
export function processProductionPerformance(
  input: ProcessProductionPerformanceInput,
): ProcessProductionPerformanceType {
  return {
    releaseID: input.releaseID ?? B2MML_RELEASE_ID,
    ApplicationArea: applicationArea(input),
    DataArea: { Process: {}, ProductionPerformance: [...input.performances] },
  };
}

export interface ProductionPerformanceInput {
  readonly id?: string;
  readonly description?: string;
  readonly location?: LocationType;
  /** The schedule this reports on. */
  readonly productionScheduleId?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly responses?: readonly ProductionResponseType[];
}

/** A `ProductionPerformance`. */
export function productionPerformance(input: ProductionPerformanceInput): ProductionPerformanceType {
  const at = "productionPerformance";
  return {
    ...(input.id === undefined ? {} : { ID: identifier(input.id, undefined, `${at}.id`) }),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.productionScheduleId === undefined
      ? {}
      : {
          ProductionScheduleID: identifier(
            input.productionScheduleId,
            undefined,
            `${at}.productionScheduleId`,
          ),
        }),
    ...(input.startTime === undefined ? {} : { StartTime: dateTime(input.startTime, `${at}.startTime`) }),
    ...(input.endTime === undefined ? {} : { EndTime: dateTime(input.endTime, `${at}.endTime`) }),
    ...(input.responses === undefined ? {} : { ProductionResponse: [...input.responses] }),
  };
}

export interface ProductionResponseInput {
  readonly id: string;
  /** The order it answers (`ProductionRequestID`), with its scheme (`AUFNR`). */
  readonly productionRequestId?: string;
  readonly schemeID?: string;
  readonly location?: LocationType;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly segments?: readonly SegmentResponseType[];
  readonly state?: ResponseState;
}

/** A `ProductionResponse` (what was done for one order). */
export function productionResponse(input: ProductionResponseInput): ProductionResponseType {
  const at = "productionResponse";
  return {
    ID: identifier(input.id, undefined, `${at}.id`),
    ...(input.productionRequestId === undefined
      ? {}
      : {
          ProductionRequestID: identifier(
            input.productionRequestId,
            input.schemeID,
            `${at}.productionRequestId`,
          ),
        }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.startTime === undefined ? {} : { StartTime: dateTime(input.startTime, `${at}.startTime`) }),
    ...(input.endTime === undefined ? {} : { EndTime: dateTime(input.endTime, `${at}.endTime`) }),
    ...(input.segments === undefined ? {} : { SegmentResponse: [...input.segments] }),
    ...(input.state === undefined ? {} : { ResponseState: { value: input.state } }),
  };
}

export interface SegmentResponseInput {
  readonly id: string;
  readonly schemeID?: string;
  readonly processSegmentId?: string;
  readonly description?: string;
  readonly location?: LocationType;
  readonly actualStartTime?: string;
  readonly actualEndTime?: string;
  readonly materials?: readonly MaterialActualType[];
  readonly segments?: readonly SegmentResponseType[];
  readonly state?: ResponseState;
}

/** A `SegmentResponse` (one operation or phase as it ran). */
export function segmentResponse(input: SegmentResponseInput): SegmentResponseType {
  const at = "segmentResponse";
  return {
    ID: identifier(input.id, input.schemeID, `${at}.id`),
    ...(input.processSegmentId === undefined
      ? {}
      : { ProcessSegmentID: [identifier(input.processSegmentId, undefined, `${at}.processSegmentId`)] }),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.actualStartTime === undefined
      ? {}
      : { ActualStartTime: dateTime(input.actualStartTime, `${at}.actualStartTime`) }),
    ...(input.actualEndTime === undefined
      ? {}
      : { ActualEndTime: dateTime(input.actualEndTime, `${at}.actualEndTime`) }),
    ...(input.materials === undefined ? {} : { MaterialActual: [...input.materials] }),
    ...(input.segments === undefined ? {} : { SegmentResponse: [...input.segments] }),
    ...(input.state === undefined ? {} : { SegmentState: { value: input.state } }),
  };
}

/** A `MaterialActual`: the material, its use and the quantity produced or consumed. */
export function materialActual(input: MaterialInput): MaterialActualType {
  return materialOf(input, "materialActual");
}
