/**
 * PP-PDC time tickets (PPCC2PRETTICKET01/02) and goods movements (MBGMCR02/03/04), optionally with the
 * LOIPRO of the orders as context → a validated B2MML V0600 SyncProductionPerformance (default) or
 * ProcessProductionPerformance. The rules, each with its requirement ID, are in
 * `docs/mapping-performance.md`.
 *
 * ```ts
 * import { mapIdocsToProductionPerformance } from "b2mml/mappers";
 * const result = mapIdocsToProductionPerformance([ticketPacket, movementPacket], config, { orderContext });
 * if (result.ok) send(result.xml);
 * else for (const e of result.errors) log(formatMapIssue(e)); // `path: code message`
 * ```
 *
 * @module
 */
import { compareXsdDateTime } from "../../binding/lexical/index.js";
import type {
  ProcessProductionPerformanceType,
  ProductionPerformanceType,
  ProductionResponseType,
  ResponseStateType,
  SegmentResponseType,
  SyncProductionPerformanceType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocDocument, IdocPacket, IdocSegment } from "../../idoc/model.js";
import { prefixIssuePath } from "../../shared/issue.js";
import type { MapperConfig } from "../config/mapper-config.js";
import type { DocumentMapResult } from "../shared/document-result.js";
import type { MapContext } from "../shared/map-context.js";
import { mapToDocument } from "../shared/map-to-document.js";
import type { IdocToDocumentMapping, MappedDocument, MappingSource } from "../shared/mapping-descriptor.js";
import { mapApplicationArea } from "./application-area.js";
import { mapGoodsMovement } from "./goods-movements.js";
import { buildOrderContext } from "./order-context.js";
import type { PerfContext } from "./perf-context.js";
import { mapTimeTicket, timeTicketsOf } from "./time-tickets.js";
import type { OrderDraft, SegmentDraft } from "./values.js";

export { MOVEMENT_TYPES } from "./goods-movements.js";

/** One input: a packet as the reader returns it, optionally named (the name prefixes its IDoc paths). */
export type PerformanceInput = IdocPacket | { readonly name: string; readonly packet: IdocPacket };

export interface PerformanceMapOptions {
  /** The BOD verb. @default "Sync" */
  readonly verb?: "Sync" | "Process";
  /** The LOIPRO IDoc(s) of the confirmed orders, for look-ups only (PERF-MAP-030). */
  readonly orderContext?: IdocPacket;
}

export type PerformanceMapResult = DocumentMapResult<
  SyncProductionPerformanceType | ProcessProductionPerformanceType
>;

/** The segment types the performance mapping maps; fields of any other segment are `segment-not-mapped`. */
export const PERFORMANCE_MAPPED_SEGMENTS: ReadonlySet<string> = new Set([
  "E1PPCC2PRETTICKET",
  "E1BP_PP_TIMETICKET",
  "E1MBGMCR",
  "E1BP2017_GM_HEAD_01",
  "E1BP2017_GM_CODE",
  "E1BP2017_GM_ITEM_CREATE",
]);

/** The performance mapping's descriptor: what it reads and writes, and its pure `map`. */
export const IDOCS_TO_PRODUCTION_PERFORMANCE: IdocToDocumentMapping<
  PerformanceMapOptions,
  ProductionPerformanceType
> = {
  id: "idoc-to-production-performance",
  messageTypes: ["PPCC2PRETTICKET", "MBGMCR"],
  noun: "ProductionPerformance",
  defaultVerb: "Sync",
  mappedSegments: PERFORMANCE_MAPPED_SEGMENTS,
  emptyMessage: "the input holds no IDoc",
  map: mapPerformance,
};

/**
 * Maps time-ticket and goods-movement IDocs (one or more packets) to one ProductionPerformance with one
 * ProductionResponse per order. Never throws on bad input: every problem is collected, and any error
 * means no document.
 *
 * @throws {Error} only on a bug: when the document built does not validate against the V0600 profile
 */
export function mapIdocsToProductionPerformance(
  inputs: PerformanceInput | readonly PerformanceInput[],
  config: MapperConfig,
  options: PerformanceMapOptions = {},
): PerformanceMapResult {
  const list = (Array.isArray(inputs) ? inputs : [inputs]) as readonly PerformanceInput[];
  const contextErrors = (options.orderContext?.issues ?? [])
    .filter((i) => i.severity === "error")
    .map((i) => prefixIssuePath(i, "order-context:"));
  return mapToDocument(IDOCS_TO_PRODUCTION_PERFORMANCE, combine(list), config, options, contextErrors);
}

/** One ProductionResponse per order, then the ApplicationArea. */
function mapPerformance(
  { view, received }: MappingSource,
  base: MapContext,
  options: PerformanceMapOptions,
): MappedDocument<ProductionPerformanceType> | undefined {
  const ctx: PerfContext = {
    ...base,
    orderContext: buildOrderContext(options.orderContext, base.issues),
    personnelSlots: new Set(base.config.activities?.personnel ?? []),
    orders: new Map(),
  };
  for (const idoc of view.idocs) mapIdoc(ctx, idoc);
  const firstPlant = [...ctx.orders.values()].find((o) => o.plant !== undefined)?.plant;
  const applicationArea = mapApplicationArea(ctx, received, firstPlant);
  if (applicationArea === undefined) return undefined;
  return { applicationArea, noun: { ProductionResponse: [...ctx.orders.values()].map(responseOf) } };
}

/** Dispatches one IDoc by its message type (PERF-MAP-005). */
function mapIdoc(ctx: PerfContext, idoc: IdocDocument): void {
  const messageType = idoc.messageType || idoc.control.MESTYP || "";
  const kind =
    messageType === "PPCC2PRETTICKET" || (messageType === "" && idoc.basicType.startsWith("PPCC2PRETTICKET"))
      ? "tickets"
      : messageType === "MBGMCR" || (messageType === "" && idoc.basicType.startsWith("MBGMCR"))
        ? "movements"
        : undefined;
  if (kind === undefined) {
    ctx.issues.error(
      "UNSUPPORTED_MESSAGE_TYPE",
      `${idoc.path}/EDI_DC40/MESTYP`,
      "neither a time-ticket nor a goods-movement IDoc",
      {
        expected: "PPCC2PRETTICKET or MBGMCR",
        received: messageType,
      },
    );
    return;
  }
  if (kind === "movements") {
    mapGoodsMovement(ctx, idoc);
    return;
  }
  const tickets = timeTicketsOf(idoc);
  if (tickets.length === 0)
    ctx.issues.error("MISSING_SEGMENT", `${idoc.path}/E1BP_PP_TIMETICKET`, "the IDoc holds no time ticket", {
      expected: "E1BP_PP_TIMETICKET under IDOC or E1PPCC2PRETTICKET",
      received: "0",
    });
  for (const [i, ticket] of tickets.entries()) mapTimeTicket(ctx, idoc, ticket, i + 1);
}

/** Earliest (`-1`) or latest (`1`) of dateTimes with offsets. */
function extreme(values: readonly string[], direction: -1 | 1): string | undefined {
  let best: string | undefined;
  for (const v of values) if (best === undefined || compareXsdDateTime(v, best) === direction) best = v;
  return best;
}

/** The SegmentState of an operation's confirmations (PERF-MAP-047). */
function stateOf(draft: SegmentDraft): ResponseStateType | undefined {
  if (draft.confirmations.length === 0) return undefined;
  if (draft.confirmations.includes("X")) return { value: "Completed" };
  if (draft.confirmations.includes("1")) return { value: "Other", OtherValue: "AutomaticFinalConfirmation" };
  return { value: "Running" };
}

function segmentOf(draft: SegmentDraft): SegmentResponseType {
  const start = extreme(draft.starts, -1);
  const end = extreme(draft.ends, 1);
  const state = stateOf(draft);
  return {
    ID: { value: draft.id, schemeID: draft.schemeId },
    ...(draft.processSegmentId === undefined
      ? {}
      : { ProcessSegmentID: [{ value: draft.processSegmentId, schemeID: "ME_OPERATION_ID" }] }),
    ...(draft.description === undefined ? {} : { Description: [{ value: draft.description }] }),
    ...(start === undefined ? {} : { ActualStartTime: { value: start } }),
    ...(end === undefined ? {} : { ActualEndTime: { value: end } }),
    ...(draft.productionData.length === 0 ? {} : { ProductionData: draft.productionData }),
    ...(draft.personnel.length === 0 ? {} : { PersonnelActual: draft.personnel }),
    ...(draft.equipment.length === 0 ? {} : { EquipmentActual: draft.equipment }),
    ...(draft.produced.length === 0 ? {} : { MaterialProducedActual: draft.produced }),
    ...(draft.consumed.length === 0 ? {} : { MaterialConsumedActual: draft.consumed }),
    ...(state === undefined ? {} : { SegmentState: state }),
  };
}

/** One ProductionResponse per order (PERF-MAP-010 … 012). */
function responseOf(order: OrderDraft): ProductionResponseType {
  const segments = [...order.segments.values()];
  const start = extreme(
    segments.flatMap((s) => s.starts),
    -1,
  );
  const end = extreme(
    segments.flatMap((s) => s.ends),
    1,
  );
  return {
    ID: { value: order.order, schemeID: "AUFNR" },
    ProductionRequestID: { value: order.order, schemeID: "AUFNR" },
    ...(order.plant === undefined
      ? {}
      : {
          HierarchyScope: {
            EquipmentID: { value: order.plant, schemeID: "WERKS" },
            EquipmentElementLevel: { value: "Site" },
          },
        }),
    ...(start === undefined ? {} : { StartTime: { value: start } }),
    ...(end === undefined ? {} : { EndTime: { value: end } }),
    SegmentResponse: segments.map(segmentOf),
  };
}

/** All inputs as one packet; a named input's IDoc paths are prefixed with `<name>:` when there are several. */
function combine(inputs: readonly PerformanceInput[]): IdocPacket {
  const named = inputs.map((input, i) =>
    "packet" in input ? input : { name: `input[${i + 1}]`, packet: input },
  );
  if (named.length === 1) return (named[0] as { packet: IdocPacket }).packet;
  return {
    idocs: named.flatMap(({ name, packet }) =>
      packet.idocs.map((idoc) => ({
        ...idoc,
        path: `${name}:${idoc.path}`,
        segments: idoc.segments.map((s) => prefixed(s, `${name}:`)),
      })),
    ),
    issues: named.flatMap(({ name, packet }) => packet.issues.map((i) => prefixIssuePath(i, `${name}:`))),
  };
}

function prefixed(segment: IdocSegment, prefix: string): IdocSegment {
  return {
    ...segment,
    path: `${prefix}${segment.path}`,
    segments: segment.segments.map((s) => prefixed(s, prefix)),
  };
}
