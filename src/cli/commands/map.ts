/**
 * `b2mml map production-schedule <idoc.xml|idoc.json> --config <file> [--verb Process|Sync] [--strict]
 * [--report-unmapped] [--created <dateTime>] [-o <file>]`
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { LedgerError } from "../../audit/ledger.js";
import { XmlParseError } from "../../binding/xml-tree.js";
import { IdocInputError } from "../../idoc/idoc-input-error.js";
import type { IdocPacket } from "../../idoc/model.js";
import { readIdoc } from "../../idoc/read-idoc.js";
import { parseMapperConfigJson } from "../../mappers/config/mapper-config.js";
import { formatMapIssue } from "../../mappers/issues.js";
import { mapLoiproToProductionSchedule } from "../../mappers/loipro-to-production-schedule/index.js";
import { unmappedAsIssues } from "../../mappers/shared/unmapped.js";
import { EXIT_CODE_HELP, ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { appendMappingAudit } from "../mapping-audit.js";
import { parseCommand } from "../parse-command.js";
import { readIdocSchemas, readMapConfig } from "./map-config.js";
import { runMapErpPostings } from "./map-erp-postings.js";
import { emitDocument, reportRejected, reportUnmapped } from "./map-output.js";
import { runMapProductionPerformance } from "./map-production-performance.js";

export const MAP_HELP = `Usage: b2mml map production-schedule <idoc.xml|idoc.json> --config <file> [options]

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
  -h, --help            this text

The document goes to stdout (or --output); warnings and errors to stderr, one a line, as
"path: code message" (unmapped fields as "path: unmapped reason message"). Exit 0: mapped; 1: mapping
rejected (errors, or warnings or unmapped fields with --strict);
2: usage; 3: the IDoc or the configuration is unreadable, not well-formed or refused as unsafe.

${EXIT_CODE_HELP}`;

export function runMap(args: readonly string[], io: Io): ExitCode {
  if (args[0] === "production-performance") return runMapProductionPerformance(args.slice(1), io);
  if (args[0] === "erp-postings") return runMapErpPostings(args.slice(1), io);
  const parsed = parseCommand(
    args,
    {
      config: { type: "string" },
      verb: { type: "string" },
      strict: { type: "boolean" },
      "report-unmapped": { type: "boolean" },
      created: { type: "string" },
      output: { type: "string", short: "o" },
      audit: { type: "string" },
    },
    "b2mml map",
    MAP_HELP,
    io,
  );
  if (!parsed.ok) return parsed.code;
  const { values, positionals, usage } = parsed;
  const [mapping, file, ...extra] = positionals;
  if (mapping !== "production-schedule")
    return usage(
      mapping === undefined
        ? "no mapping given"
        : `unknown mapping "${mapping}"; expected production-schedule`,
    );
  if (file === undefined) return usage("no IDoc file given");
  if (extra.length > 0) return usage(`one IDoc file at a time; got also ${extra.join(", ")}`);
  if (values.config === undefined) return usage("--config <file> is required");
  const verb = values.verb ?? "Process";
  if (verb !== "Process" && verb !== "Sync") return usage(`unknown verb "${verb}"; expected Process or Sync`);

  const config = readMapConfig(values.config, parseMapperConfigJson, io);
  if (!config.ok) return config.code;
  const configText = config.text;
  const schemas = readIdocSchemas(values.config, config.config.idocSchemas, io);
  if (!schemas.ok) return schemas.code;

  let packet: IdocPacket;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
    packet = readIdoc(bytes, {
      file,
      ...(values.strict ? { strict: true } : {}),
      ...(schemas.schema === undefined ? {} : { schema: schemas.schema }),
    });
  } catch (error) {
    if (error instanceof XmlParseError || error instanceof IdocInputError) {
      io.err(`${error.message} (${error.code})`);
      return ExitCode.INPUT_ERROR;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("E")) {
      io.err(`${file}: IO_UNREADABLE cannot read the file (${code})`);
      return ExitCode.INPUT_ERROR;
    }
    throw error;
  }

  const result = mapLoiproToProductionSchedule(packet, config.config, {
    verb,
    ...(values.created === undefined ? {} : { creationDateTime: values.created }),
  });
  for (const warning of result.warnings) io.err(`${formatMapIssue(warning)} [warning]`);
  if (values["report-unmapped"]) reportUnmapped(result.unmapped, io);
  const strictFindings = result.warnings.length + result.unmapped.length;
  const rejected = !result.ok || (values.strict === true && strictFindings > 0);
  if (values.audit !== undefined) {
    try {
      appendMappingAudit(values.audit, {
        mapper: "loipro-to-production-schedule",
        messageType: packet.idocs[0]?.messageType ?? "LOIPRO",
        inputs: [{ file, bytes }],
        packets: [packet],
        configuration: JSON.parse(configText) as unknown,
        outcome: rejected ? "rejected" : "mapped",
        b2mmlOutput: true,
        ...(result.ok && !rejected ? { outputs: [result.xml], idempotencyKey: result.bodId } : {}),
      });
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      io.err(`b2mml map: the audit ledger ${values.audit}: ${error.message}`);
      return ExitCode.INPUT_ERROR;
    }
  }
  if (!result.ok) return reportRejected(file, result.errors, result.warnings.length, io);
  if (values.strict && strictFindings > 0) {
    for (const error of unmappedAsIssues(result.unmapped)) io.err(formatMapIssue(error));
    io.err(
      `b2mml map: ${file}: rejected under --strict: ${result.warnings.length} warning(s), ${result.unmapped.length} unmapped field(s); no document`,
    );
    return ExitCode.FINDINGS;
  }
  const emitted = emitDocument(result.xml, values.output, io);
  if (emitted !== ExitCode.OK) return emitted;
  const orders = result.value.DataArea.ProductionSchedule[0]?.ProductionRequest?.length ?? 0;
  io.err(
    `b2mml map: ${file}: ${orders} order(s) mapped, ${result.warnings.length} warning(s)${values["report-unmapped"] ? `, ${result.unmapped.length} unmapped field(s)` : ""}; BODID ${result.bodId}`,
  );
  return ExitCode.OK;
}
