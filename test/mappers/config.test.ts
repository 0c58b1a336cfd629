/** The configuration: checked with clear errors, the same object in the API and in the JSON file. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseMapperConfig, parseMapperConfigJson } from "../../src/mappers/index.js";
import { repoRoot } from "../helpers/paths.js";
import { CONFIG, packetOf, typicalOrder } from "./helpers/build-packet.js";
import { mapErrors } from "./helpers/navigate.js";

describe("configuration", () => {
  test("LOIPRO-MAP-080 a valid configuration passes unchanged", () => {
    const config = {
      plants: { "1000": { timeZone: "Europe/Berlin" } },
      units: { PAL: "PX" },
      systems: { S4H: { timeZone: "Etc/UTC" } },
      statuses: { E0001: { state: "Other", otherValue: "Hold", rank: 55 } },
    };
    expect(parseMapperConfig(config)).toEqual({ ok: true, config });
  });

  test("LOIPRO-MAP-080 every problem is reported with its path", () => {
    const result = parseMapperConfig({
      plant: {},
      plants: { "1000": { timeZone: "Mars/Olympus" }, "2000": { tz: "Europe/Berlin" } },
      units: { PAL: "pallet" },
      systems: { S4H: "UTC" },
      statuses: {
        I0002: { state: "Running", rank: 1.5 },
        E0001: { state: "Other", rank: 1 },
        E0002: { state: "Released", otherValue: "x", rank: 1 },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      "plant",
      "plants.1000.timeZone",
      "plants.2000.tz",
      "plants.2000.timeZone",
      "systems.S4H",
      "units.PAL",
      "statuses.I0002.state",
      "statuses.I0002.rank",
      "statuses.E0001.otherValue",
      "statuses.E0002.otherValue",
    ]);
    expect(result.errors[1]).toMatchObject({ code: "CONFIG_INVALID", received: '"Mars/Olympus"' });
  });

  test("LOIPRO-MAP-087 idocSchemas names a folder: a non-empty string, else CONFIG_INVALID", () => {
    const plants = { "1000": { timeZone: "Europe/Berlin" } };
    expect(parseMapperConfig({ plants, idocSchemas: "schemas" })).toEqual({
      ok: true,
      config: { plants, idocSchemas: "schemas" },
    });
    for (const idocSchemas of ["", 7, ["schemas"]]) {
      const result = parseMapperConfig({ plants, idocSchemas });
      expect(result.ok ? [] : result.errors.map((e) => [e.path, e.message, e.expected])).toEqual([
        ["idocSchemas", "must be a folder name", "a non-empty string (a folder of .xsd files)"],
      ]);
    }
  });

  test("LOIPRO-MAP-080 plants are required; JSON syntax errors are reported, not thrown", () => {
    expect(parseMapperConfig({}).ok).toBe(false);
    expect(parseMapperConfig([]).ok).toBe(false);
    const bad = parseMapperConfigJson("{ plants: }");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toMatch(/^not JSON/);
  });

  test("LOIPRO-MAP-080 the mapper rejects an invalid configuration given through the API, with config: paths", () => {
    const errors = mapErrors(packetOf({ segments: [typicalOrder()] }), {
      plants: { "1000": { timeZone: "CET6" } },
    });
    expect(errors.map((e) => e.path)).toEqual(["config:plants.1000.timeZone"]);
  });

  test("LOIPRO-MAP-081 the bundled configuration file is the same object the API takes", () => {
    const text = readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8");
    const result = parseMapperConfigJson(text);
    expect(result).toEqual({ ok: true, config: JSON.parse(text) });
    expect(parseMapperConfig(CONFIG).ok).toBe(true);
  });
});
