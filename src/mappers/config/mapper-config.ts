/**
 * The mapper configuration: plant and sending-system time zones, unit overrides and the status table.
 * The same object is read from a JSON file (`--config`) and given to the API; {@link parseMapperConfig}
 * checks it and says where it is wrong.
 *
 * ```json
 * {
 *   "plants": { "1000": { "timeZone": "Europe/Berlin" } },
 *   "systems": { "S4HCLNT100": { "timeZone": "Europe/Berlin" } },
 *   "units": { "PAL": "PX" },
 *   "statuses": { "E0001": { "state": "Other", "otherValue": "Hold", "rank": 55 } }
 * }
 * ```
 *
 * @module
 */

import { type Issue, parseIssuePath } from "../../shared/issue.js";
import { isKnownTimeZone } from "../time/time-zone.js";
import { REC20_CODE } from "../units/unit-table.js";
import { type ConfigComment, checkComment, isPlaceholder, placeholderMessage } from "./config-comment.js";
import { checkPlant, checkPostingsSection, type PostingsConfig } from "./postings-config.js";

/** How one SAP status maps to a B2MML RequestState / SegmentState. */
export interface StatusRule {
  readonly state: "Forecast" | "Released" | "Other";
  /** The `OtherValue` attribute when `state` is `Other`. */
  readonly otherValue?: string;
  /** Among the mapped statuses of one object, the highest rank decides. */
  readonly rank: number;
}

/** A plant's or a sending system's entry: its IANA time zone, and a note for the reader of the file. */
export interface ZoneEntry {
  readonly timeZone: string;
  /** A note for whoever reads the file (`b2mml init` writes where it found the key); not used. */
  readonly $comment?: ConfigComment;
}

export interface MapperConfig {
  /** Plant (WERKS) → its IANA time zone; every plant an order uses must be here. */
  readonly plants: Readonly<Record<string, ZoneEntry>>;
  /** SAP internal unit → UN/ECE Rec. 20 code; overrides and extends the built-in table. */
  readonly units?: Readonly<Record<string, string>>;
  /** Sender partner (SNDPRN) → the sending system's IANA time zone, for CREDAT/CRETIM. */
  readonly systems?: Readonly<Record<string, ZoneEntry>>;
  /** SAP status (STAT) → state; overrides and extends the built-in table. */
  readonly statuses?: Readonly<Record<string, StatusRule>>;
  /**
   * How confirmed activities (time tickets' CONF_ACTIVITY1…6) are reported by the ProductionPerformance
   * mapper: the slot numbers listed in `personnel` (labour) become PersonnelActual properties, every other
   * slot an EquipmentActual property of the work center. Not used by the LOIPRO mapper.
   * @default { personnel: [] } (every slot on the work center)
   */
  readonly activities?: { readonly personnel?: readonly number[] };
  /**
   * A folder of the user's own IDoc definitions (XSD files in the shape of `xsd/idoc`: Z-segments, fields
   * of newer releases), relative to the configuration file; the CLI reads IDocs with them
   * (`loadIdocSchema`, docs/idoc.md). Not used by the mappers themselves.
   */
  readonly idocSchemas?: string;
  /** The ERP postings' section (`postings-config.ts`): checked here, used by `map erp-postings`. */
  readonly postings?: PostingsConfig;
  /** The JSON Schema an editor completes the file with (`schemas/b2mml-config.schema.json`); not used. */
  readonly $schema?: string;
  /** Notes for whoever reads the file (a string or an array of lines), as `b2mml init` writes them; not used. */
  readonly $comment?: ConfigComment;
}

/** A problem in a configuration: its key path (rendered `plants.1000.timeZone`) and a message. */
export type ConfigIssue = Issue<"CONFIG_INVALID", "config">;

/** A configuration problem at the key path `path` (`plants.1000.timeZone`; `""`: the whole file). */
export function configIssue(
  path: string,
  message: string,
  expected?: string,
  received?: string,
): ConfigIssue {
  return {
    code: "CONFIG_INVALID",
    severity: "error",
    origin: "config",
    message,
    path: parseIssuePath(path, "config"),
    ...(expected === undefined ? {} : { expected }),
    ...(received === undefined ? {} : { received }),
  };
}

export type ParseConfigResult =
  | { readonly ok: true; readonly config: MapperConfig }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

const TOP_KEYS = new Set([
  "$schema",
  "$comment",
  "plants",
  "units",
  "systems",
  "statuses",
  "activities",
  "idocSchemas",
  "postings",
]);
const STATES = new Set(["Forecast", "Released", "Other"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/**
 * Checks a configuration object (for example `JSON.parse` of a config file). Every problem is reported;
 * unknown keys are errors (a misspelt `"plant"` must not silently configure nothing).
 */
export function parseMapperConfig(value: unknown): ParseConfigResult {
  const errors: ConfigIssue[] = [];
  const fail = (path: string, message: string, expected?: string, received?: unknown) =>
    errors.push(
      configIssue(
        path,
        message,
        expected,
        received === undefined && expected === undefined ? undefined : show(received),
      ),
    );
  if (!isRecord(value)) {
    fail("", "the configuration must be an object", "an object", value);
    return { ok: false, errors };
  }
  for (const key of Object.keys(value))
    if (!TOP_KEYS.has(key)) fail(key, `unknown key "${key}"`, [...TOP_KEYS].join(", "), key);
  checkZones(value.plants, "plants", true, fail);
  checkZones(value.systems, "systems", false, fail);
  if (value.units !== undefined) {
    if (!isRecord(value.units)) fail("units", "must be an object", "an object", value.units);
    else
      for (const [sap, code] of Object.entries(value.units))
        if (isPlaceholder(code))
          fail(`units.${sap}`, placeholderMessage("a UN/ECE Rec. 20 code"), "e.g. KGM, H87", code);
        else if (typeof code !== "string" || !REC20_CODE.test(code))
          fail(`units.${sap}`, "must be a UN/ECE Rec. 20 code", "2–3 upper-case letters or digits", code);
  }
  if (value.statuses !== undefined) {
    if (!isRecord(value.statuses)) fail("statuses", "must be an object", "an object", value.statuses);
    else for (const [stat, rule] of Object.entries(value.statuses)) checkStatus(stat, rule, fail);
  }
  if (value.activities !== undefined) checkActivities(value.activities, fail);
  if (value.idocSchemas !== undefined && (typeof value.idocSchemas !== "string" || value.idocSchemas === ""))
    fail(
      "idocSchemas",
      "must be a folder name",
      "a non-empty string (a folder of .xsd files)",
      value.idocSchemas,
    );
  if (value.postings !== undefined) checkPostingsSection(value.postings, fail);
  checkComment(value.$comment, "$comment", fail);
  if (value.$schema !== undefined && typeof value.$schema !== "string")
    fail("$schema", "must be a string", "the path or URI of the JSON Schema", value.$schema);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: value as unknown as MapperConfig };
}

type Fail = (path: string, message: string, expected?: string, received?: unknown) => void;

function checkZones(value: unknown, key: string, required: boolean, fail: Fail): void {
  if (value === undefined) {
    if (required) fail(key, `"${key}" is required`, "an object of plant → { timeZone }", value);
    return;
  }
  if (!isRecord(value)) {
    fail(key, "must be an object", "an object", value);
    return;
  }
  for (const [name, entry] of Object.entries(value)) {
    const path = `${key}.${name}`;
    if (key === "plants") checkPlant(name, path, name, fail);
    if (!isRecord(entry)) {
      fail(path, "must be an object", "{ timeZone }", entry);
      continue;
    }
    for (const extra of Object.keys(entry))
      if (extra !== "timeZone" && extra !== "$comment")
        fail(`${path}.${extra}`, `unknown key "${extra}"`, "timeZone, $comment", extra);
    checkComment(entry.$comment, `${path}.$comment`, fail);
    const zone = entry.timeZone;
    if (isPlaceholder(zone))
      fail(`${path}.timeZone`, placeholderMessage("an IANA time zone name"), "e.g. Europe/Berlin", zone);
    else if (typeof zone !== "string" || !isKnownTimeZone(zone))
      fail(`${path}.timeZone`, "must be an IANA time zone name", "e.g. Europe/Berlin", zone);
  }
}

function checkStatus(stat: string, rule: unknown, fail: Fail): void {
  const path = `statuses.${stat}`;
  if (!isRecord(rule)) {
    fail(path, "must be an object", "{ state, rank, otherValue? }", rule);
    return;
  }
  for (const extra of Object.keys(rule))
    if (!["state", "rank", "otherValue"].includes(extra))
      fail(`${path}.${extra}`, `unknown key "${extra}"`, "state, rank, otherValue", extra);
  if (typeof rule.state !== "string" || !STATES.has(rule.state))
    fail(`${path}.state`, "must be a RequestState", "Forecast, Released or Other", rule.state);
  if (typeof rule.rank !== "number" || !Number.isInteger(rule.rank))
    fail(`${path}.rank`, "must be an integer", "an integer", rule.rank);
  if (rule.state === "Other" && (typeof rule.otherValue !== "string" || rule.otherValue.trim() === ""))
    fail(`${path}.otherValue`, 'is required with state "Other"', "a non-empty string", rule.otherValue);
  if (rule.state !== "Other" && rule.otherValue !== undefined)
    fail(`${path}.otherValue`, 'is only allowed with state "Other"', "(absent)", rule.otherValue);
}

function checkActivities(value: unknown, fail: Fail): void {
  if (!isRecord(value)) {
    fail("activities", "must be an object", "{ personnel: [slot numbers 1–6] }", value);
    return;
  }
  for (const extra of Object.keys(value))
    if (extra !== "personnel") fail(`activities.${extra}`, `unknown key "${extra}"`, "personnel", extra);
  const slots = value.personnel;
  if (slots === undefined) return;
  if (!Array.isArray(slots)) {
    fail("activities.personnel", "must be an array", "slot numbers 1–6", slots);
    return;
  }
  slots.forEach((slot: unknown, i) => {
    if (typeof slot !== "number" || !Number.isInteger(slot) || slot < 1 || slot > 6)
      fail(`activities.personnel.${i}`, "must be an activity slot", "an integer 1–6", slot);
    else if (slots.indexOf(slot) !== i)
      fail(`activities.personnel.${i}`, "is listed twice", "each slot once", slot);
  });
}

/** Reads a configuration from JSON text; a syntax error is reported like any other problem. */
export function parseMapperConfigJson(text: string): ParseConfigResult {
  return parseConfigJson(text, parseMapperConfig);
}

/** JSON text checked by `parse`; a syntax error is a `CONFIG_INVALID` of the whole file. */
export function parseConfigJson<Result>(
  text: string,
  parse: (value: unknown) => Result,
): Result | { readonly ok: false; readonly errors: readonly ConfigIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [configIssue("", `not JSON: ${(error as Error).message}`)] };
  }
  return parse(value);
}
