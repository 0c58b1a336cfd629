/**
 * The entry of a `b2mml validate --jobs <n>` worker thread (the pool is in validate-workers.ts): validates the
 * files it is sent, a task at a time, and posts the outcomes back, then bumps the shared counter the main
 * thread waits on. Everything is caught and posted: the main thread, blocked in `Atomics.wait`, would
 * never see a worker's `error` event.
 *
 * @module
 */
import { workerData } from "node:worker_threads";
import type {
  FileOutcome,
  ValidatedResult,
  WorkerReply,
  WorkerStart,
  WorkerTask,
} from "./validate-workers.js";

const { port, signal, options, withBytes } = workerData as WorkerStart;
const counter = new Int32Array(signal);

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

try {
  // Imported here, not statically: a failure to load is then posted like any other.
  const { validateFile } = await import("./validate-workers.js");
  port.on("message", (task: WorkerTask) => {
    try {
      const outcomes: FileOutcome[] = [];
      const transfer: ArrayBuffer[] = [];
      for (const file of task.files) {
        const outcome = validateFile(file, options);
        if (outcome.kind !== "validated") {
          outcomes.push(outcome);
          continue;
        }
        const { release, outcome: verdict, issues, schemaSet } = outcome.result;
        // The compiled schema (libxml2) stays here: only plain data crosses.
        const result: ValidatedResult = {
          release,
          outcome: verdict,
          issues,
          schemaSet: schemaSet ? { dir: schemaSet.dir, files: schemaSet.files } : undefined,
        };
        if (!withBytes || outcome.bytes === undefined) {
          outcomes.push({ kind: "validated", file, result });
          continue;
        }
        const bytes = new Uint8Array(outcome.bytes);
        transfer.push(bytes.buffer as ArrayBuffer);
        outcomes.push({ kind: "validated", file, result, bytes });
      }
      post({ index: task.index, outcomes }, transfer);
    } catch (error) {
      post({ index: task.index, failure: describe(error) });
    }
  });
} catch (error) {
  post({ index: -1, failure: describe(error) });
}
