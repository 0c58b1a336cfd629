/**
 * Progress of a batch on a terminal: files done, the rate and the time left, redrawn in place on stderr
 * (at most every 100 ms) and erased at the end. Only when stderr is a terminal: the CLI's {@link Io} has a
 * `progress` writer then, and none otherwise, so piped or redirected stderr never gets a progress byte.
 *
 * @module
 */

/** A running progress line. */
export interface Progress {
  /** `done` files of the total are finished. */
  update(done: number): void;
  /** Erases the line (call before the summary). */
  finish(): void;
}

const NO_PROGRESS: Progress = { update: () => {}, finish: () => {} };

/** Redraws no more often than this (milliseconds). */
const INTERVAL_MS = 100;

/** `42s`, `3m 05s`, `1h 02m`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The line for `done` of `total` files after `elapsedMs`: `b2mml validate: 12/100 files, 4.0 files/s, 22s left`. */
export function formatProgress(label: string, done: number, total: number, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? `${formatDuration((total - done) / rate)} left` : "time left unknown";
  return `${label}: ${done}/${total} files, ${rate.toFixed(1)} files/s, ${left}`;
}

/**
 * A progress line over `total` files, written with `write` (the terminal's stderr); none at all when
 * `write` is absent (stderr is not a terminal) or the batch has a single file.
 */
export function startProgress(
  label: string,
  total: number,
  write: ((text: string) => void) | undefined,
  now: () => number = () => performance.now(),
): Progress {
  if (write === undefined || total < 2) return NO_PROGRESS;
  const started = now();
  let drawn = -Infinity;
  let shown = false;
  return {
    update(done) {
      const at = now();
      if (done < total && at - drawn < INTERVAL_MS) return;
      drawn = at;
      shown = true;
      write(`\r${formatProgress(label, done, total, at - started)}\x1b[K`);
    },
    finish() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
  };
}
