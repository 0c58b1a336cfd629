/**
 * `b2mml map production-performance <idoc>... --config <file> [--order-context <loipro>]
 * [--verb Sync|Process] [-o <file>]` (docs/mapping-performance.md, PERF-MAP-090).
 *
 * @module
 */
import { appendMappingAudit } from "../../audit/mapping-audit.js";
import { XmlParseError } from "../../binding/xml-tree.js";
import { IdocInputError } from "../../idoc/idoc-input-error.js";
import type { IdocSchema } from "../../idoc/idoc-schema.js";
import type { IdocPacket } from "../../idoc/model.js";
import { readIdoc } from "../../idoc/read-idoc.js";
import { parseMapperConfigJson } from "../../mappers/config/mapper-config.js";
import { mapIdocsToProductionPerformance } from "../../mappers/idoc-to-production-performance/index.js";
import { formatMapIssue } from "../../mappers/issues.js";
import { ExitCode, exitCodeHelp } from "../exit-codes.js";
import { GUIDES_HELP } from "../guides.js";
import { dropIgnoredCodes, MAP_QUIET_IGNORE_HELP, parseIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { parseCommand } from "../parse-command.js";
import { startProgress } from "../progress.js";
import { inputLimit, readReportedInput } from "../read-input.js";
import { appendCommandAudit, checkAuditActor, recordRefusedMapInput } from "./audit.js";
import { MAP_EXIT_CODES, readIdocSchemas, readMapConfig } from "./map-config.js";
import { emitDocument, reportRejected, reportUnmapped } from "./map-output.js";

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

type Read =
  | { ok: true; packet: IdocPacket; bytes: Uint8Array }
  | { ok: false; code: ExitCode; refused?: { bytes: Uint8Array; code: string } };

async function readInput(file: string, io: Io, schema?: IdocSchema): Promise<Read> {
  const bytes = await readReportedInput(file, io);
  if (bytes === undefined) return { ok: false, code: ExitCode.INPUT_ERROR };
  try {
    const packet = readIdoc(bytes, {
      file,
      reader: { maxInputBytes: inputLimit() },
      ...(schema === undefined ? {} : { schema }),
    });
    return { ok: true, packet, bytes };
  } catch (error) {
    if (error instanceof XmlParseError || error instanceof IdocInputError) {
      io.err(`${error.message} (${error.code})`);
      return { ok: false, code: ExitCode.INPUT_ERROR, refused: { bytes, code: error.code } };
    }
    throw error;
  }
}

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

  const config = await readMapConfig(values.config, parseMapperConfigJson, io);
  if (!config.ok) return config.code;
  const configText = config.text;
  const schemas = readIdocSchemas(values.config, config.config.idocSchemas, io);
  if (!schemas.ok) return schemas.code;
  const inputs: { name: string; packet: IdocPacket }[] = [];
  const files: { file: string; bytes: Uint8Array }[] = [];
  const progress = startProgress("b2mml map", positionals.length, io.progress?.bind(io));
  for (const file of positionals) {
    const read = await readInput(file, io, schemas.schema);
    if (!read.ok) {
      progress.finish();
      // A refused document is recorded as a rejection (--audit); an unreadable one has no bytes to digest.
      const mapper = "idoc-to-production-performance";
      const refused = read.refused && { mapper, file, configText, ...read.refused };
      return (refused && recordRefusedMapInput(values, refused, io)) ?? read.code;
    }
    inputs.push({ name: file, packet: read.packet });
    files.push({ file, bytes: read.bytes });
    progress.update(files.length);
  }
  progress.finish();
  let orderContext: IdocPacket | undefined;
  if (values["order-context"] !== undefined) {
    const read = await readInput(values["order-context"], io, schemas.schema);
    if (!read.ok) return read.code;
    orderContext = read.packet;
  }

  const result = mapIdocsToProductionPerformance(inputs, config.config, {
    verb,
    ...(orderContext === undefined ? {} : { orderContext }),
  });
  const what = positionals.join(", ");
  for (const warning of dropIgnoredCodes(result.warnings, ignored.codes))
    io.err(`${formatMapIssue(warning)} [warning]`);
  if (values["report-unmapped"]) reportUnmapped(result.unmapped, io);
  if (values.audit !== undefined) {
    const ledger = values.audit;
    const failed = appendCommandAudit(
      "b2mml map",
      ledger,
      () =>
        appendMappingAudit(ledger, {
          mapper: "idoc-to-production-performance",
          messageType: inputs[0]?.packet.idocs[0]?.messageType,
          inputs: files,
          packets: inputs.map((i) => i.packet),
          configuration: JSON.parse(configText) as unknown,
          outcome: result.ok ? "mapped" : "rejected",
          warnings: result.warnings,
          ...(result.ok ? {} : { errors: result.errors }),
          ...(values.actor !== undefined ? { actor: values.actor } : {}),
          b2mmlOutput: true,
          ...(result.ok ? { outputs: [result.xml], idempotencyKey: result.bodId } : {}),
        }),
      io,
    );
    if (failed !== undefined) return failed;
  }
  if (!result.ok) return reportRejected(what, result.errors, result.warnings.length, io);
  const emitted = emitDocument(result.xml, values.output, io);
  if (emitted !== ExitCode.OK) return emitted;
  const orders = result.value.DataArea.ProductionPerformance[0]?.ProductionResponse?.length ?? 0;
  if (!values.quiet)
    io.err(
      `b2mml map: ${what}: ${orders} order(s) mapped, ${result.warnings.length} warning(s); BODID ${result.bodId}`,
    );
  return ExitCode.OK;
}
