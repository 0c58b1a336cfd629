/**
 * The configuration of the ERP postings: the shared mapper configuration (plants, systems, units,
 * statuses; `parseMapperConfig`) plus a `postings` section for what a ProductionPerformance cannot say
 * (PERF-POST-080):
 *
 * ```json
 * {
 *   "plants": { "1000": { "timeZone": "Europe/Berlin" } },
 *   "postings": {
 *     "sender": { "port": "MESPORT", "partnerNumber": "MESCLNT" },
 *     "receiver": { "port": "SAPPRD", "partnerNumber": "PRDCLNT100" },
 *     "plant": "1000",
 *     "storageLocations": { "1000": { "receipt": "FG01", "issue": "RM01", "materials": { "100-4471": "RM02" } } },
 *     "reservations": "optional",
 *     "activities": { "equipment": 2, "personnel": 3 },
 *     "rounding": "half-up"
 *   }
 * }
 * ```
 *
 * @module
 */
import { type ConfigIssue, type MapperConfig, parseMapperConfig } from "../config/mapper-config.js";

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

export interface ErpPostingConfig extends MapperConfig {
  readonly postings: PostingsConfig;
}

export type ParseErpPostingConfigResult =
  | { readonly ok: true; readonly config: ErpPostingConfig }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

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

/** Checks the shared part with `parseMapperConfig` and the `postings` section here; all problems reported. */
export function parseErpPostingConfig(value: unknown): ParseErpPostingConfigResult {
  const errors: ConfigIssue[] = [];
  const fail = (path: string, message: string, expected: string, received: unknown) =>
    errors.push({
      code: "CONFIG_INVALID",
      path,
      message,
      expected,
      received: received === undefined ? "(absent)" : JSON.stringify(received),
    });
  if (!isRecord(value)) {
    fail("", "the configuration must be an object", "an object", value);
    return { ok: false, errors };
  }
  const { postings, ...shared } = value;
  const base = parseMapperConfig(shared);
  if (!base.ok) errors.push(...base.errors);
  if (!isRecord(postings)) {
    fail("postings", '"postings" is required', "an object with sender and receiver", postings);
    return { ok: false, errors };
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
  checkCode(postings.plant, "postings.plant", 4, false, fail);
  if (postings.storageLocations !== undefined) {
    if (!isRecord(postings.storageLocations))
      fail(
        "postings.storageLocations",
        "must be an object",
        "plant → storage locations",
        postings.storageLocations,
      );
    else
      for (const [plant, entry] of Object.entries(postings.storageLocations)) {
        const path = `postings.storageLocations.${plant}`;
        if (!isRecord(entry)) {
          fail(path, "must be an object", "{ materials?, receipt?, issue?, default? }", entry);
          continue;
        }
        for (const [key, v] of Object.entries(entry)) {
          if (key === "materials") {
            if (!isRecord(v)) fail(`${path}.materials`, "must be an object", "material → LGORT", v);
            else
              for (const [m, l] of Object.entries(v)) checkCode(l, `${path}.materials.${m}`, 4, true, fail);
          } else if (["receipt", "issue", "default"].includes(key))
            checkCode(v, `${path}.${key}`, 4, true, fail);
          else fail(`${path}.${key}`, `unknown key "${key}"`, "materials, receipt, issue, default", key);
        }
      }
  }
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
  if (errors.length > 0 || !base.ok) return { ok: false, errors };
  return { ok: true, config: value as unknown as ErpPostingConfig };
}

function checkCode(
  value: unknown,
  path: string,
  maxLength: number,
  required: boolean,
  fail: (path: string, message: string, expected: string, received: unknown) => void,
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

/** Reads the configuration from JSON text. */
export function parseErpPostingConfigJson(text: string): ParseErpPostingConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ code: "CONFIG_INVALID", path: "", message: `not JSON: ${(error as Error).message}` }],
    };
  }
  return parseErpPostingConfig(value);
}
