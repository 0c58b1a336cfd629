/**
 * Every command of examples/<folder>/README.md (the lines of its ```sh blocks) runs as written, in a copy
 * of its folder, with the built CLI (`node dist/cli/main.js` for `b2mml`): the exit code and the key part
 * of the output are asserted. A command without an expectation here, or an expectation whose command is
 * gone from the README, fails the test.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { type CliRun, spawnCli } from "../cli/helpers/run-cli.js";
import { repoRoot } from "../helpers/paths.js";

interface Expectation {
  readonly code: number;
  /** Checks the run and the folder it ran in. */
  readonly check: (run: CliRun, dir: string) => void;
}

const NS = 'xmlns:ns1="http://www.mesa.org/xml/B2MML-V0600"';

const EXPECTED: Record<string, Record<string, Expectation>> = {
  "validate-partner-message": {
    "b2mml validate --rules message.xml": {
      code: 0,
      check: (r) => expect(r.err).toBe("b2mml validate: 1 file(s): 1 valid, 0 invalid, 0 unusable\n"),
    },
    "b2mml validate --quiet out-of-order.xml": {
      code: 1,
      check: (r) => {
        const readme = readFileSync(
          path.join(repoRoot, "examples/validate-partner-message/README.md"),
          "utf8",
        );
        const shown = /```text\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(r.out).toBe(shown);
        expect(r.out.split("\n")[1]).toBe(`out-of-order.xml: ${NS}`);
        expect(r.err).toBe("");
      },
    },
  },
  "map-loipro-order": {
    "b2mml map production-schedule idoc.xml --config config.json -o schedule.xml": {
      code: 0,
      check: (r, dir) => {
        expect(r.err).toMatch(
          /^b2mml map: idoc\.xml: 1 order\(s\) mapped, 0 warning\(s\); BODID S4PCLNT100\//,
        );
        expect(readFileSync(path.join(dir, "schedule.xml"), "utf8")).toContain("<ProcessProductionSchedule ");
      },
    },
  },
  "map-time-tickets": {
    "b2mml map production-performance timeticket.xml --config config.json --order-context order.xml -o performance.xml":
      {
        code: 0,
        check: (r, dir) => {
          expect(r.err.split("\n")[0]).toMatch(
            /^IDOC\[1\]\/EDI_DC40\/CREDAT: CREATION_ZONE_FROM_PLANT .* \[warning\]$/,
          );
          expect(r.err).toMatch(/timeticket\.xml: 1 order\(s\) mapped, 1 warning\(s\); BODID MESBSL01\//);
          expect(readFileSync(path.join(dir, "performance.xml"), "utf8")).toContain(
            "<SyncProductionPerformance ",
          );
        },
      },
  },
  "post-performance": {
    "b2mml map erp-postings performance.xml --config config.json --out-dir idocs": {
      code: 0,
      check: (r, dir) => {
        expect(r.err).toContain("FRACTION_OF_SECOND_DROPPED");
        expect(r.err).toContain(
          "b2mml map erp-postings: performance.xml: 2 time ticket(s), 1 goods-movement document(s), 3 warning(s)\n",
        );
        expect(
          readdirSync(path.join(dir, "idocs"))
            .map((f) => f.split("-")[0])
            .sort(),
        ).toEqual(["MBGMCR03", "PPCC2PRETTICKET02", "PPCC2PRETTICKET02"]);
      },
    },
  },
  "hash-and-audit": {
    "b2mml hash message.xml": {
      code: 0,
      check: (r) => expect(r.out).toMatch(/^[0-9a-f]{64} {2}message\.xml\n$/),
    },
    "b2mml validate --rules --audit ledger.jsonl --actor qa.example message.xml": {
      code: 0,
      check: (r, dir) => {
        expect(r.err).toBe("b2mml validate: 1 file(s): 1 valid, 0 invalid, 0 unusable\n");
        expect(existsSync(path.join(dir, "ledger.jsonl.checkpoint.json"))).toBe(true);
      },
    },
    "b2mml audit verify ledger.jsonl": {
      code: 0,
      check: (r) => expect(r.out).toMatch(/^ok: 1 record\(s\), root [0-9a-f]{64}\n$/),
    },
  },
};

/** The `b2mml …` lines of the README's ```sh blocks, in order. */
function commandsOf(readme: string): string[] {
  return [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) =>
    (m[1] ?? "").split("\n").filter((line) => line.startsWith("b2mml ")),
  );
}

const examplesDir = path.join(repoRoot, "examples");
const folders = readdirSync(examplesDir)
  .filter((f) => statSync(path.join(examplesDir, f)).isDirectory())
  .sort();
const work = mkdtempSync(path.join(tmpdir(), "b2mml-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("examples/", () => {
  test("every folder has its expectations, and only those", () => {
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
  });

  test("the package ships them (package.json files)", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("examples");
  });

  for (const folder of folders) {
    test(`${folder}: every command of its README runs as written`, async () => {
      const commands = commandsOf(readFileSync(path.join(examplesDir, folder, "README.md"), "utf8"));
      expect(commands).toEqual(Object.keys(EXPECTED[folder] ?? {}));
      const dir = path.join(work, folder);
      cpSync(path.join(examplesDir, folder), dir, { recursive: true });
      for (const command of commands) {
        // Words separated by single spaces, nothing a shell would expand or quote.
        expect(command).toMatch(/^[A-Za-z0-9 ._/=-]+$/);
        const run = await spawnCli(command.split(" ").slice(1), { cwd: dir });
        const expectation = EXPECTED[folder]?.[command];
        expect(run.code, `${command}\n${run.err}`).toBe(expectation?.code);
        expectation?.check(run, dir);
      }
    }, 60_000);
  }
});
