/**
 * A starter configuration from an IDoc (`b2mml init`): the plants, sending systems and units the IDoc
 * uses, each with a `$comment` saying where it was found. Nothing is guessed: a plant's or a system's
 * time zone and the Rec. 20 code of a unit outside the built-in table are placeholders
 * (`TODO: …`) that {@link parseMapperConfig} refuses until the user writes the real value. Everything
 * else the file holds is accepted by the reader exactly as written.
 *
 * Plants are the values of the fields of SAP type `WERKS_D` (WERKS, PWERK, PLANT, …), units those of the
 * fields of SAP type `UNIT` (GMEIN, MEINS, …), systems the control records' sender partners (SNDPRN),
 * statuses the values of `STAT`. In a segment outside the IDoc schemas (a MATMAS or LOIWCS segment, a
 * Z-segment), a field counts when a segment of the schemas has a field of that name and type.
 *
 * @module
 */
import { type IdocSchema, idocSchema } from "../../idoc/idoc-schema.js";
import type { IdocPacket, IdocSegment } from "../../idoc/model.js";
import { BUILTIN_UNITS } from "../units/unit-table.js";
import { CONFIG_PLACEHOLDER_PREFIX, configPlaceholder } from "./config-comment.js";
import { BUILTIN_STATUSES } from "./default-statuses.js";
import type { MapperConfig } from "./mapper-config.js";

/** Where the schema the starter file names is, seen from a project that installed the package. */
export const CONFIG_SCHEMA_REFERENCE = "./node_modules/b2mml/schemas/b2mml-config.schema.json";

/** Options of {@link buildStarterConfig}. */
export interface StarterConfigOptions {
  /** The IDoc's name for the file's first note (a path, or `-` for standard input). */
  readonly source?: string;
  /** The IDoc types to read fields by (`loadIdocSchema`); the project's schemas by default. */
  readonly schema?: IdocSchema;
}

/** One key found in the IDoc: the value, where it was first seen and how often. */
export interface FoundKey {
  readonly key: string;
  /** IDoc path of the first field that holds it (`IDOC[1]/E1AFKOL/WERKS`). */
  readonly firstPath: string;
  readonly count: number;
}

/** What {@link buildStarterConfig} found and wrote. */
export interface StarterConfig {
  /** The configuration object, placeholders included (so it does not pass `parseMapperConfig` yet). */
  readonly config: MapperConfig;
  /** The file's text: `config` as JSON, two-space indented, with a final newline. */
  readonly text: string;
  readonly plants: readonly FoundKey[];
  readonly systems: readonly FoundKey[];
  /** Every unit found; `builtin` is its code in the built-in table, absent for one that needs configuring. */
  readonly units: readonly (FoundKey & { readonly builtin?: string })[];
  /** Statuses found that the built-in table does not map (passed on as parameters unless configured). */
  readonly statuses: readonly FoundKey[];
  /** How many placeholders the user has to replace. */
  readonly placeholders: number;
}

class Finds {
  private readonly map = new Map<string, { firstPath: string; count: number }>();
  add(key: string, path: string): void {
    const known = this.map.get(key);
    if (known) known.count++;
    else this.map.set(key, { firstPath: path, count: 1 });
  }
  /** In code-point order of the keys, so that the file does not depend on the IDoc's order. */
  sorted(): FoundKey[] {
    return [...this.map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, v]) => ({ key, ...v }));
  }
}

const where = (found: FoundKey): string =>
  `found at ${found.firstPath}${found.count > 1 ? ` and ${found.count - 1} more place(s)` : ""}`;

/** Builds the starter configuration for the IDocs of `packet`. */
export function buildStarterConfig(packet: IdocPacket, options: StarterConfigOptions = {}): StarterConfig {
  const { catalogue } = options.schema ?? idocSchema();
  const plantFields = new Set<string>();
  const unitFields = new Set<string>();
  for (const spec of catalogue.values())
    for (const [field, type] of spec.fields) {
      if (type.typeName === "WERKS_D") plantFields.add(field);
      if (type.kind === "UNIT") unitFields.add(field);
    }
  const plants = new Finds();
  const systems = new Finds();
  const units = new Finds();
  const statuses = new Finds();

  const visit = (segment: IdocSegment): void => {
    const spec = catalogue.get(segment.name);
    for (const [field, value] of Object.entries(segment.fields)) {
      if (value === "") continue;
      const type = spec?.fields.get(field);
      const path = `${segment.path}/${field}`;
      if (type === undefined ? plantFields.has(field) : type.typeName === "WERKS_D") plants.add(value, path);
      else if (type === undefined ? unitFields.has(field) : type.kind === "UNIT") units.add(value, path);
      else if (field === "STAT" && !Object.hasOwn(BUILTIN_STATUSES, value)) statuses.add(value, path);
    }
    for (const child of segment.segments) visit(child);
  };
  for (const idoc of packet.idocs) {
    const sender = idoc.control.SNDPRN;
    if (sender !== undefined && sender !== "") systems.add(sender, `${idoc.path}/EDI_DC40/SNDPRN`);
    for (const segment of idoc.segments) visit(segment);
  }

  const foundPlants = plants.sorted();
  const foundSystems = systems.sorted();
  const foundUnits = units.sorted().map((u): FoundKey & { readonly builtin?: string } => {
    const builtin = Object.hasOwn(BUILTIN_UNITS, u.key) ? BUILTIN_UNITS[u.key] : undefined;
    return builtin === undefined ? u : { ...u, builtin };
  });
  const foundStatuses = statuses.sorted();
  const missingUnits = foundUnits.filter((u) => u.builtin === undefined);

  const types = [...new Set(packet.idocs.map((d) => d.extension ?? d.basicType))].join(", ");
  const notes = [
    `Starter configuration written by b2mml init from ${options.source ?? "an IDoc"} (${packet.idocs.length} IDoc(s): ${types || "no basic type"}).`,
    `Replace every value that starts with ${CONFIG_PLACEHOLDER_PREFIX}: the map commands refuse this file (CONFIG_INVALID) while one is left. Nothing here is guessed.`,
    "Time zones are IANA names (Europe/Berlin, America/New_York); units are UN/ECE Rec. 20 codes (KGM, H87).",
    foundUnits.length === 0
      ? "Units: none found."
      : `Units found: ${foundUnits.map((u) => `${u.key} → ${u.builtin ?? "not in the built-in table (see units)"}`).join(", ")}.`,
    ...(foundStatuses.length === 0
      ? []
      : [
          `Statuses the built-in table does not map (passed on as parameters unless a rule under "statuses" maps them): ${foundStatuses.map((s) => s.key).join(", ")}.`,
        ]),
    "map erp-postings also needs a postings section (docs/mapping-performance.md, PERF-POST-080).",
  ];
  const zoneEntry = (what: string, found: FoundKey) => ({
    $comment: `${what} ${found.key}: ${where(found)}`,
    timeZone: configPlaceholder(`the IANA time zone of ${what} ${found.key}`),
  });
  const config = {
    $schema: CONFIG_SCHEMA_REFERENCE,
    $comment: notes,
    plants: Object.fromEntries(foundPlants.map((p) => [p.key, zoneEntry("plant", p)])),
    ...(foundSystems.length === 0
      ? {}
      : {
          systems: Object.fromEntries(
            foundSystems.map((s) => [s.key, zoneEntry("sending system (SNDPRN)", s)]),
          ),
        }),
    ...(missingUnits.length === 0
      ? {}
      : {
          units: Object.fromEntries(
            missingUnits.map((u) => [
              u.key,
              configPlaceholder(`the Rec. 20 code of SAP unit ${u.key} (${where(u)})`),
            ]),
          ),
        }),
  } satisfies MapperConfig;
  return {
    config,
    text: `${JSON.stringify(config, null, 2)}\n`,
    plants: foundPlants,
    systems: foundSystems,
    units: foundUnits,
    statuses: foundStatuses,
    placeholders: foundPlants.length + foundSystems.length + missingUnits.length,
  };
}
