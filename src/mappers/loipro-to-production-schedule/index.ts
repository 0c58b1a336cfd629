/**
 * LOIPRO (LOIPRO01 … LOIPRO05 and their extensions) → a validated B2MML V0600 ProcessProductionSchedule
 * or SyncProductionSchedule. The mapping rules, each with its requirement ID, are in
 * `docs/mapping-loipro.md`.
 *
 * ```ts
 * import { mapLoiproToProductionSchedule } from "b2mml/mappers";
 * const result = mapLoiproToProductionSchedule(packet, config);
 * if (result.ok) send(result.xml);
 * else for (const e of result.errors) log(formatMapIssue(e)); // `path: code message`
 * ```
 *
 * @module
 */

import { explainXsdDateTime, parseXsdDateTime } from "../../binding/lexical/index.js";
import type {
  ProcessProductionScheduleType,
  ProductionRequestType,
  ProductionScheduleType,
  RequestStateType,
  SyncProductionScheduleType,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import type { MapperConfig } from "../config/mapper-config.js";
import type { DocumentMapResult } from "../shared/document-result.js";
import type { MapContext } from "../shared/map-context.js";
import { mapToDocument } from "../shared/map-to-document.js";
import type { IdocToDocumentMapping, MappedDocument, MappingSource } from "../shared/mapping-descriptor.js";
import { mapApplicationArea } from "./application-area.js";
import { mapOrder } from "./order.js";

export interface MapOptions {
  /** The BOD verb. @default "Process" */
  readonly verb?: "Process" | "Sync";
  /**
   * The creation time to use when the control record has no CREDAT (e.g. non-SAP senders): an
   * `xs:dateTime` with offset, given by the caller (the receive time, say). Never used when CREDAT is
   * there. Without it, a missing CREDAT is an error.
   */
  readonly creationDateTime?: string;
}

export type MapResult = DocumentMapResult<ProcessProductionScheduleType | SyncProductionScheduleType>;

/** The segment types the LOIPRO mapping maps; fields of any other segment are `segment-not-mapped`. */
export const LOIPRO_MAPPED_SEGMENTS: ReadonlySet<string> = new Set([
  "E1AFKOL",
  "E1AFPOL",
  "E1AFFLL",
  "E1AFVOL",
  "E1AFVOL2",
  "E1AFUVL",
  "E1RESBL",
  "E1KBEDL",
  "E1KBEUL",
  "E1JSTKL",
  "E1JSTVL",
  "E1JSTUL",
  "E1VCCHR",
  "E1VCCHT",
]);

export { RELEASE_ID } from "../shared/map-to-document.js";

/** The LOIPRO mapping's descriptor: what it reads and writes, and its pure `map`. */
export const LOIPRO_TO_PRODUCTION_SCHEDULE: IdocToDocumentMapping<MapOptions, ProductionScheduleType> = {
  id: "loipro-to-production-schedule",
  messageTypes: ["LOIPRO"],
  noun: "ProductionSchedule",
  defaultVerb: "Process",
  mappedSegments: LOIPRO_MAPPED_SEGMENTS,
  emptyMessage: "the packet holds no IDoc",
  checkOptions: (options, ctx) => {
    const given = options.creationDateTime;
    if (
      given !== undefined &&
      (explainXsdDateTime(given) !== undefined || parseXsdDateTime(given).offsetMinutes === undefined)
    )
      ctx.issues.error("INVALID_OPTION", "options.creationDateTime", "not an xs:dateTime with an offset", {
        expected: "e.g. 2026-03-29T08:00:00+02:00",
        received: given,
      });
  },
  map: mapOrders,
};

/**
 * Maps a packet of LOIPRO IDocs (one order each) to one ProductionSchedule document with one
 * ProductionRequest per order. Never throws on bad input: every problem is collected, and any error
 * means no document.
 *
 * @throws {Error} only on a bug: when the document built does not validate against the V0600 profile
 */
export function mapLoiproToProductionSchedule(
  packet: IdocPacket,
  config: MapperConfig,
  options: MapOptions = {},
): MapResult {
  return mapToDocument(LOIPRO_TO_PRODUCTION_SCHEDULE, packet, config, options);
}

/** One ProductionRequest per IDoc (LOIPRO-MAP-005), then the ApplicationArea. */
function mapOrders(
  { view, received }: MappingSource,
  ctx: MapContext,
  options: MapOptions,
): MappedDocument<ProductionScheduleType> | undefined {
  const { issues } = ctx;
  const requests: ProductionRequestType[] = [];
  const states: (RequestStateType | undefined)[] = [];
  const orders = new Map<string, string>();
  for (const idoc of view.idocs) {
    const messageType = idoc.messageType || idoc.control.MESTYP || "";
    if (messageType !== "LOIPRO" && !(messageType === "" && idoc.basicType.startsWith("LOIPRO")))
      issues.error(
        "UNSUPPORTED_MESSAGE_TYPE",
        `${idoc.path}/EDI_DC40/MESTYP`,
        "not a production order IDoc",
        {
          expected: "LOIPRO",
          received: messageType,
        },
      );
    const headers = idoc.segments.filter((s) => s.name === "E1AFKOL");
    if (headers.length !== 1) {
      issues.error(
        "MISSING_SEGMENT",
        `${idoc.path}/E1AFKOL`,
        "an IDoc holds exactly one order header E1AFKOL",
        {
          expected: "1 E1AFKOL",
          received: `${headers.length}`,
        },
      );
      continue;
    }
    const header = headers[0];
    if (header === undefined) continue;
    const mapped = mapOrder(ctx, header);
    if (mapped === undefined) continue;
    const id = mapped.request.ID?.value ?? "";
    const first = orders.get(id);
    if (first !== undefined)
      issues.error(
        "DUPLICATE_ORDER",
        `${header.path}/AUFNR`,
        `order ${id} appears twice in the packet (first in ${first})`,
        {
          expected: "each order once per packet",
          received: id,
        },
      );
    orders.set(id, idoc.path);
    requests.push(mapped.request);
    states.push(mapped.state);
  }
  const applicationArea = mapApplicationArea(ctx, received, options.creationDateTime);
  if (applicationArea === undefined) return undefined;
  const scheduleState = commonState(states);
  return {
    applicationArea,
    noun: {
      ProductionRequest: requests,
      ...(scheduleState === undefined ? {} : { ScheduleState: scheduleState }),
    },
  };
}

/** The ScheduleState (LOIPRO-MAP-062): the orders' common state; none when they differ or one has none. */
function commonState(states: readonly (RequestStateType | undefined)[]): RequestStateType | undefined {
  const [first, ...rest] = states;
  if (first === undefined) return undefined;
  const same = rest.every(
    (s) => s !== undefined && s.value === first.value && s.OtherValue === first.OtherValue,
  );
  return same ? first : undefined;
}
