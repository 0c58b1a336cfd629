/**
 * `b2mml map erp-postings <ProductionPerformance.xml> --config <file> [--order-context <loipro.xml>]
 * --out-dir <dir>`: one IDoc-XML file per IDoc (docs/mapping-performance.md, PERF-POST-090).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appendMappingAudit } from "../../audit/mapping-audit.js";
import { parseXmlTree, XmlParseError } from "../../binding/xml-tree.js";
import { IdocInputError } from "../../idoc/idoc-input-error.js";
import type { IdocPacket } from "../../idoc/model.js";
import { readIdoc } from "../../idoc/read-idoc.js";
import { formatMapIssue } from "../../mappers/issues.js";
import {
  mapProductionPerformanceToErpPostings,
  parseErpPostingConfigJson,
} from "../../mappers/production-performance-to-erp/index.js";
import { renderIssuePath } from "../../shared/issue.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import { GUIDES_HELP } from "../guides.js";
import { dropIgnoredCodes, MAP_QUIET_IGNORE_HELP, parseIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { inputLimit, readReportedInput } from "../read-input.js";
import { appendCommandAudit, checkAuditActor, recordRefusedMapInput } from "./audit.js";
import { MAP_EXIT_CODES, readMapConfig } from "./map-config.js";
import { reportUnmapped } from "./map-output.js";

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

  const config = await readMapConfig(values.config, parseErpPostingConfigJson, io);
  if (!config.ok) return config.code;
  let orderContext: IdocPacket | undefined;
  const contextFile = values["order-context"];
  if (contextFile !== undefined) {
    const bytes = await readReportedInput(contextFile, io, { what: "order context" });
    if (bytes === undefined) return ExitCode.INPUT_ERROR;
    try {
      orderContext = readIdoc(bytes, { file: contextFile, reader: { maxInputBytes: inputLimit() } });
    } catch (error) {
      if (error instanceof XmlParseError || error instanceof IdocInputError) {
        io.err(`${error.message} (${error.code})`);
        return ExitCode.INPUT_ERROR;
      }
      throw error;
    }
    const fatal = orderContext.issues.filter((i) => i.severity === "error");
    if (fatal.length > 0 || orderContext.idocs.length === 0) {
      for (const i of fatal) io.err(`${contextFile}: ${renderIssuePath(i)}: ${i.code} ${i.message}`);
      io.err(`${contextFile}: not a usable order context`);
      return ExitCode.INPUT_ERROR;
    }
  }
  const input = await readReportedInput(file, io, { what: "document" });
  if (input === undefined) return ExitCode.INPUT_ERROR;
  try {
    parseXmlTree(input, { maxInputBytes: inputLimit() });
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    io.err(`${file}: ${error.message} (${error.code})`);
    const mapper = "production-performance-to-erp";
    const refused = { mapper, file, bytes: input, configText: config.text, code: error.code };
    return recordRefusedMapInput(values, refused, io) ?? ExitCode.INPUT_ERROR;
  }
  const result = mapProductionPerformanceToErpPostings(
    input,
    config.config,
    orderContext ? { orderContext } : {},
  );
  for (const warning of dropIgnoredCodes(result.warnings, ignored.codes))
    io.err(`${formatMapIssue(warning)} [warning]`);
  if (values["report-unmapped"]) reportUnmapped(result.unmapped, io);
  if (values.audit !== undefined) {
    const ledger = values.audit;
    const failed = appendCommandAudit(
      "b2mml map erp-postings",
      ledger,
      () =>
        appendMappingAudit(ledger, {
          mapper: "production-performance-to-erp",
          messageType: parseXmlTree(input).local,
          inputs: [{ file, bytes: input }],
          packets: [],
          configuration: JSON.parse(config.text) as unknown,
          outcome: result.ok ? "mapped" : "rejected",
          warnings: result.warnings,
          ...(result.ok ? {} : { errors: result.errors }),
          ...(values.actor !== undefined ? { actor: values.actor } : {}),
          ...(result.ok ? { outputs: result.idocs.map((d) => d.xml) } : {}),
        }),
      io,
    );
    if (failed !== undefined) return failed;
  }
  if (!result.ok) {
    for (const error of result.errors) io.err(formatMapIssue(error));
    io.err(
      `b2mml map erp-postings: ${file}: rejected with ${result.errors.length} error(s), ${result.warnings.length} warning(s); nothing written`,
    );
    return ExitCode.FINDINGS;
  }
  try {
    mkdirSync(outDir, { recursive: true });
    for (const idoc of result.idocs) writeFileSync(path.join(outDir, idoc.fileName), idoc.xml);
  } catch (error) {
    io.err(
      `${outDir}: IO_UNWRITABLE cannot write the IDocs (${(error as NodeJS.ErrnoException).code ?? "unwritable"})`,
    );
    return ExitCode.INPUT_ERROR;
  }
  for (const idoc of result.idocs) io.out(`${path.join(outDir, idoc.fileName)}\n`);
  const tickets = result.idocs.filter((i) => i.kind === "time-ticket").length;
  if (!values.quiet)
    io.err(
      `b2mml map erp-postings: ${file}: ${tickets} time ticket(s), ${result.idocs.length - tickets} goods-movement document(s), ${result.warnings.length} warning(s)`,
    );
  return ExitCode.OK;
}
