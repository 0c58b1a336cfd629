/**
 * The examples of examples/<folder>/README.md, shared by the repo run (test/package/examples.test.ts,
 * `node dist/cli/main.js`) and the installed run (test/package/packed.test.ts, the consumer project's
 * `node_modules/.bin/b2mml` on the installed package's examples/): one expectation table, one command
 * extraction, one runner. Every command of a README's ```sh blocks runs as written, in a copy of its
 * folder; the exit code and the key part of the output are asserted. A command without an expectation
 * here, or an expectation whose command is gone from the README, fails the run.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { type CliRun, spawnCli } from "../../cli/helpers/run-cli.js";

export interface Expectation {
  readonly code: number;
  /** Checks the run and the folder it ran in. */
  readonly check: (run: CliRun, dir: string) => void;
}

const NS = 'xmlns:ns1="http://www.mesa.org/xml/B2MML-V0600"';

export const EXPECTED: Record<string, Record<string, Expectation>> = {
  "validate-partner-message": {
    "b2mml validate --rules message.xml": {
      code: 0,
      check: (r) => expect(r.err).toBe("b2mml validate: 1 file(s): 1 valid, 0 invalid, 0 unusable\n"),
    },
    "b2mml validate --quiet out-of-order.xml": {
      code: 1,
      check: (r, dir) => {
        // the README of the copy the command ran in (the repo's, or the installed package's)
        const readme = readFileSync(path.join(dir, "README.md"), "utf8");
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
export function commandsOf(readme: string): string[] {
  return [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) =>
    (m[1] ?? "").split("\n").filter((line) => line.startsWith("b2mml ")),
  );
}

/** The example folders of `examplesDir`, in name order. */
export function exampleFolders(examplesDir: string): string[] {
  return readdirSync(examplesDir)
    .filter((f) => statSync(path.join(examplesDir, f)).isDirectory())
    .sort();
}

/**
 * Copies `examplesDir/<folder>` to `work/<folder>` and runs every command of its README there, as
 * written, checking each against `EXPECTED`. `bin`: the `b2mml` executable (default: the repo's
 * `node dist/cli/main.js`).
 */
export async function runExample(
  examplesDir: string,
  folder: string,
  work: string,
  bin?: string,
): Promise<void> {
  const commands = commandsOf(readFileSync(path.join(examplesDir, folder, "README.md"), "utf8"));
  expect(commands).toEqual(Object.keys(EXPECTED[folder] ?? {}));
  const dir = path.join(work, folder);
  cpSync(path.join(examplesDir, folder), dir, { recursive: true });
  for (const command of commands) {
    // Words separated by single spaces, nothing a shell would expand or quote.
    expect(command).toMatch(/^[A-Za-z0-9 ._/=-]+$/);
    const run = await spawnCli(command.split(" ").slice(1), { cwd: dir, ...(bin ? { bin } : {}) });
    const expectation = EXPECTED[folder]?.[command];
    expect(run.code, `${command}\n${run.err}`).toBe(expectation?.code);
    expectation?.check(run, dir);
  }
}
