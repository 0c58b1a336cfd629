/**
 * The configuration of the ERP postings: the shared mapper configuration (plants, systems, units,
 * statuses; `parseMapperConfig`) with its `postings` section, required here, for what a
 * ProductionPerformance cannot say (PERF-POST-080; the section is `src/mappers/config/postings-config.ts`):
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
import {
  type ConfigIssue,
  type MapperConfig,
  parseConfigJson,
  parseMapperConfig,
} from "../config/mapper-config.js";
import type { PostingsConfig } from "../config/postings-config.js";

export type {
  PartnerConfig,
  PostingsConfig,
  RoundingRule,
  StorageLocationConfig,
} from "../config/postings-config.js";

export interface ErpPostingConfig extends MapperConfig {
  readonly postings: PostingsConfig;
}

export type ParseErpPostingConfigResult =
  | { readonly ok: true; readonly config: ErpPostingConfig }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

/**
 * Checks the configuration with `parseMapperConfig` (the shared part and the `postings` section, the one
 * file every map command reads) and requires the `postings` section; all problems reported.
 */
export function parseErpPostingConfig(value: unknown): ParseErpPostingConfigResult {
  const base = parseMapperConfig(value);
  const errors: ConfigIssue[] = base.ok ? [] : [...base.errors];
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject && (value as Record<string, unknown>).postings === undefined)
    errors.push({
      code: "CONFIG_INVALID",
      path: "postings",
      message: '"postings" is required',
      expected: "an object with sender and receiver",
      received: "(absent)",
    });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: value as ErpPostingConfig };
}

/** Reads the configuration from JSON text. */
export function parseErpPostingConfigJson(text: string): ParseErpPostingConfigResult {
  return parseConfigJson(text, parseErpPostingConfig);
}
