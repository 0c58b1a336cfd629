/**
 * What a time ticket takes from its segment's ProductionData and actuals besides quantities, marked as
 * carried for the account of what is not posted (PERF-POST-006): the ProductionData of the source
 * tickets, their FIN_CONF and DEV_REASON values, the actuals' TIME_TICKET links (PERF-POST-018).
 *
 * @module
 */
import type { ProductionDataType, SegmentResponseType } from "../../generated/b2mml-v0600/index.js";
import type { Scope } from "./posting-scope.js";
import { carry } from "./source-account.js";

/** Marks a ProductionData's Value of a Key (its Key and ValueString) as carried (PERF-POST-006). */
export function carryDataValue(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  data: ProductionDataType | undefined,
  key: string,
): void {
  if (data === undefined) return;
  const at = `${path}/ProductionData[${(segment.ProductionData ?? []).indexOf(data) + 1}]`;
  const k = (data.Value ?? []).findIndex((x) => x.Key?.value.trim() === key);
  if (k >= 0) carry(scope.ctx.carried, `${at}/Value[${k + 1}]/Key`, `${at}/Value[${k + 1}]/ValueString`);
}

/** Marks the TIME_TICKET property of an actual as carried: it decided the actual's ticket. */
function carryLink(
  scope: Scope,
  path: string,
  element: string,
  properties: readonly { readonly ID: { readonly value: string } }[] | undefined,
): void {
  const i = (properties ?? []).findIndex((x) => x.ID.value.trim() === "TIME_TICKET");
  if (i >= 0)
    carry(
      scope.ctx.carried,
      `${path}/${element}[${i + 1}]/ID`,
      `${path}/${element}[${i + 1}]/Value[1]/ValueString`,
    );
}

/**
 * Several tickets of one segment: the ProductionData IDs (with their scheme) and the actuals'
 * TIME_TICKET links are keys (PERF-POST-018); FIN_CONF chose the final ones of a completed segment.
 */
export function carryTicketSources(
  scope: Scope,
  segment: SegmentResponseType,
  path: string,
  data: readonly ProductionDataType[],
  completed: boolean,
): void {
  for (const d of data) {
    const at = `${path}/ProductionData[${(segment.ProductionData ?? []).indexOf(d) + 1}]`;
    carry(scope.ctx.carried, `${at}/ID`, `${at}/ID/@schemeID`);
    if (completed) carryDataValue(scope, segment, path, d, "FIN_CONF");
  }
  (segment.EquipmentActual ?? []).forEach((a, i) => {
    carryLink(
      scope,
      `${path}/EquipmentActual[${i + 1}]`,
      "EquipmentActualProperty",
      a.EquipmentActualProperty,
    );
  });
  (segment.PersonnelActual ?? []).forEach((a, i) => {
    carryLink(
      scope,
      `${path}/PersonnelActual[${i + 1}]`,
      "PersonnelActualProperty",
      a.PersonnelActualProperty,
    );
  });
}
