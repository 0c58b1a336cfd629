/**
 * The classification of a material actual (PERF-POST-020 … 022): a confirmed yield, scrap or rework
 * quantity of the time ticket, or a goods-movement item with its movement type, storage location and
 * reservation.
 *
 * @module
 */
import type { LocationType } from "../../generated/b2mml-v0600/index.js";
import { explainLocalDate } from "../time/zoned-date-time.js";
import type { MaterialSource } from "./material-sources.js";
import { own } from "./own.js";
import { type Confirmed, first, type Kind, type Scope } from "./posting-scope.js";
import { readQuantity, sapBatch, sapChar, sapMaterial, sapNumc, sapQuantity } from "./sap-fields.js";
import { carry } from "./source-account.js";

/** Movement types (PERF-POST-020): GM_CODE, direction, reversal, MVT_IND. */
export const MOVEMENT_TYPES: Readonly<
  Record<
    string,
    { gmCode: string; receipt: boolean; reversalOf?: string; reversal?: string; mvtInd?: string }
  >
> = {
  "101": { gmCode: "02", receipt: true, reversal: "102", mvtInd: "F" },
  "102": { gmCode: "02", receipt: true, reversalOf: "101", mvtInd: "F" },
  "261": { gmCode: "03", receipt: false, reversal: "262" },
  "262": { gmCode: "03", receipt: false, reversalOf: "261" },
  "531": { gmCode: "05", receipt: true, reversal: "532" },
  "532": { gmCode: "05", receipt: true, reversalOf: "531" },
};

const KINDS: ReadonlyMap<string, Kind> = new Map([
  ["Yield", "YIELD"],
  ["Scrap", "SCRAP"],
  ["Rework", "REWORK"],
]);

/** The rule of a movement type; `undefined` for a code not in MOVEMENT_TYPES (never a prototype key). */
function movementType(type: string): (typeof MOVEMENT_TYPES)[string] | undefined {
  return own(MOVEMENT_TYPES, type);
}

/** The storage location a Location chain names (EquipmentID schemeID="LGORT"), with its XPath. */
function lgortOf(
  location: LocationType | undefined,
  path: string,
): { readonly value: string; readonly path: string } | undefined {
  let p = `${path}/Location`;
  for (let l = location; l !== undefined; l = l.Location, p = `${p}/Location`)
    if (l.EquipmentID.schemeID === "LGORT")
      return { value: l.EquipmentID.value.trim(), path: `${p}/EquipmentID` };
  return undefined;
}

export function classify(
  scope: Scope,
  m: MaterialSource,
  operation: string | undefined,
  segmentIds: readonly string[],
  segmentDate: { readonly date: string; readonly path: string | undefined } | undefined,
  segmentPath: string,
  confirmed: Confirmed[],
): void {
  const { ctx } = scope;
  const moveType = m.properties.get("MOVE_TYPE");
  const role = m.properties.get("COMPONENT_ROLE")?.value;
  if (m.produced && moveType === undefined && role !== "ByProduct" && role !== "CoProduct") {
    const kindText = m.properties.get("QUANTITY_TYPE");
    const kind = KINDS.get(kindText?.value ?? "Yield");
    if (kind === undefined) {
      ctx.issues.error("INVALID_VALUE", kindText?.path ?? m.path, "QUANTITY_TYPE is Yield, Scrap or Rework", {
        expected: "Yield, Scrap or Rework",
        received: kindText?.value,
      });
      return;
    }
    const quantity = readQuantity(ctx, m.quantity, m.path);
    if (quantity === undefined) return;
    const reason = m.properties.get("REASON") ?? m.properties.get("DEV_REASON");
    const link = m.properties.get("TIME_TICKET")?.value;
    carry(ctx.carried, m.use);
    confirmed.push({
      kind,
      quantity,
      ...(reason === undefined ? {} : { reason }),
      ...(link === undefined || link === "" ? {} : { ticket: link }),
    });
    return;
  }
  let type = moveType?.value ?? (m.produced ? "531" : "261");
  const spec = movementType(type);
  if (spec === undefined || spec.receipt !== m.produced) {
    ctx.issues.error(
      "UNSUPPORTED_MOVEMENT_TYPE",
      moveType?.path ?? m.path,
      m.produced ? "a produced actual posts 101, 102, 531 or 532" : "a consumed actual posts 261 or 262",
      { expected: m.produced ? "101, 102, 531, 532" : "261, 262", received: type },
    );
    return;
  }
  const quantity = readQuantity(ctx, m.quantity, m.path);
  if (m.material === undefined || m.material === "") {
    ctx.issues.error(
      "MISSING_MATERIAL",
      `${m.path}/MaterialDefinitionID`,
      "a goods movement needs the material",
    );
    return;
  }
  if (quantity === undefined) return;
  // a negative quantity of a movement is its reversal (PERF-POST-022)
  let finalSpec = spec;
  if (quantity.negative && spec.reversal !== undefined) {
    type = spec.reversal;
    finalSpec = movementType(type) ?? spec;
  }
  let postingDate = segmentDate?.date;
  const ownDate = m.properties.get("PSTNG_DATE");
  if (ownDate === undefined) carry(ctx.carried, segmentDate?.path);
  else {
    // checked as a calendar date, not by shape only (PERF-POST-021): 2026-02-30 is no date
    const reason = explainLocalDate(ownDate.value);
    if (reason === undefined) postingDate = ownDate.value.replaceAll("-", "");
    else {
      ctx.issues.error("INVALID_DATE_TIME", ownDate.path, `PSTNG_DATE is a date YYYY-MM-DD: ${reason}`, {
        expected: "a date YYYY-MM-DD",
        received: ownDate.value,
      });
      return;
    }
  }
  if (postingDate === undefined) {
    ctx.issues.error(
      "MISSING_POSTING_DATE",
      segmentPath,
      "no date to post on: no actual times, response times or CreationDateTime",
    );
    return;
  }
  const material = sapMaterial(ctx, m.material, `${m.path}/MaterialDefinitionID[1]`);
  carry(
    ctx.carried,
    `${m.path}/MaterialDefinitionID[1]`,
    m.use,
    m.lot === undefined ? undefined : `${m.path}/MaterialLotID[1]`,
  );
  const entry = sapQuantity(ctx, quantity, "E1BP2017_GM_ITEM_CREATE/ENTRY_QNT", { magnitude: true });
  const batch = m.lot === undefined ? undefined : sapBatch(ctx, m.lot, `${m.path}/MaterialLotID[1]`);
  const fields: Record<string, string> = {
    ...(material ?? {}),
    PLANT: scope.plant,
  };
  const lgort = storageLocation(scope, m, type, finalSpec.receipt, operation);
  if (lgort !== undefined) fields.STGE_LOC = lgort;
  if (batch !== undefined) fields.BATCH = batch;
  fields.MOVE_TYPE = type;
  if (entry !== undefined) fields.ENTRY_QNT = entry;
  fields.ENTRY_UOM = quantity.unit;
  fields.ORDERID = scope.order;
  if (type === "101" || type === "102") {
    const posnr = m.properties.get("ORDER_ITNO") ?? m.properties.get("POSNR");
    const item = scope.context?.item(m.material);
    const value = posnr?.value ?? item?.POSNR;
    const numc =
      value === undefined
        ? undefined
        : sapNumc(ctx, value, 4, posnr?.path ?? item?.path ?? m.path, "ORDER_ITNO");
    if (numc !== undefined) fields.ORDER_ITNO = numc;
  }
  if (type === "261" || type === "262") reservation(scope, m, operation, fields);
  if (finalSpec.mvtInd !== undefined) fields.MVT_IND = finalSpec.mvtInd;
  const reason = m.properties.get("MOVE_REAS");
  if (reason !== undefined) {
    const v = sapNumc(ctx, reason.value, 4, reason.path, "MOVE_REAS");
    if (v !== undefined) fields.MOVE_REAS = v;
  }
  if (operation !== undefined) fields.ACTIVITY = operation;
  scope.movements.push({ path: m.path, segmentIds, gmCode: finalSpec.gmCode, postingDate, fields });
}

function storageLocation(
  scope: Scope,
  m: MaterialSource,
  type: string,
  receipt: boolean,
  operation: string | undefined,
): string | undefined {
  const configured = own(scope.ctx.config.postings.storageLocations, scope.plant);
  const material = m.material ?? "";
  const fromContext = receipt
    ? scope.context?.item(material)?.LGORT
    : scope.context?.component(material, operation)?.LGORT;
  const inDocument = lgortOf(m.location, m.path);
  if (inDocument !== undefined) carry(scope.ctx.carried, inDocument.path, `${inDocument.path}/@schemeID`);
  const found = first(
    inDocument?.value,
    own(configured?.materials, material),
    fromContext,
    receipt ? configured?.receipt : configured?.issue,
    configured?.default,
  );
  if (found !== undefined) return sapChar(scope.ctx, found, 4, `${m.path}/Location`, "STGE_LOC");
  scope.ctx.issues.error(
    "MISSING_STORAGE_LOCATION",
    m.path,
    `no storage location (STGE_LOC) for material ${material}, movement ${type}: give a Location with EquipmentID schemeID=LGORT, postings.storageLocations.${scope.plant} in the configuration, or --order-context with the order's LOIPRO`,
  );
  return undefined;
}

function reservation(
  scope: Scope,
  m: MaterialSource,
  operation: string | undefined,
  fields: Record<string, string>,
): void {
  const { ctx } = scope;
  const rsnum = m.properties.get("RESERV_NO") ?? m.properties.get("RSNUM");
  const rspos = m.properties.get("RES_ITEM") ?? m.properties.get("RSPOS");
  const component = rsnum === undefined ? scope.context?.component(m.material ?? "", operation) : undefined;
  const number =
    rsnum ?? (component?.RSNUM === undefined ? undefined : { value: component.RSNUM, path: component.path });
  const item =
    rspos ?? (component?.RSPOS === undefined ? undefined : { value: component.RSPOS, path: component.path });
  if (number !== undefined && item !== undefined) {
    const n = sapNumc(ctx, number.value, 10, number.path, "RESERV_NO");
    const i = sapNumc(ctx, item.value, 4, item.path, "RES_ITEM");
    if (n !== undefined) fields.RESERV_NO = n;
    if (i !== undefined) fields.RES_ITEM = i;
    return;
  }
  if ((ctx.config.postings.reservations ?? "required") === "required")
    ctx.issues.error(
      "MISSING_RESERVATION",
      m.path,
      `no reservation (RESERV_NO/RES_ITEM) for component ${m.material ?? ""}: give properties RSNUM and RSPOS, --order-context with the order's LOIPRO, or set postings.reservations to "optional"`,
    );
}
