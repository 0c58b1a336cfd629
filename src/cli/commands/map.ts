/**
 * `b2mml map production-schedule <idoc.xml|idoc.json> --config <file> [--verb Process|Sync] [--strict]
 * [--report-unmapped] [--created <dateTime>] [-o <file>]`
 *
 * @module
 */
import { type MapperConfig, parseMapperConfigJson } from "../../mappers/config/mapper-config.js";
import type { MapOptions } from "../../mappers/loipro-to-production-schedule/index.js";
import { LOIPRO_RUNNER } from "../../mappers/loipro-to-production-schedule/runner.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import { GUIDES_HELP } from "../guides.js";
import { MAP_QUIET_IGNORE_HELP, parseIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand, reportUsage } from "../parse-command.js";
import { checkAuditActor } from "./audit.js";
import { MAP_EXIT_CODES } from "./map-config.js";
import { runMapErpPostings } from "./map-erp-postings.js";
import { runMapProductionPerformance } from "./map-production-performance.js";
import { type MapCommand, runMapCommand } from "./map-run.js";

export const MAP_HELP = `Usage: b2mml map <mapping> <input>... --config <file> [options]

Maps SAP IDocs to B2MML V0600 documents validated against the built-in profile, and B2MML back to SAP
postings. Mappings:
  production-schedule     LOIPRO production orders → one ProductionSchedule BOD (docs/mapping-loipro.md)
  production-performance  time tickets and goods movements → one ProductionPerformance BOD
                          (docs/mapping-performance.md)
  erp-postings            a ProductionPerformance → SAP IDoc-XML time tickets and goods movements
                          (docs/mapping-performance.md, PERF-POST)

Run "b2mml map <mapping> --help" for a mapping's options and exit codes, e.g.
b2mml map production-schedule --help.

${GUIDES_HELP}`;

export const MAP_SCHEDULE_HELP = `Usage: b2mml map production-schedule <idoc.xml|idoc.json> --config <file> [options]

Maps SAP production orders (LOIPRO IDoc-XML or IDoc-JSON, one IDoc or a packet) to one B2MML V0600
ProductionSchedule BOD, validated against the built-in V0600 profile (docs/mapping-loipro.md).

Options:
  --config <file>       mapper configuration (JSON): plants' time zones, units, systems, statuses
  --verb <verb>         Process (default) or Sync
  --strict              read the IDoc strictly (against xsd/idoc) and reject on any warning
                        or any source field not carried (UNMAPPED_FIELD)
  --report-unmapped     list the source fields not carried into the document, and why
  --created <dateTime>  creation time for IDocs whose control record has no CREDAT (xs:dateTime
                        with offset); never used when CREDAT is there
  -o, --output <file>   write the document to a file instead of stdout
  --audit <ledger>      append the run's audit record (input and output digests, configuration,
                        schema set, outcome) to this ledger (see b2mml audit verify)
  --actor <name>        who runs it, recorded as given in the audit record (with --audit)
${MAP_QUIET_IGNORE_HELP(24)}
  -h, --help            this text

The document goes to stdout (or --output); warnings and errors to stderr, one a line, as
"path: code message" (unmapped fields as "path: unmapped reason message"). Exit 0: mapped; 1: mapping
rejected (errors, or warnings or unmapped fields with --strict);
2: usage; 3: the IDoc or the configuration is unreadable, not well-formed or refused as unsafe.

${GUIDES_HELP}

${exitCodeHelp(MAP_EXIT_CODES)}`;

const MAPPINGS = ["production-schedule", "production-performance", "erp-postings"];

const SCHEDULE_COMMAND: MapCommand<MapperConfig, MapOptions> = {
  name: "b2mml map",
  runner: LOIPRO_RUNNER,
  parseConfig: parseMapperConfigJson,
  idocSchemas: true,
  output: "document",
  summaryCountsUnmapped: true,
};

export async function runMap(args: readonly string[], io: Io): Promise<ExitCode> {
  const [first] = args;
  if (first === "production-performance") return runMapProductionPerformance(args.slice(1), io);
  if (first === "erp-postings") return runMapErpPostings(args.slice(1), io);
  if (first === "--help" || first === "-h") {
    io.out(MAP_HELP);
    return ExitCode.OK;
  }
  if (first === undefined) return reportUsage("b2mml map", "no mapping given", "b2mml map", io);
  // production-schedule may follow its options, as it always could.
  const at = args.indexOf("production-schedule");
  if (at < 0) {
    const mapping = args.find((a) => !a.startsWith("-")) ?? first;
    return reportUsage(
      "b2mml map",
      `unknown mapping "${mapping}"; expected ${MAPPINGS.join(", ")}`,
      "b2mml map",
      io,
    );
  }
  const parsed = parseCommand(
    [...args.slice(0, at), ...args.slice(at + 1)],
    {
      config: { type: "string" },
      verb: { type: "string" },
      strict: { type: "boolean" },
      "report-unmapped": { type: "boolean" },
      quiet: { type: "boolean" },
      ignore: { type: "string" },
      created: { type: "string" },
      output: { type: "string", short: "o" },
      audit: { type: "string" },
      actor: { type: "string" },
    },
    "b2mml map",
    MAP_SCHEDULE_HELP,
    io,
    "b2mml map production-schedule",
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const badActor = checkAuditActor(values, usage);
  if (badActor !== undefined) return badActor;
  const [file, ...extra] = positionals;
  if (file === undefined) return usage("no IDoc file given");
  if (extra.length > 0) return usage(`one IDoc file at a time; got also ${extra.join(", ")}`);
  if (values.config === undefined) return usage("--config <file> is required");
  const ignored = parseIgnoredCodes(values.ignore);
  if (!ignored.ok) return usage(ignored.message);
  const verb = values.verb ?? "Process";
  if (verb !== "Process" && verb !== "Sync") return usage(`unknown verb "${verb}"; expected Process or Sync`);

  return runMapCommand(
    SCHEDULE_COMMAND,
    { ...values, config: values.config },
    [file],
    { verb, ...(values.created === undefined ? {} : { creationDateTime: values.created }) },
    ignored.codes,
    io,
  );
}
