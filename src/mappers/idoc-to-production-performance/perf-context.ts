/**
 * What every part of the performance mapping shares: the shared mapping context (configuration tables,
 * issue collector), the order context, the personnel activity slots, and the orders being collected.
 *
 * @module
 */
import type { IdocSegment } from "../../idoc/model.js";
import { fieldPath, quantityOf, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import type { ExactQuantity } from "../units/quantity.js";
import { contextOperation, type OrderContext } from "./order-context.js";
import type { OrderDraft, SegmentDraft } from "./values.js";

export interface PerfContext extends MapContext {
  readonly orderContext: OrderContext;
  /** Activity slots reported on personnel (configuration `activities.personnel`). */
  readonly personnelSlots: ReadonlySet<number>;
  /** Orders in the order they are first met. */
  readonly orders: Map<string, OrderDraft>;
}

/** An operation number as SAP keeps VORNR: digits zero-padded to 4 (PERF-MAP-021). */
export function operationNumber(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[0-9]{1,4}$/.test(value) ? value.padStart(4, "0") : value;
}

/** The zone of a plant; reports `MISSING_TIME_ZONE` at `path` (PERF-MAP-012). */
export function zoneOfPlant(ctx: PerfContext, plant: string, path: string): string | undefined {
  const plants = ctx.config.plants;
  const zone = Object.hasOwn(plants, plant) ? plants[plant]?.timeZone : undefined;
  if (zone === undefined)
    ctx.issues.error(
      "MISSING_TIME_ZONE",
      path,
      `plant ${plant} has no time zone in the configuration's "plants"`,
      {
        expected: `plants.${plant}.timeZone`,
        received: plant,
      },
    );
  return zone;
}

/** The plant of a record: its own field, else the context's operation or order plant; required. */
export function plantOf(
  ctx: PerfContext,
  segment: IdocSegment,
  field: string,
  order: string,
  operation: string | undefined,
  sequence?: string,
): { plant: string; zone: string | undefined } | undefined {
  const own = text(segment, field);
  const known = ctx.orderContext.orders.get(order);
  const plant =
    own ??
    (operation === undefined ? undefined : contextOperation(known, operation, sequence)?.plant) ??
    known?.plant;
  if (plant === undefined) {
    ctx.issues.error(
      "MISSING_FIELD",
      fieldPath(segment, field),
      `the plant (${field}) is missing and no order context gives it`,
      {
        expected: "a plant",
        received: segment.raw[field] ?? "",
      },
    );
    return undefined;
  }
  return { plant, zone: zoneOfPlant(ctx, plant, fieldPath(segment, field)) };
}

/** The draft of an order's response, created on first use. */
export function orderDraft(ctx: PerfContext, order: string, plant: string | undefined): OrderDraft {
  let draft = ctx.orders.get(order);
  if (draft === undefined) {
    draft = { order, plant, segments: new Map() };
    ctx.orders.set(order, draft);
  } else if (draft.plant === undefined) draft.plant = plant;
  return draft;
}

/**
 * The draft of a segment response: one per operation (`0010`, `<sequence>/0010` outside the standard
 * sequence, `0010/<sub-operation>`), or the order-level one (ID = the order number) for goods movements
 * without an operation (PERF-MAP-020, 021).
 */
export function segmentDraft(
  ctx: PerfContext,
  order: OrderDraft,
  operation: string | undefined,
  sequence?: string,
  subOperation?: string,
): SegmentDraft {
  const standard = sequence === undefined || /^0*$/.test(sequence);
  const id =
    operation === undefined
      ? order.order
      : [
          ...(standard ? [] : [sequence]),
          operation,
          ...(subOperation === undefined ? [] : [subOperation]),
        ].join("/");
  let draft = order.segments.get(id);
  if (draft === undefined) {
    const known =
      operation === undefined
        ? undefined
        : contextOperation(ctx.orderContext.orders.get(order.order), operation, sequence);
    draft = {
      id,
      schemeId:
        operation === undefined
          ? "AUFNR"
          : [...(standard ? [] : ["PLNFL"]), "VORNR", ...(subOperation === undefined ? [] : ["UVORN"])].join(
              "/",
            ),
      order: order.order,
      description: operation === undefined ? "order" : known?.description,
      processSegmentId: known?.processSegmentId,
      starts: [],
      ends: [],
      productionData: [],
      personnel: [],
      equipment: [],
      produced: [],
      consumed: [],
      confirmations: [],
    };
    order.segments.set(id, draft);
  }
  return draft;
}

/**
 * A quantity field as an exact decimal (PERF-MAP-007): `undefined` when absent; a value the reader could
 * not normalize (left out of `fields`, kept in `raw`) or that is no plain decimal is `INVALID_QUANTITY`;
 * when `mandatory`, absence is `MISSING_FIELD`.
 */
export function exactQuantityOf(
  ctx: PerfContext,
  segment: IdocSegment,
  field: string,
  mandatory: boolean,
): ExactQuantity | undefined {
  if (text(segment, field) === undefined) {
    const raw = (segment.raw[field] ?? "").trim();
    if (raw !== "")
      ctx.issues.error("INVALID_QUANTITY", fieldPath(segment, field), `${field} is not a decimal quantity`, {
        expected: "a decimal number such as 12.345",
        received: segment.raw[field] ?? "",
      });
    else if (mandatory)
      ctx.issues.error("MISSING_FIELD", fieldPath(segment, field), `the quantity (${field}) is missing`, {
        expected: `a value in ${field}`,
        received: segment.raw[field] ?? "",
      });
    return undefined;
  }
  return quantityOf(ctx, segment, field);
}
