/**
 * The performance mapping as the runner runs it (`b2mml map production-performance`): one or more IDoc
 * files, each named by its file in the issues' paths, and the orders' LOIPRO as context.
 *
 * @module
 */
import { documentRunner } from "../shared/document-result.js";
import {
  IDOCS_TO_PRODUCTION_PERFORMANCE,
  mapIdocsToProductionPerformance,
  type PerformanceMapOptions,
} from "./index.js";

export const PERFORMANCE_RUNNER = documentRunner({
  id: IDOCS_TO_PRODUCTION_PERFORMANCE.id,
  map: (inputs, config, options: PerformanceMapOptions) =>
    mapIdocsToProductionPerformance(inputs.packets, config, {
      ...options,
      ...(inputs.context === undefined ? {} : { orderContext: inputs.context }),
    }),
  summary: (value) =>
    `${value.DataArea.ProductionPerformance[0]?.ProductionResponse?.length ?? 0} order(s) mapped`,
});
