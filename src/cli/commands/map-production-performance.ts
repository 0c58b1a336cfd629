/**
 * `b2mml map production-performance <idoc>... --config <file> [--order-context <loipro>]
 * [--verb Sync|Process] [-o <file>]` (docs/mapping-performance.md, PERF-MAP-090).
 *
 * @module
 */
import { type MapperConfig, parseMapperConfigJson } from "../../mappers/config/mapper-config.js";
import type { PerformanceMapOptions } from "../../mappers/idoc-to-production-performance/index.js";
import { PERFORMANCE_RUNNER } from "../../mappers/idoc-to-production-performance/runner.js";
import { type ExitCode, exitCodeHelp } from "../exit-codes.js";
import { GUIDES_HELP } from "../guides.js";
import { MAP_QUIET_IGNORE_HELP, parseIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { checkAuditActor } from "./audit.js";
import { MAP_EXIT_CODES } from "./map-config.js";
import { type MapCommand, runMapCommand } from "./map-run.js";

export const MAP_PERFORMANCE_HELP = `Usage: b2mml map production-performance <idoc>... --config <file> [options]

Maps MES actuals sent to SAP — time tickets (PPCC2PRETTICKET01/02) and goods movements
(MBGMCR02/03/04), IDoc-XML or IDoc-JSON, one or more files — to one B2MML V0600 ProductionPerformance
BOD, validated against the built-in V0600 profile (docs/mapping-performance.md).

Options:
  --config <file>          mapper configuration (JSON): plants' time zones, units, systems, activities
  --order-context <file>   the orders' LOIPRO IDoc, for operation and confirmation-number look-ups
  --verb <verb>            Sync (default) or Process
  --report-unmapped        list the source fields not carried into the document, and why
  -o, --output <file>      write the document to a file instead of stdout
  --audit <ledger>         append the run's audit record to this ledger (see b2mml audit verify)
  --actor <name>           who runs it, recorded as given in the audit record (with --audit)
${MAP_QUIET_IGNORE_HELP(27)}
  -h, --help               this text

The document goes to stdout (or --output); warnings and errors to stderr, one a line, as
"path: code message". Exit 0: mapped; 1: mapping rejected; 2: usage; 3: an input or the configuration
is unreadable, not well-formed or refused as unsafe.

${GUIDES_HELP}

${exitCodeHelp(MAP_EXIT_CODES)}`;

const PERFORMANCE_COMMAND: MapCommand<MapperConfig, PerformanceMapOptions> = {
  name: "b2mml map",
  runner: PERFORMANCE_RUNNER,
  parseConfig: parseMapperConfigJson,
  idocSchemas: true,
  progress: true,
  output: "document",
};

export async function runMapProductionPerformance(args: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(
    args,
    {
      config: { type: "string" },
      "order-context": { type: "string" },
      verb: { type: "string" },
      "report-unmapped": { type: "boolean" },
      quiet: { type: "boolean" },
      ignore: { type: "string" },
      output: { type: "string", short: "o" },
      audit: { type: "string" },
      actor: { type: "string" },
    },
    "b2mml map",
    MAP_PERFORMANCE_HELP,
    io,
    "b2mml map production-performance",
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const badActor = checkAuditActor(values, usage);
  if (badActor !== undefined) return badActor;
  if (positionals.length === 0) return usage("no IDoc file given");
  if (values.config === undefined) return usage("--config <file> is required");
  const ignored = parseIgnoredCodes(values.ignore);
  if (!ignored.ok) return usage(ignored.message);
  const verb = values.verb ?? "Sync";
  if (verb !== "Process" && verb !== "Sync") return usage(`unknown verb "${verb}"; expected Sync or Process`);

  const config = values.config;
  return runMapCommand(PERFORMANCE_COMMAND, { ...values, config }, positionals, { verb }, ignored.codes, io);
}
