/**
 * `b2mml map erp-postings <ProductionPerformance.xml> --config <file> [--order-context <loipro.xml>]
 * --out-dir <dir>`: one IDoc-XML file per IDoc (docs/mapping-performance.md, PERF-POST-090).
 *
 * @module
 */
import {
  type ErpPostingConfig,
  type ErpPostingOptions,
  parseErpPostingConfigJson,
} from "../../mappers/production-performance-to-erp/index.js";
import { ERP_POSTINGS_RUNNER } from "../../mappers/production-performance-to-erp/runner.js";
import { type ExitCode, exitCodeHelp } from "../exit-codes.js";
import { GUIDES_HELP } from "../guides.js";
import { MAP_QUIET_IGNORE_HELP, parseIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { checkAuditActor } from "./audit.js";
import { MAP_EXIT_CODES } from "./map-config.js";
import { type MapCommand, runMapCommand } from "./map-run.js";

export const MAP_ERP_POSTINGS_HELP = `Usage: b2mml map erp-postings <ProductionPerformance.xml> --config <file> --out-dir <dir> [options]

Maps a B2MML V0600 ProductionPerformance (the document or its BOD) to SAP inbound IDoc-XML:
PPCC2PRETTICKET02 time tickets and MBGMCR03 goods movements, one file per IDoc, named
<basic type>-<EX_IDENT or REF_DOC_NO>.xml (docs/mapping-performance.md, PERF-POST).

Options:
  --config <file>          configuration (JSON): plants' time zones, units, and "postings"
  --order-context <file>   the orders' LOIPRO (IDoc-XML or IDoc-JSON): plant, storage locations,
                           reservations, order items
  --out-dir <dir>          where the IDoc files are written (created when missing)
  --report-unmapped        list the document's values not carried into a posting, and why
  --audit <ledger>         append the run's audit record to this ledger (see b2mml audit verify)
  --actor <name>           who runs it, recorded as given in the audit record (with --audit)
${MAP_QUIET_IGNORE_HELP(27)}
  -h, --help               this text

Warnings and errors go to stderr, one a line, as "path: code message"; the file names to stdout.
Exit 0: mapped; 1: mapping rejected (nothing written); 2: usage; 3: the document, the order context
or the configuration is unreadable, not well-formed or refused as unsafe.

${GUIDES_HELP}

${exitCodeHelp(MAP_EXIT_CODES)}`;

const ERP_POSTINGS_COMMAND: MapCommand<ErpPostingConfig, ErpPostingOptions> = {
  name: "b2mml map erp-postings",
  runner: ERP_POSTINGS_RUNNER,
  parseConfig: parseErpPostingConfigJson,
  idocSchemas: false,
  inputWhat: "document",
  output: "files",
};

export async function runMapErpPostings(args: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parseCommand(
    args,
    {
      config: { type: "string" },
      "order-context": { type: "string" },
      "out-dir": { type: "string" },
      "report-unmapped": { type: "boolean" },
      quiet: { type: "boolean" },
      ignore: { type: "string" },
      audit: { type: "string" },
      actor: { type: "string" },
    },
    "b2mml map erp-postings",
    MAP_ERP_POSTINGS_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const badActor = checkAuditActor(values, usage);
  if (badActor !== undefined) return badActor;
  const [file, ...extra] = positionals;
  if (file === undefined) return usage("no ProductionPerformance file given");
  if (extra.length > 0) return usage(`one document at a time; got also ${extra.join(", ")}`);
  if (values.config === undefined) return usage("--config <file> is required");
  const ignored = parseIgnoredCodes(values.ignore);
  if (!ignored.ok) return usage(ignored.message);
  const outDir = values["out-dir"];
  if (outDir === undefined) return usage("--out-dir <dir> is required");

  const config = values.config;
  return runMapCommand(ERP_POSTINGS_COMMAND, { ...values, config }, [file], {}, ignored.codes, io);
}
