/**
 * What a mapping to a B2MML document returns: the validated document with its warnings, or every error
 * (no document); in both cases the source fields not carried (`unmapped`).
 *
 * @module
 */

import type { MapperConfig } from "../config/mapper-config.js";
import type { MappingResult } from "./map-result.js";
import type { MappingOutcome, MappingRunner, ReadInputs } from "./run-mapping.js";

/** A mapping's outcome; `Value` is the typed root of the document it builds (Process or Sync). */
export type DocumentMapResult<Value> = MappingResult<{
  /** The document, validated against the V0600 profile. */
  readonly xml: string;
  readonly value: Value;
  readonly bodId: string;
}>;

/** A document mapping's result as the runner's outcome: the one document, its BODID as the key. */
export function documentOutcome<Value>(
  result: DocumentMapResult<Value>,
  summary: (value: Value) => string,
): MappingOutcome {
  if (!result.ok) return result;
  const { xml, warnings, unmapped, bodId, value } = result;
  return { ok: true, outputs: [{ xml }], warnings, unmapped, idempotencyKey: bodId, summary: summary(value) };
}

/**
 * The runner of a mapping from IDoc files to one validated document: inputs read as IDocs, an order
 * context's errors passed to the mapping, the first IDoc's message type recorded.
 */
export function documentRunner<Options, Value>(spec: {
  readonly id: string;
  readonly map: (inputs: ReadInputs, config: MapperConfig, options: Options) => DocumentMapResult<Value>;
  /** What was mapped, for people: `2 order(s) mapped`. */
  readonly summary: (value: Value) => string;
}): MappingRunner<MapperConfig, Options> {
  return {
    id: spec.id,
    input: "idoc",
    b2mmlOutput: true,
    contextErrors: "forward",
    messageType: (inputs) => inputs.packets[0]?.packet.idocs[0]?.messageType,
    map: (inputs, config, options) => documentOutcome(spec.map(inputs, config, options), spec.summary),
  };
}
