/**
 * The performance mapping as the runner runs it (`b2mml map production-performance`): one or more IDoc
 * files, each named by its file in the issues' paths, and the orders' LOIPRO as context.
 *
 * @module
 */
import type { MapperConfig } from "../config/mapper-config.js";
import { documentOutcome } from "../shared/document-result.js";
import type { MappingRunner } from "../shared/run-mapping.js";
import {
  IDOCS_TO_PRODUCTION_PERFORMANCE,
  mapIdocsToProductionPerformance,
  type PerformanceMapOptions,
} from "./index.js";

export const PERFORMANCE_RUNNER: MappingRunner<MapperConfig, PerformanceMapOptions> = {
  id: IDOCS_TO_PRODUCTION_PERFORMANCE.id,
  input: "idoc",
  b2mmlOutput: true,
  contextErrors: "forward",
  messageType: (inputs) => inputs.packets[0]?.packet.idocs[0]?.messageType,
  map: (inputs, config, options) =>
    documentOutcome(
      mapIdocsToProductionPerformance(inputs.packets, config, {
        ...options,
        ...(inputs.context === undefined ? {} : { orderContext: inputs.context }),
      }),
      (value) =>
        `${value.DataArea.ProductionPerformance[0]?.ProductionResponse?.length ?? 0} order(s) mapped`,
    ),
};
