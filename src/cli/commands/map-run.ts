/**
 * What every map command does once its options are parsed: read the configuration and the inputs, run
 * the mapping through the library's one runner (`runMapping`), append the audit record (`--audit`), and
 * print: the warnings (less `--ignore`), the unmapped fields (`--report-unmapped`), the errors of a
 * rejection, the outputs (a document on stdout or `--output`, or IDoc files in `--out-dir`) and the
 * summary (unless `--quiet`).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appendToLedger } from "../../audit/ledger.js";
import type { ConfigIssue } from "../../mappers/config/mapper-config.js";
import { formatMapIssue } from "../../mappers/issues.js";
import {
  type MappingRun,
  type MappingRunner,
  type ReceivedInput,
  runMapping,
} from "../../mappers/shared/run-mapping.js";
import { unmappedAsIssues } from "../../mappers/shared/unmapped.js";
import { renderIssuePath } from "../../shared/issue.js";
import { ExitCode } from "../exit-codes.js";
import { dropIgnoredCodes } from "../ignore-warnings.js";
import type { Io } from "../io.js";
import { startProgress } from "../progress.js";
import { inputLimit, readReportedInput } from "../read-input.js";
import { appendCommandAudit } from "./audit.js";
import { readIdocSchemas, readMapConfig } from "./map-config.js";
import { emitDocument, reportRejected, reportUnmapped } from "./map-output.js";

/** How a map command reads, runs and writes; the rest is its options. */
export interface MapCommand<Config, Options> {
  /** The prefix of its messages: `b2mml map`, `b2mml map erp-postings`. */
  readonly name: string;
  readonly runner: MappingRunner<Config, Options>;
  readonly parseConfig: (
    text: string,
  ) =>
    | { readonly ok: true; readonly config: Config }
    | { readonly ok: false; readonly errors: readonly ConfigIssue[] };
  /** Read the configuration's `idocSchemas` folder for the IDoc reader. */
  readonly idocSchemas: boolean;
  /** What an input is called in messages (`document`), when not a file. */
  readonly inputWhat?: string;
  /** Show progress while the inputs are read (a terminal only). */
  readonly progress?: boolean;
  /** A document on stdout or `--output`, or one IDoc file each in `--out-dir`. */
  readonly output: "document" | "files";
  /** The summary counts the unmapped fields under `--report-unmapped`. */
  readonly summaryCountsUnmapped?: boolean;
}

/** The options every map command shares. */
export interface MapValues {
  readonly config: string;
  readonly "order-context"?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly "report-unmapped"?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  readonly output?: string | undefined;
  readonly "out-dir"?: string | undefined;
  readonly audit?: string | undefined;
  readonly actor?: string | undefined;
}

async function readInputs(
  command: MapCommand<unknown, unknown>,
  files: readonly string[],
  io: Io,
): Promise<ReceivedInput[] | undefined> {
  const inputs: ReceivedInput[] = [];
  const progress = command.progress
    ? startProgress("b2mml map", files.length, io.progress?.bind(io))
    : undefined;
  for (const file of files) {
    const what = command.inputWhat === undefined ? undefined : { what: command.inputWhat };
    const bytes = await readReportedInput(file, io, what);
    if (bytes === undefined) {
      progress?.finish();
      return undefined;
    }
    inputs.push({ file, bytes });
    progress?.update(inputs.length);
  }
  progress?.finish();
  return inputs;
}

function appendAudit(command: MapCommand<unknown, unknown>, values: MapValues, run: MappingRun, io: Io) {
  const ledger = values.audit;
  const record = run.kind === "unusable-context" ? undefined : run.audit;
  if (ledger === undefined || record === undefined) return undefined;
  return appendCommandAudit(command.name, ledger, () => appendToLedger(ledger, record), io);
}

/** Runs a map command whose options are parsed and checked: the inputs are `files`. */
export async function runMapCommand<Config, Options>(
  command: MapCommand<Config, Options>,
  values: MapValues,
  files: readonly string[],
  options: Options,
  ignored: ReadonlySet<string>,
  io: Io,
): Promise<ExitCode> {
  const generic = command as unknown as MapCommand<unknown, unknown>;
  const config = await readMapConfig(values.config, command.parseConfig, io);
  if (!config.ok) return config.code;
  const schemas = command.idocSchemas
    ? readIdocSchemas(values.config, (config.config as { idocSchemas?: string }).idocSchemas, io)
    : { ok: true as const, schema: undefined };
  if (!schemas.ok) return schemas.code;
  const contextFile = values["order-context"];
  let context: ReceivedInput | undefined;
  if (contextFile !== undefined) {
    const bytes = await readReportedInput(contextFile, io, { what: "order context" });
    if (bytes === undefined) return ExitCode.INPUT_ERROR;
    context = { file: contextFile, bytes };
  }
  const inputs = await readInputs(generic, files, io);
  if (inputs === undefined) return ExitCode.INPUT_ERROR;

  const run = runMapping(command.runner, {
    inputs,
    ...(context === undefined ? {} : { context }),
    config: config.config,
    configJson: JSON.parse(config.text) as unknown,
    options,
    reader: {
      maxInputBytes: inputLimit(),
      ...(values.strict ? { strict: true } : {}),
      ...(schemas.schema === undefined ? {} : { schema: schemas.schema }),
    },
    ...(values.strict ? { strict: true } : {}),
    ...(values.audit === undefined
      ? {}
      : { audit: values.actor === undefined ? {} : { actor: values.actor } }),
  });
  if (run.kind === "unusable-context") {
    for (const i of run.errors) io.err(`${run.file}: ${renderIssuePath(i)}: ${i.code} ${i.message}`);
    io.err(`${run.file}: not a usable order context`);
    return ExitCode.INPUT_ERROR;
  }
  if (run.kind === "refused") {
    const { refusal } = run;
    const where = command.runner.input === "b2mml" && !refusal.context ? `${refusal.file}: ` : "";
    io.err(`${where}${refusal.message} (${refusal.code})`);
    return appendAudit(generic, values, run, io) ?? ExitCode.INPUT_ERROR;
  }

  const { outcome } = run;
  for (const warning of dropIgnoredCodes(outcome.warnings, ignored))
    io.err(`${formatMapIssue(warning)} [warning]`);
  if (values["report-unmapped"]) reportUnmapped(outcome.unmapped, io);
  const failed = appendAudit(generic, values, run, io);
  if (failed !== undefined) return failed;
  const what = files.join(", ");
  if (!outcome.ok) {
    if (command.output === "document")
      return reportRejected(what, outcome.errors, outcome.warnings.length, io);
    for (const error of outcome.errors) io.err(formatMapIssue(error));
    io.err(
      `${command.name}: ${what}: rejected with ${outcome.errors.length} error(s), ${outcome.warnings.length} warning(s); nothing written`,
    );
    return ExitCode.FINDINGS;
  }
  if (run.strictRejection) {
    for (const error of unmappedAsIssues(outcome.unmapped)) io.err(formatMapIssue(error));
    io.err(
      `${command.name}: ${what}: rejected under --strict: ${outcome.warnings.length} warning(s), ${outcome.unmapped.length} unmapped field(s); no document`,
    );
    return ExitCode.FINDINGS;
  }
  const written =
    command.output === "document"
      ? emitOne(outcome.outputs, values, io)
      : emitFiles(outcome.outputs, values, io);
  if (written !== ExitCode.OK) return written;
  if (!values.quiet) {
    const counted = command.summaryCountsUnmapped === true && values["report-unmapped"] === true;
    const unmapped = counted ? `, ${outcome.unmapped.length} unmapped field(s)` : "";
    const key = outcome.idempotencyKey === undefined ? "" : `; BODID ${outcome.idempotencyKey}`;
    io.err(
      `${command.name}: ${what}: ${outcome.summary}, ${outcome.warnings.length} warning(s)${unmapped}${key}`,
    );
  }
  return ExitCode.OK;
}

function emitOne(outputs: readonly { readonly xml: string }[], values: MapValues, io: Io): ExitCode {
  return emitDocument(outputs[0]?.xml ?? "", values.output, io);
}

function emitFiles(
  outputs: readonly { readonly xml: string; readonly fileName?: string }[],
  values: MapValues,
  io: Io,
): ExitCode {
  const outDir = values["out-dir"] ?? ".";
  const named = outputs.map((o, n) => ({
    file: path.join(outDir, o.fileName ?? `${n + 1}.xml`),
    xml: o.xml,
  }));
  try {
    mkdirSync(outDir, { recursive: true });
    for (const o of named) writeFileSync(o.file, o.xml);
  } catch (error) {
    io.err(
      `${outDir}: IO_UNWRITABLE cannot write the IDocs (${(error as NodeJS.ErrnoException).code ?? "unwritable"})`,
    );
    return ExitCode.INPUT_ERROR;
  }
  for (const o of named) io.out(`${o.file}\n`);
  return ExitCode.OK;
}
