/**
 * The LOIPRO mapping as the runner runs it (`b2mml map production-schedule`): one IDoc file, read as
 * IDoc-XML or IDoc-JSON, mapped to one ProductionSchedule BOD.
 *
 * @module
 */
import { documentRunner } from "../shared/document-result.js";
import { LOIPRO_TO_PRODUCTION_SCHEDULE, type MapOptions, mapLoiproToProductionSchedule } from "./index.js";

const EMPTY = { idocs: [], issues: [] };

export const LOIPRO_RUNNER = documentRunner({
  id: LOIPRO_TO_PRODUCTION_SCHEDULE.id,
  map: (inputs, config, options: MapOptions) =>
    mapLoiproToProductionSchedule(inputs.packets[0]?.packet ?? EMPTY, config, options),
  summary: (value) =>
    `${value.DataArea.ProductionSchedule[0]?.ProductionRequest?.length ?? 0} order(s) mapped`,
});
