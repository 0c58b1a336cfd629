/**
 * What every mapping from IDocs shares: the configuration's tables (units, statuses) and the issue
 * collector.
 *
 * @module
 */
import { BUILTIN_STATUSES } from "../config/default-statuses.js";
import type { MapperConfig, StatusRule } from "../config/mapper-config.js";
import type { IssueCollector } from "../issues.js";
import { unitTable } from "../units/unit-table.js";
import type { ReadTracker } from "./track-reads.js";

export interface MapContext {
  readonly config: MapperConfig;
  readonly issues: IssueCollector;
  /** The record of the source fields read, for the unmapped-field account (absent: not recorded). */
  readonly reads?: ReadTracker;
  readonly units: ReadonlyMap<string, string>;
  readonly statuses: ReadonlyMap<string, StatusRule>;
}

export function createContext(config: MapperConfig, issues: IssueCollector): MapContext {
  const statuses = new Map(Object.entries(BUILTIN_STATUSES));
  for (const [stat, rule] of Object.entries(config.statuses ?? {})) statuses.set(stat, rule);
  return { config, issues, units: unitTable(config.units), statuses };
}
