/**
 * Builders of a ProcessProductionSchedule and its pieces (ProductionSchedule › ProductionRequest ›
 * SegmentRequirement › MaterialRequirement). Each returns the generated type, so a property the builder
 * does not take is added by spreading: `{ ...productionRequest({ id: "1004711" }), Priority: { value: "1" } }`.
 *
 * ```ts
 * const doc = processProductionSchedule({
 *   creationDateTime: "2026-04-14T06:00:00+02:00",
 *   bodId: "MES-PS-1",
 *   schedules: [productionSchedule({ id: "PS-1", requests: [productionRequest({ id: "1004711" })] })],
 * });
 * write(doc, rootOf(schemaSet, "ProcessProductionSchedule"));
 * ```
 *
 * @module
 */
import type {
  LocationType,
  MaterialRequirementType,
  ProcessProductionScheduleType,
  ProductionParameterType,
  ProductionRequestType,
  ProductionScheduleType,
  QuantityValueType,
  RequestStateType,
  SegmentRequirementType,
} from "../generated/b2mml-v0600/index.js";
import { type ApplicationAreaInput, applicationArea, B2MML_RELEASE_ID } from "./application-area.js";
import { dateTime, duration, identifier, text } from "./values.js";

/** A RequestState / SegmentState value. */
export type RequestState = RequestStateType["value"];
/** How a material is used (`MaterialUse`). */
export type MaterialUse = NonNullable<MaterialRequirementType["MaterialUse"]>["value"];

/** A document: the envelope, the schedules, and the release (`6.0` by default). */
export interface ProcessProductionScheduleInput extends ApplicationAreaInput {
  readonly schedules: readonly ProductionScheduleType[];
  readonly releaseID?: string;
}

/** A `ProcessProductionSchedule` BOD. */
export function processProductionSchedule(
  input: ProcessProductionScheduleInput,
): ProcessProductionScheduleType {
  return {
    releaseID: input.releaseID ?? B2MML_RELEASE_ID,
    ApplicationArea: applicationArea(input),
    DataArea: { Process: {}, ProductionSchedule: [...input.schedules] },
  };
}

export interface ProductionScheduleInput {
  readonly id?: string;
  readonly description?: string;
  readonly location?: LocationType;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly requests?: readonly ProductionRequestType[];
}

/** A `ProductionSchedule`. */
export function productionSchedule(input: ProductionScheduleInput): ProductionScheduleType {
  return {
    ...(input.id === undefined ? {} : { ID: identifier(input.id, undefined, "productionSchedule.id") }),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.startTime === undefined
      ? {}
      : { StartTime: dateTime(input.startTime, "productionSchedule.startTime") }),
    ...(input.endTime === undefined
      ? {}
      : { EndTime: dateTime(input.endTime, "productionSchedule.endTime") }),
    ...(input.requests === undefined ? {} : { ProductionRequest: [...input.requests] }),
  };
}

export interface ProductionRequestInput {
  /** The order number; `schemeID` names where it comes from (`AUFNR`). */
  readonly id: string;
  readonly schemeID?: string;
  readonly description?: string;
  readonly location?: LocationType;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly segments?: readonly SegmentRequirementType[];
  readonly state?: RequestState;
}

/** A `ProductionRequest` (an order). */
export function productionRequest(input: ProductionRequestInput): ProductionRequestType {
  return {
    ID: identifier(input.id, input.schemeID, "productionRequest.id"),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.startTime === undefined
      ? {}
      : { StartTime: dateTime(input.startTime, "productionRequest.startTime") }),
    ...(input.endTime === undefined ? {} : { EndTime: dateTime(input.endTime, "productionRequest.endTime") }),
    ...(input.segments === undefined ? {} : { SegmentRequirement: [...input.segments] }),
    ...(input.state === undefined ? {} : { RequestState: { value: input.state } }),
  };
}

export interface SegmentRequirementInput {
  readonly id: string;
  readonly schemeID?: string;
  /** The process segment (operation, phase) it carries out. */
  readonly processSegmentId?: string;
  readonly description?: string;
  readonly location?: LocationType;
  readonly earliestStartTime?: string;
  readonly latestEndTime?: string;
  /** An `xs:duration` (`PT2H30M`). */
  readonly duration?: string;
  readonly parameters?: readonly ProductionParameterType[];
  readonly materials?: readonly MaterialRequirementType[];
  readonly segments?: readonly SegmentRequirementType[];
  readonly state?: RequestState;
}

/** A `SegmentRequirement` (an operation, a phase). */
export function segmentRequirement(input: SegmentRequirementInput): SegmentRequirementType {
  const at = "segmentRequirement";
  return {
    ID: identifier(input.id, input.schemeID, `${at}.id`),
    ...(input.processSegmentId === undefined
      ? {}
      : { ProcessSegmentID: identifier(input.processSegmentId, undefined, `${at}.processSegmentId`) }),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.earliestStartTime === undefined
      ? {}
      : { EarliestStartTime: dateTime(input.earliestStartTime, `${at}.earliestStartTime`) }),
    ...(input.latestEndTime === undefined
      ? {}
      : { LatestEndTime: dateTime(input.latestEndTime, `${at}.latestEndTime`) }),
    ...(input.duration === undefined ? {} : { Duration: duration(input.duration, `${at}.duration`) }),
    ...(input.parameters === undefined ? {} : { ProductionParameter: [...input.parameters] }),
    ...(input.materials === undefined ? {} : { MaterialRequirement: [...input.materials] }),
    ...(input.segments === undefined ? {} : { SegmentRequirement: [...input.segments] }),
    ...(input.state === undefined ? {} : { SegmentState: { value: input.state } }),
  };
}

export interface MaterialInput {
  /** The material number (`MaterialDefinitionID`). */
  readonly material: string;
  readonly schemeID?: string;
  readonly use?: MaterialUse;
  readonly lot?: string;
  readonly description?: string;
  readonly location?: LocationType;
  /** Quantities built with `quantity(amount, unit)`. */
  readonly quantities?: readonly QuantityValueType[];
}

/** A `MaterialRequirement`: the material, its use and quantity. */
export function materialRequirement(input: MaterialInput): MaterialRequirementType {
  return materialOf(input, "materialRequirement");
}

/** The fields MaterialRequirement and MaterialActual share. */
export function materialOf(input: MaterialInput, at: string): MaterialRequirementType {
  return {
    MaterialDefinitionID: [identifier(input.material, input.schemeID, `${at}.material`)],
    ...(input.lot === undefined ? {} : { MaterialLotID: [identifier(input.lot, undefined, `${at}.lot`)] }),
    ...(input.description === undefined ? {} : { Description: [text(input.description)] }),
    ...(input.location === undefined ? {} : { Location: input.location }),
    ...(input.use === undefined ? {} : { MaterialUse: { value: input.use } }),
    ...(input.quantities === undefined ? {} : { Quantity: [...input.quantities] }),
  };
}
