/**
 * LOIPRO (LOIPRO01 … LOIPRO05 and their extensions) → a validated B2MML V0600 ProcessProductionSchedule
 * or SyncProductionSchedule. The mapping rules, each with its requirement ID, are in
 * `docs/mapping-loipro.md`.
 *
 * ```ts
 * import { mapLoiproToProductionSchedule } from "b2mml/mappers";
 * const result = mapLoiproToProductionSchedule(packet, config);
 * if (result.ok) send(result.xml);
 * else for (const e of result.errors) log(`${e.path}: ${e.code} ${e.message}`);
 * ```
 *
 * @module
 */

import { explainXsdDateTime, parseXsdDateTime } from "../../binding/lexical/index.js";
import { rootOf } from "../../binding/schema-index.js";
import { write } from "../../binding/write.js";
import {
  type ProcessProductionScheduleType,
  type ProductionRequestType,
  type ProductionScheduleType,
  type RequestStateType,
  type SyncProductionScheduleType,
  schemaSet,
} from "../../generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../idoc/model.js";
import { validateXsd } from "../../validation/validate-xsd.js";
import { type MapperConfig, parseMapperConfig } from "../config/mapper-config.js";
import { IssueCollector } from "../issues.js";
import type { DocumentMapResult } from "../shared/document-result.js";
import { createContext } from "../shared/map-context.js";
import { reportUnreadable, trackReads } from "../shared/track-reads.js";
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

/** The profile's release attribute written on the document. */
export const RELEASE_ID = "6.0";

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
  const issues = new IssueCollector();
  for (const issue of packet.issues) {
    const { code, message, path } = issue;
    if (issue.severity === "error") issues.error(code, path, message);
    else issues.warn(code, path, message);
  }
  const checked = parseMapperConfig(config);
  if (!checked.ok) {
    for (const e of checked.errors)
      issues.error(e.code, `config:${e.path}`, e.message, { expected: e.expected, received: e.received });
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped: [] };
  }
  const verb = options.verb ?? "Process";
  if (verb !== "Process" && verb !== "Sync")
    issues.error("INVALID_OPTION", "options.verb", "the verb must be Process or Sync", {
      expected: "Process or Sync",
      received: String(verb),
    });
  const given = options.creationDateTime;
  if (
    given !== undefined &&
    (explainXsdDateTime(given) !== undefined || parseXsdDateTime(given).offsetMinutes === undefined)
  )
    issues.error("INVALID_OPTION", "options.creationDateTime", "not an xs:dateTime with an offset", {
      expected: "e.g. 2026-03-29T08:00:00+02:00",
      received: given,
    });
  const reads = trackReads(packet);
  const ctx = { ...createContext(checked.config, issues), reads };
  if (packet.idocs.length === 0) issues.error("EMPTY_PACKET", "", "the packet holds no IDoc");
  const requests: ProductionRequestType[] = [];
  const states: (RequestStateType | undefined)[] = [];
  const orders = new Map<string, string>();
  for (const idoc of reads.packet.idocs) {
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
  const applicationArea = mapApplicationArea(ctx, packet, given);
  reportUnreadable(issues, reads);
  const unmapped = reads.unmapped(LOIPRO_MAPPED_SEGMENTS, "ProductionSchedule");
  if (issues.errors.length > 0 || applicationArea === undefined)
    return { ok: false, errors: issues.errors, warnings: issues.warnings, unmapped };

  const scheduleState = commonState(states);
  const schedule: ProductionScheduleType = {
    ProductionRequest: requests,
    ...(scheduleState === undefined ? {} : { ScheduleState: scheduleState }),
  };
  const value: ProcessProductionScheduleType | SyncProductionScheduleType =
    verb === "Sync"
      ? {
          releaseID: RELEASE_ID,
          ApplicationArea: applicationArea,
          DataArea: { Sync: {}, ProductionSchedule: [schedule] },
        }
      : {
          releaseID: RELEASE_ID,
          ApplicationArea: applicationArea,
          DataArea: { Process: {}, ProductionSchedule: [schedule] },
        };
  const xml = `${write(value, rootOf(schemaSet, `${verb}ProductionSchedule`), { indent: "  " })}\n`;
  const validation = validateXsd(xml);
  if (!validation.valid)
    throw new Error(
      `bug: the LOIPRO mapper built a document that is not valid against the V0600 profile:\n${validation.issues
        .map((i) => `${i.path} (line ${i.line}): ${i.code} ${i.message}`)
        .join("\n")}`,
    );
  return {
    ok: true,
    xml,
    value,
    warnings: issues.warnings,
    unmapped,
    bodId: applicationArea.BODID?.value ?? "",
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
