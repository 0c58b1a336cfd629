/**
 * The walk over the SegmentResponse tree of one ProductionResponse: operations, posting dates, and
 * the material and activity actuals of each segment.
 *
 * @module
 */
import type { SegmentResponseType } from "../../generated/b2mml-v0600/index.js";
import { SLOT_KEY } from "./activity-slots.js";
import { classify } from "./classify-material.js";
import { materialsOf } from "./material-sources.js";
import { type Confirmed, type DateCandidate, dateCandidate, first, type Scope } from "./posting-scope.js";
import { sapDateTime } from "./sap-fields.js";
import { carry } from "./source-account.js";
import { tickets } from "./time-tickets.js";

const OPERATION_ID = /^[0-9]{1,4}$/;

export function walk(
  scope: Scope,
  segments: readonly SegmentResponseType[] | undefined,
  base: string,
  operation: string | undefined,
  ids: readonly string[],
  inherited: DateCandidate | undefined,
): void {
  (segments ?? []).forEach((segment, index) => {
    const path = `${base}/SegmentResponse[${index + 1}]`;
    const id = segment.ID?.value.trim() ?? "";
    const segmentIds = [...ids, id];
    const isOperation =
      segment.ID !== undefined && (segment.ID.schemeID === "VORNR" || OPERATION_ID.test(id));
    if (isOperation && operation !== undefined) {
      scope.ctx.issues.error(
        "SUB_OPERATION_UNSUPPORTED",
        `${path}/ID`,
        `an operation inside operation ${operation}: sub-operations are not posted`,
      );
      return;
    }
    const op = isOperation ? id.padStart(4, "0") : operation;
    const postedBefore = scope.tickets.length + scope.movements.length;
    const end = dateCandidate(segment.ActualEndTime?.value, `${path}/ActualEndTime`);
    const start = dateCandidate(segment.ActualStartTime?.value, `${path}/ActualStartTime`);
    const postingSource = first(end, start, inherited);
    const postingDate =
      postingSource === undefined
        ? undefined
        : sapDateTime(scope.ctx, postingSource.lexical, postingSource.path, scope.zone, { quiet: true })
            ?.date;
    const confirmed: Confirmed[] = [];
    const materials = materialsOf(scope, segment, path);
    const dated = postingDate === undefined ? undefined : { date: postingDate, path: postingSource?.path };
    for (const m of materials) classify(scope, m, op, segmentIds, dated, path, confirmed);
    const activities = [
      ...(segment.EquipmentActual ?? []).map((a, i) => ({
        a,
        kind: "equipment" as const,
        path: `${path}/EquipmentActual[${i + 1}]`,
      })),
      ...(segment.PersonnelActual ?? []).map((a, i) => ({
        a,
        kind: "personnel" as const,
        path: `${path}/PersonnelActual[${i + 1}]`,
      })),
    ].filter(
      (x) =>
        (x.a.Quantity ?? []).length > 0 ||
        ("EquipmentActualProperty" in x.a
          ? x.a.EquipmentActualProperty
          : "PersonnelActualProperty" in x.a
            ? x.a.PersonnelActualProperty
            : []
        )?.some((p) => SLOT_KEY.test(p.ID.value.trim()) && (p.Quantity ?? []).length > 0),
    );
    if (isOperation && op !== undefined)
      tickets(
        scope,
        segment,
        path,
        op,
        segmentIds,
        { start, end, postingDate, postingPath: postingSource?.path },
        confirmed,
        activities,
      );
    else if (confirmed.length > 0 || activities.length > 0)
      scope.ctx.issues.error(
        "NOT_AN_OPERATION",
        `${path}/ID`,
        "yield, scrap, rework and activities are confirmed on an operation; this segment is none (ID of 1–4 digits or schemeID=VORNR)",
        { expected: "an operation number", received: id },
      );
    walk(scope, segment.SegmentResponse, path, op, segmentIds, postingSource);
    // the segment's ID is in the keys of every posting at or below it (PERF-POST-071)
    if (segment.ID !== undefined && scope.tickets.length + scope.movements.length > postedBefore)
      carry(
        scope.ctx.carried,
        `${path}/ID`,
        segment.ID.schemeID === "VORNR" ? `${path}/ID/@schemeID` : undefined,
      );
  });
}
