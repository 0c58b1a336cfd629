/**
 * Operations (E1AFVOL) and sub-operations (E1AFUVL) → SegmentRequirement (LOIPRO-MAP-020 … 029):
 * ID = VORNR (sub-operation: UVORN), ProcessSegmentID = ME_OPERATION_ID, Description = LTXA1,
 * EarliestStartTime / LatestEndTime from the scheduled dates, the work center as EquipmentRequirement
 * with the capacity requirements (E1KBEDL / E1KBEUL) as its properties, standard values and operation
 * quantity as parameters, components under their operation. Deleted operations are dropped with a warning.
 *
 * @module
 */
import type {
  EquipmentRequirementPropertyType,
  EquipmentRequirementType,
  ProductionParameterType,
  QuantityValueType,
  SegmentRequirementType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { quantityValue } from "../shared/b2mml-values.js";
import { applyRows, quantityValueOf } from "../shared/field-rules.js";
import {
  children,
  dateTimeOf,
  fieldPath,
  firstDateTimeOf,
  quantityOf,
  required,
  text,
  unitOf,
} from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { mapComponents } from "./components.js";
import { plantZone, stringValue } from "./context.js";
import { OPERATION_ROWS, PHASE_ROWS, TO_BE_CONFIRMED_ROWS } from "./field-rows.js";
import { mapStatuses } from "./statuses.js";

/** Where an operation sits: its order's plant and zone. */
export interface OperationScope {
  readonly plant: string | undefined;
  readonly zone: string | undefined;
}

const STANDARD_VALUES = ["01", "02", "03", "04", "05", "06"] as const;
/** Capacity requirement quantities passed on (LOIPRO-MAP-025), with their meaning. */
const CAPACITY_FIELDS = ["KRUESOLL", "KBEASOLL", "KABRSOLL", "KRUEREST", "KBEAREST", "KABRREST"] as const;

/** A standard value `VGWnn` in its unit `VGEnn`, with its label and activity type (LOIPRO-MAP-024). */
function standardValue(
  ctx: MapContext,
  operation: IdocSegment,
  extra: IdocSegment | undefined,
  n: (typeof STANDARD_VALUES)[number],
): ProductionParameterType | undefined {
  const label = extra === undefined ? undefined : text(extra, `PAR${n}_LTXT`);
  const activity = text(operation, `LAR${n}`);
  const value = quantityValueOf(ctx, operation, `VGW${n}`, `VGE${n}`);
  if (value === undefined) return undefined;
  return {
    Parameter: {
      ID: { value: `VGW${n}` },
      Value: [value],
      Description: [{ value: label ?? `standard value ${n}` }],
      ...(activity === undefined
        ? {}
        : {
            Parameter: [
              {
                ID: { value: `LAR${n}` },
                Value: [stringValue(activity)],
                Description: [{ value: "activity type" }],
              },
            ],
          }),
    },
  };
}

function parameters(
  ctx: MapContext,
  operation: IdocSegment,
  extra: IdocSegment | undefined,
): ProductionParameterType[] {
  return [
    ...applyRows(ctx, operation, OPERATION_ROWS),
    ...STANDARD_VALUES.map((n) => standardValue(ctx, operation, extra, n)).filter((p) => p !== undefined),
    // activities still to be confirmed, with their units (E1AFVOL2, LOIPRO-MAP-029)
    ...applyRows(ctx, operation, TO_BE_CONFIRMED_ROWS),
    ...applyRows(ctx, operation, PHASE_ROWS),
  ];
}

function capacityProperty(
  ctx: MapContext,
  capacity: IdocSegment,
  index: number,
): EquipmentRequirementPropertyType {
  const quantities: QuantityValueType[] = [];
  for (const field of CAPACITY_FIELDS) {
    const quantity = quantityOf(ctx, capacity, field);
    if (quantity === undefined) continue;
    const unit = unitOf(ctx, capacity, "KEINH", field);
    if (unit !== undefined) quantities.push(quantityValue(quantity.lexical, unit, field));
  }
  const category = text(capacity, "KAPAR");
  return {
    ID: { value: `CAPACITY-${index}` },
    Description: [
      { value: `capacity requirement${category === undefined ? "" : ` of capacity category ${category}`}` },
    ],
    ...(category === undefined ? {} : { Value: [{ ...stringValue(category), Key: { value: "KAPAR" } }] }),
    ...(quantities.length === 0 ? {} : { Quantity: quantities }),
  };
}

function equipment(
  ctx: MapContext,
  operation: IdocSegment,
  capacityName: string,
): EquipmentRequirementType[] {
  const workCenter = text(operation, "ARBPL");
  const properties = children(operation, capacityName).map((c, i) => capacityProperty(ctx, c, i + 1));
  if (workCenter === undefined && properties.length === 0) return [];
  return [
    {
      ...(workCenter === undefined ? {} : { EquipmentID: [{ value: workCenter, schemeID: "ARBPL" }] }),
      ...(workCenter === undefined ? {} : { Description: [{ value: "work center" }] }),
      ...(properties.length === 0 ? {} : { EquipmentRequirementProperty: properties }),
    },
  ];
}

/**
 * Maps one operation or sub-operation; `undefined` when it is deleted (dropped with a warning) or its
 * ID is missing (an error).
 */
export function mapOperation(
  ctx: MapContext,
  operation: IdocSegment,
  scope: OperationScope,
): SegmentRequirementType | undefined {
  const sub = operation.name === "E1AFUVL";
  const idField = sub ? "UVORN" : "VORNR";
  const statuses = mapStatuses(ctx, operation, sub ? "E1JSTUL" : "E1JSTVL");
  const id = text(operation, idField);
  const deletedByFlag = text(operation, "LOEKZ") === "X";
  if (statuses.deleted || deletedByFlag) {
    const why = deletedByFlag ? "the deletion flag LOEKZ" : `status ${statuses.deletionStatuses.join(", ")}`;
    const components = children(operation, "E1RESBL").length;
    ctx.reads?.skip(
      operation,
      `${sub ? "sub-operation" : "operation"} ${id ?? "(no number)"} is deleted (${why}; LOIPRO-MAP-028)`,
    );
    ctx.issues.warn(
      sub ? "DELETED_SUB_OPERATION_DROPPED" : "DELETED_OPERATION_DROPPED",
      deletedByFlag ? fieldPath(operation, "LOEKZ") : operation.path,
      `${sub ? "sub-operation" : "operation"} ${id ?? "(no number)"} has ${why}; not passed on${components > 0 ? `, nor its ${components} component(s)` : ""}`,
    );
    return undefined;
  }
  if (
    required(ctx, operation, idField, sub ? "the sub-operation number" : "the operation number") === undefined
  )
    return undefined;
  const zone = text(operation, "WERKS") === undefined ? scope.zone : plantZone(ctx, operation, "WERKS");
  const plant = text(operation, "WERKS") ?? scope.plant;
  const start = dateTimeOf(ctx, operation, "FSAVD", "FSAVZ", zone);
  const end = firstDateTimeOf(
    ctx,
    operation,
    [
      ["SSEDD", "SSEDZ"],
      ["FSEDD", "FSEDZ"],
    ],
    zone,
  );
  const extra = children(operation, "E1AFVOL2")[0];
  const params = [
    ...parameters(ctx, operation, extra),
    ...(statuses.parameter === undefined ? [] : [statuses.parameter]),
  ];
  const { consumed, produced } = sub ? { consumed: [], produced: [] } : mapComponents(ctx, operation, plant);
  const subOperations = sub
    ? []
    : children(operation, "E1AFUVL")
        .map((s) => mapOperation(ctx, s, { plant, zone }))
        .filter((s) => s !== undefined);
  checkUnique(ctx, operation, "E1AFUVL", "UVORN");
  const meOperation = text(operation, "ME_OPERATION_ID");
  const description = text(operation, "LTXA1");
  const equipmentRequirements = equipment(ctx, operation, sub ? "E1KBEUL" : "E1KBEDL");
  return {
    ID: { value: id as string, schemeID: idField },
    ...(meOperation === undefined
      ? {}
      : { ProcessSegmentID: { value: meOperation, schemeID: "ME_OPERATION_ID" } }),
    ...(description === undefined ? {} : { Description: [{ value: description }] }),
    ...(start === undefined ? {} : { EarliestStartTime: { value: start } }),
    ...(end === undefined ? {} : { LatestEndTime: { value: end } }),
    ...(params.length === 0 ? {} : { ProductionParameter: params }),
    ...(equipmentRequirements.length === 0 ? {} : { EquipmentRequirement: equipmentRequirements }),
    ...(produced.length === 0 ? {} : { MaterialProducedRequirement: produced }),
    ...(consumed.length === 0 ? {} : { MaterialConsumedRequirement: consumed }),
    ...(subOperations.length === 0 ? {} : { SegmentRequirement: subOperations }),
    ...(statuses.state === undefined ? {} : { SegmentState: statuses.state }),
  };
}

/** Reports `DUPLICATE_ID` when two children named `name` share the key field (their IDs would clash). */
export function checkUnique(ctx: MapContext, parent: IdocSegment, name: string, field: string): void {
  const seen = new Map<string, IdocSegment>();
  for (const child of children(parent, name)) {
    const key = text(child, field);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, child);
    else
      ctx.issues.error(
        "DUPLICATE_ID",
        fieldPath(child, field),
        `${field} ${key} appears twice (first at ${first.path})`,
        {
          expected: `a ${field} unique among the ${name} segments`,
          received: key,
        },
      );
  }
}
