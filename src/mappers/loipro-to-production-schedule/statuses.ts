/**
 * Statuses (E1JSTKL / E1JSTVL / E1JSTUL, field STAT) → RequestState / SegmentState by the status table,
 * the rest passed on as a parameter (LOIPRO-MAP-060, LOIPRO-MAP-061); deletion statuses
 * (LOIPRO-MAP-033).
 *
 * @module
 */
import type { ProductionParameterType, RequestStateType } from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { DELETION_STATUSES } from "../config/default-statuses.js";
import { children, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { stringValue } from "./context.js";

export interface StatusMapping {
  /** The state of the highest-ranked mapped status; absent when no status is in the table. */
  readonly state?: RequestStateType;
  /** The statuses not in the table, in IDoc order, as one `SAP_STATUS` parameter. */
  readonly parameter?: ProductionParameterType;
  /** True when a deletion status (I0013, I0076) is among them. */
  readonly deleted: boolean;
  /** The deletion statuses found, for messages. */
  readonly deletionStatuses: readonly string[];
}

/** Maps the status segments named `segmentName` under `owner`. */
export function mapStatuses(ctx: MapContext, owner: IdocSegment, segmentName: string): StatusMapping {
  const stats: string[] = [];
  for (const segment of children(owner, segmentName)) {
    const stat = text(segment, "STAT");
    if (stat !== undefined && !stats.includes(stat)) stats.push(stat);
  }
  let best: { stat: string; rank: number } | undefined;
  const unmapped: string[] = [];
  for (const stat of stats) {
    const rule = ctx.statuses.get(stat);
    if (rule === undefined) unmapped.push(stat);
    else if (best === undefined || rule.rank > best.rank) best = { stat, rank: rule.rank };
  }
  const rule = best === undefined ? undefined : ctx.statuses.get(best.stat);
  const state: RequestStateType | undefined =
    rule === undefined
      ? undefined
      : rule.state === "Other" && rule.otherValue !== undefined
        ? { value: "Other", OtherValue: rule.otherValue }
        : { value: rule.state };
  const parameter: ProductionParameterType | undefined =
    unmapped.length === 0
      ? undefined
      : {
          Parameter: {
            ID: { value: "SAP_STATUS" },
            Value: unmapped.map((s) => stringValue(s)),
            Description: [{ value: "SAP statuses without a state in the status table" }],
          },
        };
  const deletionStatuses = stats.filter((s) => DELETION_STATUSES.has(s));
  return {
    ...(state === undefined ? {} : { state }),
    ...(parameter === undefined ? {} : { parameter }),
    deleted: deletionStatuses.length > 0,
    deletionStatuses,
  };
}
