/**
 * The one runner of a mapping over received files, for `b2mml map` now and for the service later: it
 * reads each input with the hardened readers (an input they refuse ends the run as `refused`), calls
 * the mapping's library function, applies `strict`, and builds the run's audit record when asked. The
 * caller reads the bytes (files, standard input, a request body) and writes what comes out; nothing
 * here touches a file, a clock or a ledger except through the audit record it returns.
 *
 * @module
 */
import type { AuditRecord } from "../../audit/audit-record.js";
import { createMappingAuditRecord } from "../../audit/mapping-audit.js";
import { parseXmlTree, XmlParseError } from "../../binding/xml-tree.js";
import { IdocInputError } from "../../idoc/idoc-input-error.js";
import type { IdocSchema } from "../../idoc/idoc-schema.js";
import type { IdocPacket } from "../../idoc/model.js";
import { readIdoc } from "../../idoc/read-idoc.js";
import type { MapIssue } from "../issues.js";
import type { MappingResult } from "./map-result.js";

/** One received input: its name (a file name, `-`) and its bytes as received. */
export interface ReceivedInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** The inputs a mapping maps, as read: IDoc packets, or a B2MML document's bytes (checked well-formed). */
export interface ReadInputs {
  readonly packets: readonly { readonly name: string; readonly packet: IdocPacket }[];
  readonly document?: Uint8Array;
  /** The orders' LOIPRO, for look-ups. */
  readonly context?: IdocPacket;
}

/** One output of a mapping: a B2MML document, or one IDoc-XML file (with its file name). */
export interface MappedOutput {
  readonly xml: string;
  readonly fileName?: string;
  readonly kind?: string;
}

/** A mapping's outcome in the runner's terms. */
export type MappingOutcome = MappingResult<{
  readonly outputs: readonly MappedOutput[];
  /** The outputs' idempotency key (the BODID), when the mapping has one. */
  readonly idempotencyKey?: string;
  /** What was mapped, for people: `2 order(s) mapped`. */
  readonly summary: string;
}>;

/** What the runner needs of a mapping: its ID, how its inputs are read, and its library function. */
export interface MappingRunner<Config, Options> {
  /** The mapping's ID, recorded in the audit record. */
  readonly id: string;
  /** `idoc`: every input is an IDoc (XML or JSON); `b2mml`: one B2MML document. */
  readonly input: "idoc" | "b2mml";
  /** Whether the outputs are B2MML validated against the built-in profile (the audit record says so). */
  readonly b2mmlOutput: boolean;
  /** An order context with reader errors: refused as an unusable input, or passed to the mapping. */
  readonly contextErrors: "refuse" | "forward";
  /** The message type the inputs name, for the audit record. */
  readonly messageType: (inputs: ReadInputs) => string | undefined;
  readonly map: (inputs: ReadInputs, config: Config, options: Options) => MappingOutcome;
}

export interface MappingRequest<Config, Options> {
  readonly inputs: readonly ReceivedInput[];
  readonly context?: ReceivedInput;
  /** The configuration, checked, and the JSON value the audit record digests. */
  readonly config: Config;
  readonly configJson: unknown;
  readonly options: Options;
  /** Reader settings: the byte limit, strict reading against IDoc schemas. */
  readonly reader?: {
    readonly maxInputBytes?: number;
    readonly strict?: boolean;
    readonly schema?: IdocSchema;
  };
  /** Reject on any warning or unmapped field (`--strict`). */
  readonly strict?: boolean;
  /** Build the audit record (`--audit`), with who ran it. */
  readonly audit?: { readonly actor?: string };
}

/** A refusal of an input by the hardened reader: its code and message, where it was. */
export interface InputRefusal {
  readonly file: string;
  readonly code: string;
  readonly message: string;
  /** The order context, not one of the inputs. */
  readonly context: boolean;
}

export type MappingRun =
  | { readonly kind: "refused"; readonly refusal: InputRefusal; readonly audit?: AuditRecord }
  | {
      readonly kind: "unusable-context";
      readonly file: string;
      readonly errors: readonly MapIssue[];
    }
  | {
      readonly kind: "done";
      readonly outcome: MappingOutcome;
      /** Rejected by `strict`: the warnings and unmapped fields that made it so. */
      readonly strictRejection: boolean;
      readonly audit?: AuditRecord;
    };

type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: InputRefusal };

function readInput<T>(input: ReceivedInput, context: boolean, read: () => T): Read<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (!(error instanceof XmlParseError || error instanceof IdocInputError)) throw error;
    const { code, message } = error;
    return { ok: false, refusal: { file: input.file, code, message, context } };
  }
}

/**
 * Runs `runner` over the received inputs.
 *
 * @throws {Error} only on a bug (a mapping that builds an invalid document)
 */
export function runMapping<Config, Options>(
  runner: MappingRunner<Config, Options>,
  request: MappingRequest<Config, Options>,
): MappingRun {
  const limit = request.reader?.maxInputBytes;
  const reader = limit === undefined ? {} : { maxInputBytes: limit };
  const idocOptions = (file: string) => ({
    file,
    reader,
    ...(request.reader?.strict ? { strict: true } : {}),
    ...(request.reader?.schema === undefined ? {} : { schema: request.reader.schema }),
  });
  const record = (run: Parameters<typeof createMappingAuditRecord>[0]) =>
    request.audit === undefined
      ? undefined
      : createMappingAuditRecord({
          ...run,
          ...(request.audit.actor === undefined ? {} : { actor: request.audit.actor }),
        });
  const refused = (refusal: InputRefusal, input: ReceivedInput): MappingRun => {
    const audit = refusal.context
      ? undefined
      : record({
          mapper: runner.id,
          messageType: undefined,
          inputs: [input],
          packets: [],
          configuration: request.configJson,
          outcome: "rejected",
          errors: [{ code: refusal.code }],
        });
    return { kind: "refused", refusal, ...(audit === undefined ? {} : { audit }) };
  };

  const packets: { name: string; packet: IdocPacket }[] = [];
  let document: Uint8Array | undefined;
  for (const input of request.inputs) {
    if (runner.input === "b2mml") {
      const read = readInput(input, false, () => parseXmlTree(input.bytes, reader));
      if (!read.ok) return refused(read.refusal, input);
      document = input.bytes;
      continue;
    }
    const read = readInput(input, false, () => readIdoc(input.bytes, idocOptions(input.file)));
    if (!read.ok) return refused(read.refusal, input);
    packets.push({ name: input.file, packet: read.value });
  }
  let context: IdocPacket | undefined;
  if (request.context !== undefined) {
    const input = request.context;
    const options =
      runner.contextErrors === "refuse" ? { file: input.file, reader } : idocOptions(input.file);
    const read = readInput(input, true, () => readIdoc(input.bytes, options));
    if (!read.ok) return refused(read.refusal, input);
    context = read.value;
    const errors = context.issues.filter((i) => i.severity === "error");
    if (runner.contextErrors === "refuse" && (errors.length > 0 || context.idocs.length === 0))
      return { kind: "unusable-context", file: input.file, errors };
  }

  const inputs: ReadInputs = {
    packets,
    ...(document === undefined ? {} : { document }),
    ...(context === undefined ? {} : { context }),
  };
  const outcome = runner.map(inputs, request.config, request.options);
  const strictRejection = request.strict === true && outcome.warnings.length + outcome.unmapped.length > 0;
  const rejected = !outcome.ok || strictRejection;
  const audit = record({
    mapper: runner.id,
    messageType: runner.messageType(inputs),
    inputs: request.inputs,
    packets: packets.map((p) => p.packet),
    configuration: request.configJson,
    outcome: rejected ? "rejected" : "mapped",
    warnings: outcome.warnings,
    ...(outcome.ok ? {} : { errors: outcome.errors }),
    ...(runner.b2mmlOutput ? { b2mmlOutput: true } : {}),
    ...(outcome.ok && !rejected
      ? {
          outputs: outcome.outputs.map((o) => o.xml),
          ...(outcome.idempotencyKey === undefined ? {} : { idempotencyKey: outcome.idempotencyKey }),
        }
      : {}),
  });
  return { kind: "done", outcome, strictRejection, ...(audit === undefined ? {} : { audit }) };
}
