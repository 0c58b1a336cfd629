/**
 * One order (E1AFKOL) → one ProductionRequest (LOIPRO-MAP-010 … 017): the request carries the order
 * number, routing, plant, scheduled times, priority and state; one order-level SegmentRequirement
 * (ID = the order number) carries what B2MML only allows on a segment: the produced material, the
 * header parameters (order type and category, variant configuration, statuses without a state) and the
 * sequences with their operations.
 *
 * @module
 */
import type {
  MaterialProducedRequirementType,
  ProductionRequestType,
  RequestStateType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { quantityValue } from "../shared/b2mml-values.js";
import { applyRows } from "../shared/field-rules.js";
import {
  children,
  fieldState,
  firstDateTimeOf,
  materialOf,
  quantityOf,
  required,
  text,
  unitOf,
} from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { storageLocation } from "./components.js";
import { plantZone } from "./context.js";
import { checkDuplicateReservations } from "./duplicate-reservations.js";
import { isNumericPriority, ORDER_HEADER_ROWS, ORDER_ITEM_ROWS } from "./field-rows.js";
import { mapSequences } from "./sequences.js";
import { mapStatuses } from "./statuses.js";
import { mapVariantConfiguration } from "./variant-configuration.js";

export interface MappedOrder {
  readonly request: ProductionRequestType;
  readonly state: RequestStateType | undefined;
}

function producedMaterial(
  ctx: MapContext,
  source: IdocSegment,
  item: IdocSegment | undefined,
  quantityField: string,
  unitField: string,
  plant: string | undefined,
): MaterialProducedRequirementType | undefined {
  const material = materialOf(source) ?? (item === undefined ? undefined : materialOf(item));
  if (material === undefined) required(ctx, source, "MATNR", "the material to produce");
  if (fieldState(source, quantityField) === "empty")
    required(ctx, source, quantityField, "the quantity to produce");
  const quantity = quantityOf(ctx, source, quantityField);
  const unit = quantity === undefined ? undefined : unitOf(ctx, source, unitField, quantityField);
  if (material === undefined || quantity === undefined || unit === undefined) return undefined;
  if (quantity.negative)
    ctx.issues.error(
      "NEGATIVE_ORDER_QUANTITY",
      `${source.path}/${quantityField}`,
      "the quantity to produce is negative",
      {
        expected: "a quantity ≥ 0",
        received: quantity.lexical,
      },
    );
  const batch = item === undefined ? undefined : text(item, "CHARG");
  const location = storageLocation(plant, item === undefined ? undefined : text(item, "LGORT"));
  const properties = item === undefined ? [] : applyRows(ctx, item, ORDER_ITEM_ROWS);
  return {
    MaterialDefinitionID: [{ value: material }],
    ...(batch === undefined ? {} : { MaterialLotID: [{ value: batch, schemeID: "CHARG" }] }),
    ...(location === undefined ? {} : { Location: location }),
    Quantity: [quantityValue(quantity.magnitude, unit)],
    ...(properties.length === 0 ? {} : { MaterialProducedRequirementProperty: properties }),
  };
}

export function mapOrder(ctx: MapContext, header: IdocSegment): MappedOrder | undefined {
  const aufnr = required(ctx, header, "AUFNR", "the order number");
  const plant = required(ctx, header, "WERKS", "the plant");
  const zone = plantZone(ctx, header, "WERKS");
  const statuses = mapStatuses(ctx, header, "E1JSTKL");
  const items = children(header, "E1AFPOL");
  const produced: MaterialProducedRequirementType[] = [];
  const main = producedMaterial(ctx, header, items[0], "GAMNG", "GMEIN", plant);
  if (main !== undefined) produced.push(main);
  for (const item of items.slice(1)) {
    const extra = producedMaterial(
      ctx,
      item,
      item,
      "PSMNG",
      text(item, "AMEIN") === undefined ? "MEINS" : "AMEIN",
      plant,
    );
    if (extra !== undefined) produced.push(extra);
  }
  const start = firstDateTimeOf(
    ctx,
    header,
    [
      ["GSTRS", "GSUZS"],
      ["GSTRP", "GSUZP"],
    ],
    zone,
  );
  const end = firstDateTimeOf(
    ctx,
    header,
    [
      ["GLTRS", "GLUZS"],
      ["GLTRP", "GLUZP"],
    ],
    zone,
  );
  const sequences = mapSequences(ctx, header, { plant, zone });
  checkDuplicateReservations(ctx, header);
  const parameters = [
    ...applyRows(ctx, header, ORDER_HEADER_ROWS),
    ...mapVariantConfiguration(ctx, header),
    ...(statuses.parameter === undefined ? [] : [statuses.parameter]),
  ];
  if (aufnr === undefined) return undefined;
  const routing = text(header, "PLNNR");
  const routingCounter = text(header, "PLNAL");
  const priority = text(header, "APRIO");
  const request: ProductionRequestType = {
    ID: { value: aufnr, schemeID: "AUFNR", schemeAgencyID: "SAP" },
    ...(routing === undefined
      ? {}
      : {
          ProductProductionRuleIDGroup: [
            {
              ProductProductionRuleID: { value: routing, schemeID: "PLNNR" },
              ...(routingCounter === undefined
                ? {}
                : { Version: { value: routingCounter, schemeID: "PLNAL" } }),
            },
          ],
        }),
    ...(plant === undefined
      ? {}
      : {
          HierarchyScope: {
            EquipmentID: { value: plant, schemeID: "WERKS" },
            EquipmentElementLevel: { value: "Site" },
          },
        }),
    ...(start === undefined ? {} : { StartTime: { value: start } }),
    ...(end === undefined ? {} : { EndTime: { value: end } }),
    ...(priority !== undefined && isNumericPriority(priority) ? { Priority: { value: priority } } : {}),
    SegmentRequirement: [
      {
        ID: { value: aufnr, schemeID: "AUFNR" },
        Description: [{ value: "order" }],
        ...(parameters.length === 0 ? {} : { ProductionParameter: parameters }),
        ...(produced.length === 0 ? {} : { MaterialProducedRequirement: produced }),
        ...(sequences.length === 0 ? {} : { SegmentRequirement: sequences }),
      },
    ],
    ...(statuses.state === undefined ? {} : { RequestState: statuses.state }),
  };
  if (statuses.state === undefined)
    ctx.issues.warn(
      "STATE_UNDETERMINED",
      `${header.path}/E1JSTKL`,
      `order ${aufnr} has no status with a state in the status table; RequestState is left out`,
    );
  return { request, state: statuses.state };
}
