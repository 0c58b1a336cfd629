/**
 * Property: for generated values of the profile's document roots, write → read → write gives the same
 * XML, and reading is a normal form (read ∘ write is idempotent on what read returns). Value equality
 * itself is not the property: in a repeating group whose particles are all optional (B2MML's
 * `(ProductProductionRuleID?, Version?)*`), `[{ID}, {Version}]` and `[{ID, Version}]` are the same XML,
 * and read returns the one with the fewest items.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { read } from "../../src/binding/read.js";
import { rootOf } from "../../src/binding/schema-index.js";
import { write } from "../../src/binding/write.js";
import { schemaSet } from "../../src/generated/b2mml-v0600/index.js";
import { ValueArbitraries } from "../helpers/arbitrary-value.js";

const roots = [
  "ProcessProductionSchedule",
  "SyncProductionPerformance",
  "AcknowledgeProductionSchedule",
  "GetProductionPerformance",
];

describe.each(roots)("%s", (name) => {
  const root = rootOf(schemaSet, name);
  const values = new ValueArbitraries(root).value(root.element.type, 0);

  test("write → read → write gives the same XML, with no issues, and read is a normal form", () => {
    fc.assert(
      fc.property(values, (value) => {
        const xml = write(value, root);
        const back = read(xml, root);
        expect(back.issues).toEqual([]);
        expect(write(back.value, root)).toBe(xml);
        expect(read(write(back.value, root), root).value).toEqual(back.value);
      }),
      { numRuns: 60 },
    );
  });
});
