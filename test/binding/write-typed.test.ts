/**
 * `write` is typed per root (issue #12): a root from the generated (typed) schema set carries its
 * document type, and a document of another root type does not compile. The `@ts-expect-error` lines are
 * checked by `npm run typecheck` (tsc over test/): if one of them compiled, tsc would report the directive
 * as unused. Untyped roots (`RootMeta`, a name typed `string`) keep taking any value, as before; a
 * literal name the schema set does not declare also gives an untyped root (rootOf throws at run time).
 */
import { describe, expect, expectTypeOf, test } from "vitest";
import { type RootMeta, type RootValue, rootOf, write } from "../../src/binding/index.js";
import { processProductionPerformance, processProductionSchedule } from "../../src/builders/index.js";
import {
  type ProcessProductionPerformanceType,
  type ProcessProductionScheduleType,
  schemaSet,
} from "../../src/generated/b2mml-v0600/index.js";

const schedule = processProductionSchedule({ creationDateTime: "2026-04-14T06:00:00Z", schedules: [{}] });
const performance = processProductionPerformance({
  creationDateTime: "2026-04-14T06:00:00Z",
  performances: [{}],
});

/** Never called: each line is a compile-time check. */
function typeChecks(): void {
  const scheduleRoot = rootOf(schemaSet, "ProcessProductionSchedule");
  const performanceRoot = rootOf(schemaSet, "ProcessProductionPerformance");
  write(schedule, scheduleRoot);
  write(performance, performanceRoot);
  // @ts-expect-error a ProcessProductionPerformance is not a ProcessProductionSchedule
  write(performance, scheduleRoot);
  // @ts-expect-error a ProcessProductionSchedule is not a ProcessProductionPerformance
  write(schedule, performanceRoot);
  // @ts-expect-error not a document at all
  write({ releaseID: "6.0" }, scheduleRoot);
  // an untyped root takes any value, as before (checked against the metadata at run time)
  const untyped: RootMeta = scheduleRoot;
  write(performance, untyped);
  write({ anything: 1 }, rootOf(schemaSet, String("ProcessProductionSchedule")));
}
void typeChecks;

describe("write typed per root", () => {
  test("rootOf with a literal name carries the document type", () => {
    const root = rootOf(schemaSet, "ProcessProductionSchedule");
    expectTypeOf<RootValue<typeof root>>().toEqualTypeOf<ProcessProductionScheduleType>();
    const other = rootOf(schemaSet, "ProcessProductionPerformance");
    expectTypeOf<RootValue<typeof other>>().toEqualTypeOf<ProcessProductionPerformanceType>();
    // a name only known at run time gives an untyped root
    const dynamic = rootOf(schemaSet, String("ProcessProductionSchedule"));
    expectTypeOf<RootValue<typeof dynamic>>().toEqualTypeOf<unknown>();
    expect(root.element.name).toBe("ProcessProductionSchedule");
  });

  test("the typed write writes what the untyped one wrote", () => {
    const root = rootOf(schemaSet, "ProcessProductionSchedule");
    expect(write(schedule, root)).toBe(write(schedule as unknown, root as RootMeta));
  });
});
