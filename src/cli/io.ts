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
};
