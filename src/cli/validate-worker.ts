/**
 * The entry of a `b2mml validate --jobs <n>` worker thread (the pool is in validate-workers.ts): validates the
 * files it is sent, a task at a time, and posts each file's outcome as soon as it has it. Everything is
 * caught and posted; a worker that stops without posting (a crash, out of memory) is noticed by the pool
 * through its `exit` event.
 *
 * `B2MML_TEST_WORKER_EXIT_ON=<file name>` (tests only) makes the worker exit without answering when it is
 * sent a file of that name: how the tests kill a worker in the middle of a batch.
 *
 * @module
 */
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { ValidatedResult } from "./validate-file.js";
import type { WorkerReply, WorkerStart, WorkerTask } from "./validate-workers.js";

const { options, withBytes } = workerData as WorkerStart;
const port = parentPort;
const exitOn = process.env.B2MML_TEST_WORKER_EXIT_ON;

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(reply, transfer);
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

try {
  // Imported here, not statically: a failure to load is then posted like any other.
  const { validateFile } = await import("./validate-file.js");
  port?.on("message", (task: WorkerTask) => {
    for (const [i, file] of task.files.entries()) {
      const index = task.index + i;
      if (exitOn !== undefined && exitOn !== "" && path.basename(file) === exitOn) process.exit(1);
      try {
        const outcome = validateFile(file, options, task.stdin);
        if (outcome.kind !== "validated") {
          post({ index, outcome });
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
          post({ index, outcome: { kind: "validated", file, result } });
          continue;
        }
        const bytes = new Uint8Array(outcome.bytes);
        post({ index, outcome: { kind: "validated", file, result, bytes } }, [bytes.buffer as ArrayBuffer]);
      } catch (error) {
        post({ index, failure: describe(error) });
      }
    }
  });
} catch (error) {
  post({ index: -1, failure: describe(error) });
}
