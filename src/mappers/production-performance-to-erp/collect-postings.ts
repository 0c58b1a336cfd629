/**
 * One ProductionResponse → its time tickets and goods-movement items (PERF-POST-010 … 036): the
 * segment walk, the classification of the material actuals, and the SAP fields of each posting.
 * This module resolves the order, plant and time zone of the response and hands the segment tree to
 * `walk-segments.ts`; material actuals are classified in `classify-material.ts`, time tickets built in
 * `time-tickets.ts` and `activity-slots.ts`.
 *
 * @module
 */
import type { ProductionPerformanceType, ProductionResponseType } from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import { findOrderContext } from "./order-context.js";
import { own } from "./own.js";
import {
  type DateCandidate,
  dateCandidate,
  first,
  type MovementDraft,
  type Scope,
  type TicketDraft,
} from "./posting-scope.js";
import { type FieldContext, sapAlpha } from "./sap-fields.js";
import { carry } from "./source-account.js";
import { walk } from "./walk-segments.js";

export { MOVEMENT_TYPES } from "./classify-material.js";
export type { MovementDraft, TicketDraft } from "./posting-scope.js";

export interface ResponsePostings {
  readonly responseId: string;
  readonly path: string;
  readonly order: string;
  readonly plant: string;
  readonly tickets: TicketDraft[];
  readonly movements: MovementDraft[];
}

type PlantScope =
  | { EquipmentID: { schemeID?: string; value: string }; HierarchyScope?: unknown; Location?: unknown }
  | undefined;

/** The first EquipmentID schemeID="WERKS" of the Location / HierarchyScope chains, with its XPath. */
function plantOf(
  ...scopes: { readonly scope: PlantScope; readonly path: string }[]
): { readonly plant: string; readonly path: string } | undefined {
  for (const { scope, path } of scopes) {
    let s: PlantScope = scope;
    let p = path;
    while (s !== undefined) {
      if (s.EquipmentID.schemeID === "WERKS")
        return { plant: s.EquipmentID.value.trim(), path: `${p}/EquipmentID` };
      const next = s.Location !== undefined ? "Location" : "HierarchyScope";
      s = (s.Location ?? s.HierarchyScope) as PlantScope;
      p = `${p}/${next}`;
    }
  }
  return undefined;
}

/** Maps one ProductionResponse; errors are collected in `ctx.issues`. */
export function collectResponse(
  ctx: FieldContext,
  performance: ProductionPerformanceType,
  response: ProductionResponseType,
  path: string,
  fallbackDate: DateCandidate | undefined,
  orderContext: IdocPacket | undefined,
  performancePath: string,
): ResponsePostings | undefined {
  const responseId = response.ID?.value.trim() ?? "";
  const orderText = response.ProductionRequestID?.value;
  if (orderText === undefined || orderText.trim() === "") {
    ctx.issues.error(
      "MISSING_ORDER",
      `${path}/ProductionRequestID`,
      "the response names no production order (ORDERID)",
    );
    return undefined;
  }
  const order = sapAlpha(ctx, orderText, 12, `${path}/ProductionRequestID`, "ORDERID");
  if (order === undefined) return undefined;
  const context = findOrderContext(orderContext, orderText);
  if (orderContext !== undefined && context === undefined)
    ctx.issues.warn(
      "ORDER_NOT_IN_CONTEXT",
      `${path}/ProductionRequestID`,
      `the order context has no order ${orderText.trim()}`,
    );
  const fromDocument = plantOf(
    { scope: response.Location, path: `${path}/Location` },
    { scope: response.HierarchyScope, path: `${path}/HierarchyScope` },
    { scope: performance.Location, path: `${performancePath}/Location` },
    { scope: performance.HierarchyScope, path: `${performancePath}/HierarchyScope` },
  );
  const plant = first(fromDocument?.plant, context?.plant, ctx.config.postings.plant);
  if (plant === undefined) {
    ctx.issues.error(
      "MISSING_PLANT",
      `${path}`,
      "no plant: give a Location or HierarchyScope with EquipmentID schemeID=WERKS, postings.plant, or --order-context",
    );
    return undefined;
  }
  const zone = own(ctx.config.plants, plant)?.timeZone;
  if (zone === undefined) {
    ctx.issues.error(
      "MISSING_TIME_ZONE",
      `${path}`,
      `plant ${plant} has no time zone in the configuration (plants.${plant})`,
    );
    return undefined;
  }
  const scope: Scope = { ctx, order, plant, zone, context, tickets: [], movements: [] };
  const responseDate = first(
    dateCandidate(response.EndTime?.value, `${path}/EndTime`),
    dateCandidate(response.StartTime?.value, `${path}/StartTime`),
    fallbackDate,
  );
  carry(
    ctx.carried,
    `${path}/ProductionRequestID`,
    response.ID === undefined ? undefined : `${path}/ID`,
    ...(fromDocument === undefined ? [] : [fromDocument.path, `${fromDocument.path}/@schemeID`]),
  );
  walk(scope, response.SegmentResponse, path, undefined, [], responseDate);
  return { responseId, path, order, plant, tickets: scope.tickets, movements: scope.movements };
}
