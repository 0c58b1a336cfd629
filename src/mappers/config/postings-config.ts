/**
 * The `postings` section of the configuration (PERF-POST-080): what a ProductionPerformance cannot say
 * about its SAP postings. One configuration file serves every map command: the section is optional for
 * `parseMapperConfig` (the IDoc mappers ignore it, but it is checked all the same) and required by the
 * ERP-postings mapper's `parseErpPostingConfig`.
 *
 * @module
 */
import { explainPlantCode, PLANT_CODE_EXPECTED } from "./plant-code.js";

export interface PartnerConfig {
  /** SNDPOR / RCVPOR (CHAR10). */
  readonly port: string;
  /** SNDPRN / RCVPRN: the logical system (CHAR10). */
  readonly partnerNumber: string;
  /** SNDPRT / RCVPRT. @default "LS" */
  readonly partnerType?: string;
}

/** Storage locations (LGORT, CHAR4) of one plant. */
export interface StorageLocationConfig {
  /** Per material (as the document names it). */
  readonly materials?: Readonly<Record<string, string>>;
  /** For receipts (101, 102, 531, 532). */
  readonly receipt?: string;
  /** For issues (261, 262, 551, 552). */
  readonly issue?: string;
  /** For any movement. */
  readonly default?: string;
}

export type RoundingRule = "half-up" | "half-even" | "down";

export interface PostingsConfig {
  readonly sender: PartnerConfig;
  readonly receiver: PartnerConfig;
  /** EDI_DC40-MANDT. */
  readonly client?: string;
  /** The plant when neither the document nor the order context names one. */
  readonly plant?: string;
  /** Plant → storage locations. */
  readonly storageLocations?: Readonly<Record<string, StorageLocationConfig>>;
  /** Whether a 261/262 item needs a reservation (RESERV_NO/RES_ITEM). @default "required" */
  readonly reservations?: "required" | "optional";
  /** The activity slot (1–6) of EquipmentActual / PersonnelActual quantities without a `CONF_ACTIVITYn` key. */
  readonly activities?: { readonly equipment?: number; readonly personnel?: number };
  /** Rounding of quantities with more decimals than the SAP field holds; without it, that is an error. */
  readonly rounding?: RoundingRule;
}

/** Reports one problem: its key path, a message, what was expected and what was found. */
export type ReportConfigProblem = (
  path: string,
  message: string,
  expected: string,
  received: unknown,
) => void;

const POSTING_KEYS = [
  "sender",
  "receiver",
  "client",
  "plant",
  "storageLocations",
  "reservations",
  "activities",
  "rounding",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the `postings` section; every problem is reported through `fail`. */
export function checkPostingsSection(postings: unknown, fail: ReportConfigProblem): void {
  if (!isRecord(postings)) {
    fail("postings", '"postings" is required', "an object with sender and receiver", postings);
    return;
  }
  for (const key of Object.keys(postings))
    if (!POSTING_KEYS.includes(key))
      fail(`postings.${key}`, `unknown key "${key}"`, POSTING_KEYS.join(", "), key);
  for (const side of ["sender", "receiver"] as const) {
    const partner = postings[side];
    const path = `postings.${side}`;
    if (!isRecord(partner)) {
      fail(path, `"${side}" is required`, "{ port, partnerNumber, partnerType? }", partner);
      continue;
    }
    for (const key of Object.keys(partner))
      if (!["port", "partnerNumber", "partnerType"].includes(key))
        fail(`${path}.${key}`, `unknown key "${key}"`, "port, partnerNumber, partnerType", key);
    checkCode(partner.port, `${path}.port`, 10, true, fail);
    checkCode(partner.partnerNumber, `${path}.partnerNumber`, 10, true, fail);
    checkCode(partner.partnerType, `${path}.partnerType`, 2, false, fail);
  }
  checkCode(postings.client, "postings.client", 3, false, fail);
  if (postings.plant !== undefined) checkPlant(postings.plant, "postings.plant", postings.plant, fail);
  if (postings.storageLocations !== undefined) checkStorageLocations(postings.storageLocations, fail);
  if (
    postings.reservations !== undefined &&
    postings.reservations !== "required" &&
    postings.reservations !== "optional"
  )
    fail(
      "postings.reservations",
      "must be required or optional",
      '"required" or "optional"',
      postings.reservations,
    );
  if (postings.activities !== undefined) {
    if (!isRecord(postings.activities))
      fail("postings.activities", "must be an object", "{ equipment?, personnel? }", postings.activities);
    else
      for (const [key, slot] of Object.entries(postings.activities)) {
        if (key !== "equipment" && key !== "personnel")
          fail(`postings.activities.${key}`, `unknown key "${key}"`, "equipment, personnel", key);
        else if (typeof slot !== "number" || !Number.isInteger(slot) || slot < 1 || slot > 6)
          fail(`postings.activities.${key}`, "must be an activity slot", "an integer 1–6", slot);
      }
  }
  if (
    postings.rounding !== undefined &&
    !["half-up", "half-even", "down"].includes(postings.rounding as string)
  )
    fail("postings.rounding", "must name a rounding rule", "half-up, half-even or down", postings.rounding);
}

/** A plant code by the one rule of `plant-code.ts`, with the reason it is refused. */
export function checkPlant(code: unknown, path: string, received: unknown, fail: ReportConfigProblem): void {
  const reason = explainPlantCode(code);
  if (reason !== undefined) fail(path, `not a plant code: ${reason}`, PLANT_CODE_EXPECTED, received);
}

function checkStorageLocations(value: unknown, fail: ReportConfigProblem): void {
  if (!isRecord(value)) {
    fail("postings.storageLocations", "must be an object", "plant → storage locations", value);
    return;
  }
  for (const [plant, entry] of Object.entries(value)) {
    const path = `postings.storageLocations.${plant}`;
    checkPlant(plant, path, plant, fail);
    if (!isRecord(entry)) {
      fail(path, "must be an object", "{ materials?, receipt?, issue?, default? }", entry);
      continue;
    }
    for (const [key, v] of Object.entries(entry)) {
      if (key === "materials") {
        if (!isRecord(v)) fail(`${path}.materials`, "must be an object", "material → LGORT", v);
        else for (const [m, l] of Object.entries(v)) checkCode(l, `${path}.materials.${m}`, 4, true, fail);
      } else if (["receipt", "issue", "default"].includes(key)) checkCode(v, `${path}.${key}`, 4, true, fail);
      else fail(`${path}.${key}`, `unknown key "${key}"`, "materials, receipt, issue, default", key);
    }
  }
}

function checkCode(
  value: unknown,
  path: string,
  maxLength: number,
  required: boolean,
  fail: ReportConfigProblem,
): void {
  if (value === undefined) {
    if (required) fail(path, "is required", `a string of 1–${maxLength} characters`, value);
    return;
  }
  if (typeof value !== "string" || value.trim() === "" || value.trim() !== value || value.length > maxLength)
    fail(
      path,
      `must be a string of 1–${maxLength} characters without surrounding spaces`,
      `at most ${maxLength} characters`,
      value,
    );
}
