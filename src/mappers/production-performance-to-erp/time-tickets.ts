/**
 * The time tickets of an operation segment (PERF-POST-010 … 018): grouping by linked source ticket and
 * the E1BP_PP_TIMETICKET fields of each ticket.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import type {
  EquipmentActualType,
  PersonnelActualType,
  ProductionDataType,
  SegmentResponseType,
  ValueType,
} from "../../generated/b2mml-v0600/index.js";
import { activitySlots } from "./activity-slots.js";
import {
  type ActivitySource,
  type Confirmed,
  type DateCandidate,
  first,
  type Scope,
} from "./posting-scope.js";
import { sapChar, sapDateTime, sapNumc, sapQuantity } from "./sap-fields.js";
import { QUAN_13_3, toSapQuantity } from "./sap-values.js";
import { carry } from "./source-account.js";
import { carryDataValue, carryTicketSources } from "./ticket-sources.js";

/** The schemes of the ProductionData the inbound mapping writes for a time ticket (PERF-MAP-048). */
const TICKET_SCHEMES: ReadonlySet<string> = new Set(["EX_IDENT", "DOCNUM/TIMETICKET"]);

/** The TIME_TICKET link of an actual's property list (first Value/ValueString), if any. */
function linkOf(
  properties:
    | readonly { readonly ID: { readonly value: string }; readonly Value?: readonly ValueType[] }[]
    | undefined,
): string | undefined {
  const p = (properties ?? []).find((x) => x.ID.value.trim() === "TIME_TICKET");
  const v = p?.Value?.[0]?.ValueString;
  const text = v === undefined || "$nil" in v ? undefined : v.value.trim();
  return text === "" ? undefined : text;
}

const equipmentLink = (a: EquipmentActualType) => linkOf(a.EquipmentActualProperty);
const personnelLink = (a: PersonnelActualType) => linkOf(a.PersonnelActualProperty);
const activityLink = (x: ActivitySource) =>
  "EquipmentActualProperty" in x.a
    ? equipmentLink(x.a as EquipmentActualType)
    : personnelLink(x.a as PersonnelActualType);

/** A ProductionData value by Key. */
function dataValue(data: ProductionDataType | undefined, key: string): string | undefined {
  const v = data?.Value?.find((x) => x.Key?.value.trim() === key)?.ValueString;
  const text = v === undefined || "$nil" in v ? undefined : v.value.trim();
  return text === "" ? undefined : text;
}

/** The segment's actual times and posting date (with the XPath it was taken from). */
interface Times {
  readonly start: DateCandidate | undefined;
  readonly end: DateCandidate | undefined;
  readonly postingDate: string | undefined;
  readonly postingPath: string | undefined;
}

interface TicketGroup {
  /** The IDs the EX_IDENT derivation names: the segment IDs, for one ticket of several its source ID too. */
  readonly keyIds: readonly string[];
  readonly final: boolean;
  readonly data: ProductionDataType | undefined;
  readonly confirmed: readonly Confirmed[];
  readonly activities: readonly ActivitySource[];
  readonly equipment: readonly EquipmentActualType[];
  readonly personnel: readonly PersonnelActualType[];
}

/**
 * The time tickets of one operation segment (PERF-POST-010, 018): one ticket, or — when the segment's
 * actuals and ProductionData name two or more time tickets (TIME_TICKET, as the inbound mapping links
 * them) — one ticket per source ticket, plus one for the actuals linked to none.
 */
export function tickets(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  operation: string,
  segmentIds: readonly string[],
  times: Times,
  confirmed: readonly Confirmed[],
  activities: readonly ActivitySource[],
): void {
  const completed = segment.SegmentState?.value === "Completed";
  const equipment = segment.EquipmentActual ?? [];
  const personnel = segment.PersonnelActual ?? [];
  const data = (segment.ProductionData ?? []).filter((d) => TICKET_SCHEMES.has(d.ID.schemeID ?? ""));
  const ids: string[] = [];
  for (const id of [
    ...data.map((d) => d.ID.value.trim()),
    ...confirmed.map((c) => c.ticket),
    ...equipment.map(equipmentLink),
    ...personnel.map(personnelLink),
  ])
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  const dataOf = (id: string | undefined) => data.find((d) => d.ID.value.trim() === id);
  if (ids.length <= 1) {
    ticket(scope, segment, path, operation, times, {
      keyIds: segmentIds,
      final: completed,
      data: dataOf(ids[0]),
      confirmed,
      activities,
      equipment,
      personnel,
    });
    return;
  }
  const finals = completed ? ids.filter((id) => dataValue(dataOf(id), "FIN_CONF") === "X") : [];
  carryTicketSources(scope, segment, path, data, completed);
  if (completed && finals.length === 0) finals.push(ids[ids.length - 1] as string);
  const groups: TicketGroup[] = [];
  const unlinked = {
    confirmed: confirmed.filter((c) => c.ticket === undefined),
    activities: activities.filter((x) => activityLink(x) === undefined),
  };
  if (unlinked.confirmed.length > 0 || unlinked.activities.length > 0)
    groups.push({
      keyIds: segmentIds,
      final: false,
      data: undefined,
      ...unlinked,
      equipment: equipment.filter((a) => equipmentLink(a) === undefined),
      personnel: personnel.filter((a) => personnelLink(a) === undefined),
    });
  for (const id of ids)
    groups.push({
      keyIds: [...segmentIds, id],
      final: finals.includes(id),
      data: dataOf(id),
      confirmed: confirmed.filter((c) => c.ticket === id),
      activities: activities.filter((x) => activityLink(x) === id),
      equipment: equipment.filter((a) => equipmentLink(a) === id),
      personnel: personnel.filter((a) => personnelLink(a) === id),
    });
  for (const group of groups) ticket(scope, segment, path, operation, times, group);
}

function ticket(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  operation: string,
  times: Times,
  group: TicketGroup,
): void {
  const { ctx } = scope;
  const { final, confirmed, activities } = group;
  if (
    confirmed.length === 0 &&
    activities.length === 0 &&
    !final &&
    times.start === undefined &&
    times.end === undefined
  )
    return;
  const fields: Record<string, string> = { ORDERID: scope.order, OPERATION: operation, PLANT: scope.plant };
  const workCenter = first(
    ...(["HierarchyScope", "Location"] as const).map((element) => {
      const s = segment[element];
      return s?.EquipmentID.schemeID === "ARBPL"
        ? { value: s.EquipmentID.value, path: `${path}/${element}/EquipmentID` }
        : undefined;
    }),
    ...group.equipment.flatMap((e) => {
      const at = `${path}/EquipmentActual[${(segment.EquipmentActual ?? []).indexOf(e) + 1}]`;
      return (e.EquipmentID ?? []).flatMap((id, k) =>
        id.schemeID === "ARBPL" ? [{ value: id.value, path: `${at}/EquipmentID[${k + 1}]` }] : [],
      );
    }),
  );
  if (workCenter !== undefined) {
    const v = sapChar(ctx, workCenter.value, 8, `${path}`, "WORK_CNTR");
    if (v !== undefined) fields.WORK_CNTR = v;
    carry(ctx.carried, workCenter.path, `${workCenter.path}/@schemeID`);
  }
  if (final) fields.FIN_CONF = "X";
  // the state decides FIN_CONF (PERF-POST-014), final or partial
  if (segment.SegmentState !== undefined) carry(ctx.carried, `${path}/SegmentState`);
  if (times.postingDate !== undefined) {
    fields.POSTG_DATE = times.postingDate;
    carry(ctx.carried, times.postingPath);
  } else
    ctx.issues.error(
      "MISSING_POSTING_DATE",
      path,
      "no date to post on: no actual times, response times or CreationDateTime",
    );
  // quantities: one unit, summed exactly per kind (PERF-POST-011)
  const units = new Set(confirmed.map((c) => c.quantity.unit));
  if (units.size > 1)
    ctx.issues.error(
      "UNIT_CONFLICT",
      path,
      "yield, scrap and rework of one time ticket share one unit (CONF_QUAN_UNIT)",
      {
        expected: "one unit",
        received: [...units].join(", "),
      },
    );
  const [unit] = units;
  if (unit !== undefined) fields.CONF_QUAN_UNIT = unit;
  for (const kind of ["YIELD", "SCRAP", "REWORK"] as const) {
    const parts = confirmed.filter((c) => c.kind === kind);
    if (parts.length === 0) continue;
    const field = `E1BP_PP_TIMETICKET/${kind}`;
    const values = parts.map((c) => sapQuantity(ctx, c.quantity, field));
    if (values.some((v) => v === undefined)) continue;
    // the parts are non-negative QUAN 13,3 values; their sum must fit the field too (PERF-POST-040)
    const sum = values.reduce((acc, v) => acc.plus(v as string), new Decimal(0)).toFixed(3);
    const checked = toSapQuantity(sum, QUAN_13_3);
    if (checked.ok) fields[kind] = checked.value;
    else
      ctx.issues.error(
        "QUANTITY_TOO_LARGE",
        path,
        `${field} (QUAN 13,3): the sum of ${parts.length} ${kind.toLowerCase()} quantities, ${checked.message}`,
        { expected: "at most 10 integer digits", received: sum },
      );
  }
  const reasons = new Map(
    confirmed.flatMap((c) => (c.reason === undefined ? [] : [[c.reason.value, c.reason] as const])),
  );
  if (reasons.size > 1)
    ctx.issues.error(
      "REASON_CONFLICT",
      path,
      "one time ticket carries one reason for variance (DEV_REASON)",
      {
        expected: "one DEV_REASON",
        received: [...reasons.keys()].join(", "),
      },
    );
  const dataReason = dataValue(group.data, "DEV_REASON");
  const [reason = dataReason === undefined ? undefined : { value: dataReason, path }] = reasons.values();
  if (reasons.size === 0 && dataReason !== undefined)
    carryDataValue(scope, segment, path, group.data, "DEV_REASON");
  if (reason !== undefined) {
    const v = sapChar(ctx, reason.value, 4, reason.path, "DEV_REASON");
    if (v !== undefined) fields.DEV_REASON = v;
  }
  activitySlots(scope, activities, fields);
  for (const [prefix, source] of [
    ["EXEC_START", times.start],
    ["EXEC_FIN", times.end],
  ] as const) {
    if (source === undefined) continue;
    const dt = sapDateTime(ctx, source.lexical, source.path, scope.zone);
    if (dt === undefined) continue;
    fields[`${prefix}_DATE`] = dt.date;
    fields[`${prefix}_TIME`] = dt.time;
    carry(ctx.carried, source.path);
  }
  const pernrSources = group.personnel.flatMap((p) => {
    const at = `${path}/PersonnelActual[${(segment.PersonnelActual ?? []).indexOf(p) + 1}]`;
    return (p.PersonID ?? []).flatMap((id, k) =>
      id.schemeID === "PERNR" ? [{ value: id.value.trim(), path: `${at}/PersonID[${k + 1}]` }] : [],
    );
  });
  const pernr = [...new Set(pernrSources.map((s) => s.value))];
  for (const s of pernrSources) carry(ctx.carried, s.path, `${s.path}/@schemeID`);
  if (pernr.length > 1)
    ctx.issues.error("PERSONNEL_CONFLICT", path, "one time ticket carries one personnel number (PERS_NO)", {
      expected: "one PersonID schemeID=PERNR",
      received: pernr.join(", "),
    });
  else if (pernr[0] !== undefined) {
    const v = sapNumc(ctx, pernr[0], 8, `${path}/PersonnelActual`, "PERS_NO");
    if (v !== undefined) fields.PERS_NO = v;
  }
  scope.tickets.push({ path, segmentIds: group.keyIds, fields });
}
