/** Shortcuts into a mapped ProductionSchedule for assertions. */
import { expect } from "vitest";
import type {
  ProductionRequestType,
  ProductionScheduleType,
  SegmentRequirementType,
} from "../../../src/generated/b2mml-v0600/index.js";
import type { IdocPacket } from "../../../src/idoc/model.js";
import {
  type MapIssue,
  type MapOptions,
  type MapperConfig,
  type MapResult,
  mapLoiproToProductionSchedule,
} from "../../../src/mappers/index.js";
import { mapIssuePath } from "../../../src/mappers/issues.js";
import { CONFIG } from "./build-packet.js";

export type Mapped = Extract<MapResult, { ok: true }>;

export function mapOk(packet: IdocPacket, config: MapperConfig = CONFIG, options: MapOptions = {}): Mapped {
  const result = mapLoiproToProductionSchedule(packet, config, options);
  if (!result.ok)
    expect.fail(
      `expected a document, got errors:\n${result.errors.map((e) => `${mapIssuePath(e)}: ${e.code} ${e.message}`).join("\n")}`,
    );
  return result;
}

export function mapErrors(
  packet: IdocPacket,
  config: MapperConfig = CONFIG,
  options: MapOptions = {},
): readonly MapIssue[] {
  const result = mapLoiproToProductionSchedule(packet, config, options);
  if (result.ok) expect.fail("expected errors, got a document");
  return result.errors;
}

export function scheduleOf(mapped: Mapped): ProductionScheduleType {
  const schedule = mapped.value.DataArea.ProductionSchedule[0];
  if (schedule === undefined) expect.fail("no ProductionSchedule");
  return schedule;
}

export function requestOf(mapped: Mapped, index = 0): ProductionRequestType {
  const request = scheduleOf(mapped).ProductionRequest?.[index];
  if (request === undefined) expect.fail(`no ProductionRequest ${index}`);
  return request;
}

/** The order-level SegmentRequirement of a request. */
export function orderSegmentOf(mapped: Mapped, index = 0): SegmentRequirementType {
  const segment = requestOf(mapped, index).SegmentRequirement?.[0];
  if (segment === undefined) expect.fail("no order-level SegmentRequirement");
  return segment;
}

/** A nested SegmentRequirement by its chain of IDs below the order level: `["SEQ-0", "0010"]`. */
export function segmentAt(mapped: Mapped, ids: readonly string[], index = 0): SegmentRequirementType {
  let current = orderSegmentOf(mapped, index);
  for (const id of ids) {
    const next = current.SegmentRequirement?.find((s) => s.ID?.value === id);
    if (next === undefined)
      expect.fail(
        `no SegmentRequirement ${id} under ${current.ID?.value}; have ${(current.SegmentRequirement ?? []).map((s) => s.ID?.value).join(", ")}`,
      );
    current = next;
  }
  return current;
}

/** The parameter with this ID among a segment's ProductionParameters. */
export function parameterOf(segment: SegmentRequirementType, id: string) {
  return segment.ProductionParameter?.find((p) => p.Parameter?.ID.value === id)?.Parameter;
}

/** The text value of a `{ value }` or nil. */
export function textOf(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && "value" in value
    ? String((value as { value: unknown }).value)
    : undefined;
}

export function codes(issues: readonly MapIssue[]): string[] {
  return issues.map((i) => i.code);
}
