/**
 * The CLI's only writer: data to stdout, diagnostics to stderr.
 *
 * @module
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Writes bytes to stdout exactly as given (no newline added): canonical forms. Optional for callers
   * that capture text only; commands then fall back to `out`.
   */
  write?(bytes: Uint8Array): void;
  /**
   * Writes progress text to stderr as given (carriage returns, no newline). Present only when stderr is a
   * terminal: without it, commands show no progress.
   */
  progress?(text: string): void;
}

export const processIo: Io = {
  out: (text) => {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  },
  err: (text) => {
    process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  },
  write: (bytes) => {
    process.stdout.write(bytes);
  },
  ...(process.stderr.isTTY
    ? {
        progress: (text: string) => {
          process.stderr.write(text);
        },
      }
    : {}),
};

/** Resolves once everything written to `stream` so far has been handed to the system (or it failed). */
function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) {
      resolve();
      return;
    }
    // Write callbacks run in order: this one runs after every earlier write has been flushed.
    stream.write("", () => resolve());
  });
}

/** Waits until stdout and stderr have drained: call before `process.exit`. */
export async function drainProcessIo(): Promise<void> {
  await Promise.all([drain(process.stdout), drain(process.stderr)]);
}
