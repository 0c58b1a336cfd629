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
import { mapStatuses } from "./statuses.js";

/** Where an operation sits: its order's plant and zone. */
export interface OperationScope {
  readonly plant: string | undefined;
  readonly zone: string | undefined;
}

const STANDARD_VALUES = ["01", "02", "03", "04", "05", "06"] as const;
/** Capacity requirement quantities passed on (LOIPRO-MAP-025), with their meaning. */
const CAPACITY_FIELDS = ["KRUESOLL", "KBEASOLL", "KABRSOLL", "KRUEREST", "KBEAREST", "KABRREST"] as const;

/** A quantity parameter `ID` = value in unit; `undefined` (with errors reported) when it cannot be mapped. */
function quantityParameter(
  ctx: MapContext,
  segment: IdocSegment,
  field: string,
  unitField: string,
  description: string | undefined,
  nested: ProductionParameterType["Parameter"][] = [],
): ProductionParameterType | undefined {
  const quantity = quantityOf(ctx, segment, field);
  if (quantity === undefined) return undefined;
  // a zero standard value without a unit carries nothing (LOIPRO-MAP-024)
  if (text(segment, unitField) === undefined && !/[1-9]/.test(quantity.magnitude)) return undefined;
  const unit = unitOf(ctx, segment, unitField, field);
  if (unit === undefined) return undefined;
  const nestedParameters = nested.filter((p) => p !== undefined);
  return {
    Parameter: {
      ID: { value: field },
      Value: [
        {
          ValueString: { value: quantity.lexical, unitCode: unit },
          DataType: { value: "decimal" },
          UnitOfMeasure: { value: unit },
        },
      ],
      ...(description === undefined ? {} : { Description: [{ value: description }] }),
      ...(nestedParameters.length === 0 ? {} : { Parameter: nestedParameters }),
    },
  };
}

function codeParameter(
  segment: IdocSegment,
  field: string,
  description: string,
): ProductionParameterType | undefined {
  const value = text(segment, field);
  if (value === undefined) return undefined;
  return {
    Parameter: { ID: { value: field }, Value: [stringValue(value)], Description: [{ value: description }] },
  };
}

function parameters(
  ctx: MapContext,
  operation: IdocSegment,
  extra: IdocSegment | undefined,
): ProductionParameterType[] {
  const list: (ProductionParameterType | undefined)[] = [
    codeParameter(operation, "STEUS", "control key"),
    codeParameter(extra ?? operation, "RUECK", "confirmation number") ??
      codeParameter(operation, "RUECK", "confirmation number"),
    codeParameter(operation, "VGWTS", "standard value key"),
    quantityParameter(ctx, operation, "MGVRG", "MEINH", "operation quantity"),
    quantityParameter(ctx, operation, "BMSCH", "MEINH", "base quantity of the standard values"),
  ];
  for (const n of STANDARD_VALUES) {
    const label = extra === undefined ? undefined : text(extra, `PAR${n}_LTXT`);
    const activity = text(operation, `LAR${n}`);
    const nested =
      activity === undefined
        ? []
        : [
            {
              ID: { value: `LAR${n}` },
              Value: [stringValue(activity)],
              Description: [{ value: "activity type" }],
            },
          ];
    list.push(
      quantityParameter(ctx, operation, `VGW${n}`, `VGE${n}`, label ?? `standard value ${n}`, nested),
    );
  }
  // activities still to be confirmed, with their units (E1AFVOL2, LOIPRO-MAP-029)
  if (extra !== undefined)
    for (const n of STANDARD_VALUES) {
      const index = Number(n);
      list.push(
        quantityParameter(
          ctx,
          extra,
          `TO_BE_CONF_ACTIVITY${index}`,
          `TO_BE_CONF_ACT_UOM${index}`,
          `activity ${n} still to be confirmed`,
        ),
      );
    }
  const superior = text(operation, "PVZNR") ?? text(operation, "SUMNR");
  if (superior !== undefined)
    list.push({
      Parameter: {
        ID: { value: "SUPERIOR_OPERATION" },
        Value: [stringValue(superior)],
        Description: [{ value: "phase of the superior operation (PVZNR/SUMNR)" }],
      },
    });
  return list.filter((p) => p !== undefined);
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
