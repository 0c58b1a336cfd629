/**
 * `b2mml validate --jobs <n>`: one file's validation as cloneable data, and `n - 1` `node:worker_threads`
 * workers that validate files beside the main thread, which takes every outcome in file order.
 *
 * The CLI is synchronous (a command returns its exit code), so the main thread waits on a shared counter
 * (`Atomics.wait`) that a worker bumps after each message, and takes the messages with
 * `receiveMessageOnPort`: no event loop turn is needed. Each worker loads the schema set once (the engine
 * caches it per thread) and receives file paths; it reads the files itself.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { ValidationIssue } from "../validation/issues.js";
import type { B2mmlRelease } from "../validation/release.js";
import type { RuleSelection } from "../validation/rules/rule-selection.js";
import { SchemaSetError } from "../validation/schema-set-error.js";
import { validateDocument } from "../validation/validate-document.js";

/** The options of `b2mml validate` that reach the validation of one file. */
export interface ValidateFileOptions {
  /** `--rules`: `true` for every rule, a selection for `--rules=<list>`. */
  readonly rules: boolean | RuleSelection;
  readonly release?: B2mmlRelease;
  /** The `--schemas` folder. */
  readonly schemas?: string;
}

/** What the report and the audit record need of a validated document: plain data, it crosses threads. */
export interface ValidatedResult {
  readonly release: B2mmlRelease | undefined;
  readonly outcome: "valid" | "invalid" | "unusable";
  readonly issues: readonly ValidationIssue[];
  /** The set's folder and files (the audit record digests them). */
  readonly schemaSet:
    | { readonly dir: string; readonly files: readonly { readonly file: string; readonly sha256: string }[] }
    | undefined;
}

/** One file's outcome. `bytes` is the input as validated (for `--audit`); a worker sends it only on request. */
export type FileOutcome =
  | {
      readonly kind: "validated";
      readonly file: string;
      readonly result: ValidatedResult;
      readonly bytes?: Uint8Array;
    }
  | { readonly kind: "unreadable"; readonly file: string; readonly code: string }
  | { readonly kind: "schema-error"; readonly file: string; readonly message: string };

/**
 * Reads and validates one file. A {@link SchemaSetError} is an outcome (the CLI exits 4 on the first one in
 * file order); any other exception is a bug and is thrown.
 */
export function validateFile(file: string, options: ValidateFileOptions): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { kind: "unreadable", file, code: (error as NodeJS.ErrnoException).code ?? "unreadable" };
  }
  const { release, schemas } = options;
  try {
    const result = validateDocument(bytes, {
      file,
      rules: options.rules,
      ...(release ? { release } : {}),
      ...(schemas !== undefined ? { schemas: { dir: schemas, ...(release ? { release } : {}) } } : {}),
    });
    return { kind: "validated", file, result, bytes };
  } catch (error) {
    if (!(error instanceof SchemaSetError)) throw error;
    return { kind: "schema-error", file, message: error.message };
  }
}

/** The worker entry, compiled beside this module (`dist/cli/validate-worker.js`). */
export const WORKER_ENTRY = new URL("./validate-worker.js", import.meta.url);

/** False when running from the TypeScript sources (vitest): workers need the compiled `dist/`. */
export function workerEntryAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_ENTRY));
}

/** What a worker receives at start (`workerData`). */
export interface WorkerStart {
  readonly port: MessagePort;
  /** An `Int32Array` over it: slot 0 counts the messages posted by every worker. */
  readonly signal: SharedArrayBuffer;
  readonly options: ValidateFileOptions;
  /** Send the input bytes back with each outcome (`--audit`). */
  readonly withBytes: boolean;
}

/** A task: consecutive files of the command line, from `index` on. */
export interface WorkerTask {
  readonly index: number;
  readonly files: readonly string[];
}

/** A worker's answer: a task's outcomes, or an unexpected failure (a bug: the CLI exits 70). */
export type WorkerReply =
  | { readonly index: number; readonly outcomes: readonly FileOutcome[] }
  | { readonly index: number; readonly failure: string };

/** Tasks in flight per worker once it has answered: one being validated, one waiting. */
const IN_FLIGHT = 2;

/**
 * Files in the next task, given how many are left: a share of them (a quarter of each thread's), at most
 * 32 (each answer wakes the main thread: few messages) and shrinking to 1 near the end, so that the
 * threads finish together even when the files differ in size.
 */
export function taskSize(remaining: number, jobs: number): number {
  return Math.max(1, Math.min(32, Math.ceil(remaining / (jobs * 4))));
}

/**
 * Validates `files` in `jobs` threads, the main thread and `jobs - 1` workers (at most one thread per
 * file), and yields the outcomes in file order, as each becomes available. The main thread, which has the
 * engine loaded already, validates a task whenever it has nothing to yield or collect, so no thread idles
 * while a worker starts. Leaving the loop early (or a failure) terminates the workers.
 *
 * @throws Error when a worker fails unexpectedly (a bug)
 */
export function* validateInWorkers(
  files: readonly string[],
  options: ValidateFileOptions,
  jobs: number,
  withBytes: boolean,
): Generator<FileOutcome, void, undefined> {
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const pool: { worker: Worker; port: MessagePort; inFlight: number }[] = [];
  const outcomes = new Map<number, FileOutcome>();
  let sent = 0;
  const take = (): WorkerTask | undefined => {
    if (sent >= files.length) return undefined;
    const size = taskSize(files.length - sent, jobs);
    const task: WorkerTask = { index: sent, files: files.slice(sent, sent + size) };
    sent += task.files.length;
    return task;
  };
  const send = (member: (typeof pool)[number]) => {
    const task = take();
    if (task === undefined) return;
    member.port.postMessage(task);
    member.inFlight++;
  };
  try {
    for (let w = 1; w < Math.min(jobs, files.length); w++) {
      const { port1, port2 } = new MessageChannel();
      const start: WorkerStart = { port: port2, signal, options, withBytes };
      const worker = new Worker(WORKER_ENTRY, { workerData: start, transferList: [port2] });
      worker.unref();
      pool.push({ worker, port: port1, inFlight: 0 });
    }
    // One task each while the workers start (the main thread goes on meanwhile), two once they answer.
    for (const member of pool) send(member);
    for (let next = 0; next < files.length; ) {
      const ready = outcomes.get(next);
      if (ready !== undefined) {
        outcomes.delete(next);
        next++;
        yield ready;
        continue;
      }
      const seen = Atomics.load(counter, 0);
      let received = false;
      for (const member of pool) {
        for (
          let m = receiveMessageOnPort(member.port);
          m !== undefined;
          m = receiveMessageOnPort(member.port)
        ) {
          const reply = m.message as WorkerReply;
          if ("failure" in reply) throw new Error(`a validation worker failed: ${reply.failure}`);
          received = true;
          for (const [i, outcome] of reply.outcomes.entries()) outcomes.set(reply.index + i, outcome);
          member.inFlight--;
          while (member.inFlight < IN_FLIGHT && sent < files.length) send(member);
        }
      }
      if (received) continue;
      const task = take();
      if (task !== undefined) {
        for (const [i, file] of task.files.entries())
          outcomes.set(task.index + i, validateFile(file, options));
        continue;
      }
      Atomics.wait(counter, 0, seen);
    }
  } finally {
    for (const { worker, port } of pool) {
      port.close();
      void worker.terminate();
    }
  }
}
