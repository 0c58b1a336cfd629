/**
 * `b2mml validate --jobs <n>`: `n - 1` `node:worker_threads` workers that validate files beside the main
 * thread, which yields every outcome in file order.
 *
 * Promise-based: the workers answer through their `message` events, one message a file, and the main
 * thread validates a file itself whenever it has nothing to yield, then lets the event loop deliver the
 * answers. Each worker loads the schema set once (the engine caches it per thread) and is reused for
 * every task it is sent. A worker that stops without answering (a crash, out of memory) ends the file it
 * was validating with a `worker-exited` outcome; its other files go to a new worker, and the batch goes on.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type FileOutcome, type ValidateFileOptions, validateFile } from "./validate-file.js";

export type { FileOutcome, ValidatedResult, ValidateFileOptions } from "./validate-file.js";
export { validateFile } from "./validate-file.js";

/** The worker entry, compiled beside this module (`dist/cli/validate-worker.js`). */
export const WORKER_ENTRY = new URL("./validate-worker.js", import.meta.url);

/** False when running from the TypeScript sources (vitest): workers need the compiled `dist/`. */
export function workerEntryAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_ENTRY));
}

/** What a worker receives at start (`workerData`). */
export interface WorkerStart {
  readonly options: ValidateFileOptions;
  /** Send the input bytes back with each outcome (`--audit`). */
  readonly withBytes: boolean;
}

/** A task: files of the command line with their indexes; `stdin` when one of them is `-`. */
export interface WorkerTask {
  readonly index: number;
  readonly files: readonly string[];
  readonly stdin?: Uint8Array;
}

/** A worker's answer: one file's outcome, or an unexpected failure (a bug: the CLI exits 70). */
export type WorkerReply =
  | { readonly index: number; readonly outcome: FileOutcome }
  | { readonly index: number; readonly failure: string };

/** Tasks in flight per worker: one being validated, one waiting. */
const IN_FLIGHT = 2;

/**
 * Files in the next task, given how many are left: a share of them (a quarter of each thread's), at most
 * 32 and shrinking to 1 near the end, so that the threads finish together even when the files differ in
 * size.
 */
export function taskSize(remaining: number, jobs: number): number {
  return Math.max(1, Math.min(32, Math.ceil(remaining / (jobs * 4))));
}

interface Member {
  readonly worker: Worker;
  /** Indexes sent and not answered yet, in the order the worker validates them. */
  readonly pending: number[];
  /** The last index of each task in flight. */
  readonly tasks: number[];
}

/** Lets the event loop deliver the workers' messages. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validates `files` in `jobs` threads, the main thread and `jobs - 1` workers (at most one thread per
 * file), and yields the outcomes in file order, as each becomes available. `stdin` holds the bytes of `-`.
 * Leaving the loop early (or a failure) terminates the workers.
 *
 * @throws Error when a worker reports an unexpected failure (a bug)
 */
export async function* validateInWorkers(
  files: readonly string[],
  options: ValidateFileOptions,
  jobs: number,
  withBytes: boolean,
  stdin?: Uint8Array,
): AsyncGenerator<FileOutcome, void, undefined> {
  const outcomes = new Map<number, FileOutcome>();
  /** Files to send again, one a task: those a stopped worker had not reached. */
  const retry: number[] = [];
  const pool = new Set<Member>();
  let sent = 0;
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const take = (size: number): WorkerTask | undefined => {
    const again = retry.shift();
    if (again !== undefined) return { index: again, files: [files[again] ?? ""] };
    if (sent >= files.length) return undefined;
    const task: WorkerTask = { index: sent, files: files.slice(sent, sent + size) };
    sent += task.files.length;
    return task;
  };
  const send = (member: Member) => {
    const task = take(taskSize(files.length - sent, jobs));
    if (task === undefined) return;
    const withStdin = stdin !== undefined && task.files.includes("-") ? { ...task, stdin } : task;
    member.worker.postMessage(withStdin);
    member.tasks.push(task.index + task.files.length - 1);
    for (let i = 0; i < task.files.length; i++) member.pending.push(task.index + i);
  };
  const start = () => {
    const data: WorkerStart = { options, withBytes };
    const member: Member = { worker: new Worker(WORKER_ENTRY, { workerData: data }), pending: [], tasks: [] };
    let lastError: unknown;
    member.worker.on("message", (reply: WorkerReply) => {
      if ("failure" in reply) failure ??= new Error(`a validation worker failed: ${reply.failure}`);
      else {
        outcomes.set(reply.index, reply.outcome);
        member.pending.splice(member.pending.indexOf(reply.index), 1);
        if (member.tasks[0] === reply.index) member.tasks.shift();
        while (member.tasks.length < IN_FLIGHT && (retry.length > 0 || sent < files.length)) send(member);
      }
      notify();
    });
    member.worker.on("error", (error) => {
      lastError = error;
    });
    member.worker.on("exit", (exitCode) => {
      pool.delete(member);
      if (closing) return;
      const [lost, ...rest] = member.pending;
      if (lost !== undefined) {
        const why = lastError instanceof Error ? `: ${lastError.message}` : "";
        outcomes.set(lost, {
          kind: "worker-exited",
          file: files[lost] ?? "",
          message: `the validation worker stopped (exit code ${exitCode}${why}) before it reported this file`,
        });
        retry.unshift(...rest);
      }
      if (retry.length > 0 || sent < files.length) send(start());
      notify();
    });
    pool.add(member);
    return member;
  };
  try {
    for (let w = 1; w < Math.min(jobs, files.length); w++) send(start());
    for (let next = 0; next < files.length; ) {
      if (failure) throw failure;
      const ready = outcomes.get(next);
      if (ready !== undefined) {
        outcomes.delete(next);
        next++;
        yield ready;
        continue;
      }
      // Nothing to yield: validate the next file here, then let the answers in.
      const task = take(1);
      if (task !== undefined) {
        for (const [i, file] of task.files.entries())
          outcomes.set(task.index + i, validateFile(file, options, stdin));
        await turn();
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    closing = true;
    await Promise.all([...pool].map((member) => member.worker.terminate()));
  }
}
