/** The configuration: checked with clear errors, the same object in the API and in the JSON file. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { configIssue } from "../../src/mappers/config/mapper-config.js";
import { parseMapperConfig, parseMapperConfigJson } from "../../src/mappers/index.js";
import { mapIssuePath } from "../../src/mappers/issues.js";
import {
  parseErpPostingConfig,
  parseErpPostingConfigJson,
} from "../../src/mappers/production-performance-to-erp/index.js";
import { renderIssuePath } from "../../src/shared/issue.js";
import { repoRoot } from "../helpers/paths.js";
import { CONFIG, packetOf, typicalOrder } from "./helpers/build-packet.js";
import { mapErrors, mapOk } from "./helpers/navigate.js";

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
    expect(result.errors.map((e) => renderIssuePath(e))).toEqual([
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
      expect(result.ok ? [] : result.errors.map((e) => [renderIssuePath(e), e.message, e.expected])).toEqual([
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
    expect(errors.map(mapIssuePath)).toEqual(["config:plants.1000.timeZone"]);
  });

  test("LOIPRO-MAP-081 the bundled configuration file is the same object the API takes", () => {
    const text = readFileSync(path.join(repoRoot, "fixtures/mappers/config.json"), "utf8");
    const result = parseMapperConfigJson(text);
    expect(result).toEqual({ ok: true, config: JSON.parse(text) });
    expect(parseMapperConfig(CONFIG).ok).toBe(true);
  });
});

describe("one plant rule, $schema and the JSON Schema of the configuration (issues #18, #12)", () => {
  const schemaFile = path.join(repoRoot, "schemas/b2mml-config.schema.json");
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
  const zone = { timeZone: "Europe/Berlin" };
  const partners = {
    sender: { port: "MESPORT", partnerNumber: "MESCLNT" },
    receiver: { port: "SAPPRD", partnerNumber: "PRDCLNT100" },
  };
  const expected =
    "a plant code (WERKS): not empty, no leading, trailing or repeated white space, no control characters";

  const plantCases: [string, unknown, string | undefined][] = [
    ["four characters", "1000", undefined],
    ["the 5-character plant of the S/4 demo system", "HZ001", undefined],
    ["letters and digits", "CH01", undefined],
    ["one character", "A", undefined],
    ["a single inner space", "PL 1", undefined],
    ["non-ASCII letters", "ÄB12", undefined],
    ["empty", "", "empty"],
    ["a leading space", " 1000", "leading or trailing white space"],
    ["a trailing space", "1000 ", "leading or trailing white space"],
    ["two inner spaces", "10  00", "white space other than single spaces between characters"],
    ["a no-break space", "10\u00a000", "white space other than single spaces between characters"],
    ["a tab", "10\t00", "contains a control character"],
    ["a NUL", "10\u000000", "contains a control character"],
    ["a C1 control", "10\u008500", "contains a control character"],
  ];

  test.each(plantCases)(
    "LOIPRO-MAP-080 a plant code with %s: the inbound config, the postings config and the schema agree",
    (_, code, reason) => {
      const plant = code as string;
      const inbound = parseMapperConfig({ plants: { [plant]: zone } });
      const postings = parseErpPostingConfig({
        plants: { "1000": zone },
        postings: { ...partners, plant, storageLocations: { [plant]: { default: "FG01" } } },
      });
      const problem = (p: string) =>
        configIssue(p, `not a plant code: ${reason}`, expected, JSON.stringify(plant));
      if (reason === undefined) {
        expect(inbound.ok).toBe(true);
        expect(postings.ok).toBe(true);
      } else {
        expect(inbound).toEqual({ ok: false, errors: [problem(`plants.${plant}`)] });
        expect(postings).toEqual({
          ok: false,
          errors: [problem("postings.plant"), problem(`postings.storageLocations.${plant}`)],
        });
      }
      expect(validateSchema({ plants: { [plant]: zone } })).toBe(reason === undefined);
      expect(validateSchema({ plants: { "1000": zone }, postings: { ...partners, plant } })).toBe(
        reason === undefined,
      );
    },
  );

  test("PERF-POST-080 a plant that is not a string is refused with the same rule", () => {
    const r = parseErpPostingConfig({ plants: { "1000": zone }, postings: { ...partners, plant: 1000 } });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: "CONFIG_INVALID",
          severity: "error",
          origin: "config",
          path: "postings/plant",
          message: "not a plant code: not a string",
          expected,
          received: "1000",
        },
      ],
    });
  });

  test("LOIPRO-MAP-080 a $schema key is accepted by every configuration reader; a non-string one is not", () => {
    const inbound = {
      $schema: "./node_modules/b2mml/schemas/b2mml-config.schema.json",
      plants: { "1000": zone },
    };
    expect(parseMapperConfig(inbound)).toEqual({ ok: true, config: inbound });
    expect(parseMapperConfigJson(JSON.stringify(inbound))).toEqual({ ok: true, config: inbound });
    const outbound = { ...inbound, postings: partners };
    expect(parseErpPostingConfig(outbound)).toEqual({ ok: true, config: outbound });
    expect(parseErpPostingConfigJson(JSON.stringify(outbound))).toEqual({ ok: true, config: outbound });
    expect(validateSchema(outbound)).toBe(true);
    const bad = parseMapperConfig({ $schema: 7, plants: {} });
    expect(bad).toEqual({
      ok: false,
      errors: [
        {
          code: "CONFIG_INVALID",
          severity: "error",
          origin: "config",
          path: "$schema",
          message: "must be a string",
          expected: "the path or URI of the JSON Schema",
          received: "7",
        },
      ],
    });
    expect(validateSchema({ $schema: 7, plants: {} })).toBe(false);
  });

  const exampleConfigs = [
    "fixtures/mappers/config.json",
    "fixtures/mappers/erp-postings/config.json",
    ...["loipro", "performance", "erp-postings"].flatMap((area) =>
      readdirSync(path.join(repoRoot, "fixtures/mappers", area), { withFileTypes: true })
        .filter(
          (d) =>
            d.isDirectory() &&
            existsSync(path.join(repoRoot, "fixtures/mappers", area, d.name, "config.json")),
        )
        .map((d) => `fixtures/mappers/${area}/${d.name}/config.json`),
    ),
  ];

  test("LOIPRO-MAP-081 there are example configurations to check", () => {
    expect(exampleConfigs.length).toBeGreaterThanOrEqual(9);
  });

  test.each(exampleConfigs)(
    "LOIPRO-MAP-081 %s is valid against the shipped JSON Schema and its reader",
    (file) => {
      const text = readFileSync(path.join(repoRoot, file), "utf8");
      const value = JSON.parse(text) as Record<string, unknown>;
      const valid = validateSchema(value);
      expect(valid, JSON.stringify(validateSchema.errors)).toBe(true);
      expect(parseMapperConfigJson(text)).toEqual({ ok: true, config: value });
      if (value.postings !== undefined)
        expect(parseErpPostingConfigJson(text)).toEqual({ ok: true, config: value });
    },
  );

  test.each([
    ["a top-level key", { plants: { "1000": zone }, plant: "1000" }, "plant"],
    [
      "a key of postings",
      { plants: { "1000": zone }, postings: { ...partners, plnt: "1000" } },
      "postings.plnt",
    ],
    [
      "a key of a partner",
      { plants: { "1000": zone }, postings: { ...partners, sender: { ...partners.sender, client: "100" } } },
      "postings.sender.client",
    ],
    ["a key of a plant", { plants: { "1000": { ...zone, tz: "UTC" } } }, "plants.1000.tz"],
  ])("LOIPRO-MAP-080 an unknown key (%s) is refused by the schema and by both readers", (_, config, key) => {
    expect(validateSchema(config)).toBe(false);
    const inbound = parseMapperConfig(config);
    expect(!inbound.ok && inbound.errors.map((e) => [e.code, renderIssuePath(e)])).toEqual([
      ["CONFIG_INVALID", key],
    ]);
    const outbound = parseErpPostingConfig({ postings: partners, ...config });
    expect(!outbound.ok && outbound.errors.map((e) => [e.code, renderIssuePath(e)])).toEqual([
      ["CONFIG_INVALID", key],
    ]);
  });

  test("LOIPRO-MAP-081 one file for every map command: the postings section is accepted and checked by parseMapperConfig", () => {
    const config = { ...CONFIG, postings: { ...partners, plant: "HZ001" } };
    expect(parseMapperConfig(config)).toEqual({ ok: true, config });
    expect(mapOk(packetOf({ segments: [typicalOrder()] }), config).ok).toBe(true);
    const bad = parseMapperConfig({ ...CONFIG, postings: { sender: partners.sender } });
    expect(!bad.ok && bad.errors.map((e) => [renderIssuePath(e), e.message])).toEqual([
      ["postings.receiver", '"receiver" is required'],
    ]);
  });

  test("LOIPRO-MAP-081 the package ships the schema", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("schemas");
    expect(existsSync(schemaFile)).toBe(true);
  });
});
