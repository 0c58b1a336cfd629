/**
 * The LOIPRO mapping as the runner runs it (`b2mml map production-schedule`): one IDoc file, read as
 * IDoc-XML or IDoc-JSON, mapped to one ProductionSchedule BOD.
 *
 * @module
 */
import type { MapperConfig } from "../config/mapper-config.js";
import { documentOutcome } from "../shared/document-result.js";
import type { MappingRunner } from "../shared/run-mapping.js";
import { LOIPRO_TO_PRODUCTION_SCHEDULE, type MapOptions, mapLoiproToProductionSchedule } from "./index.js";

export const LOIPRO_RUNNER: MappingRunner<MapperConfig, MapOptions> = {
  id: LOIPRO_TO_PRODUCTION_SCHEDULE.id,
  input: "idoc",
  b2mmlOutput: true,
  contextErrors: "forward",
  messageType: (inputs) => inputs.packets[0]?.packet.idocs[0]?.messageType,
  map: (inputs, config, options) =>
    documentOutcome(
      mapLoiproToProductionSchedule(inputs.packets[0]?.packet ?? { idocs: [], issues: [] }, config, options),
      (value) => `${value.DataArea.ProductionSchedule[0]?.ProductionRequest?.length ?? 0} order(s) mapped`,
    ),
};
