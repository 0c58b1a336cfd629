// Measuring helpers shared by the bench scripts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** The median of a list of numbers. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a command (under /usr/bin/time -v when present); returns wall ms, max RSS (MiB) and stdout. */
export function timed(command, args) {
  const useTime = existsSync("/usr/bin/time");
  const start = performance.now();
  const out = useTime
    ? spawnSync("/usr/bin/time", ["-v", command, ...args], { encoding: "utf8", maxBuffer: 2 ** 26 })
    : spawnSync(command, args, { encoding: "utf8", maxBuffer: 2 ** 26 });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`${command} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr ?? "");
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, stdout: out.stdout };
}
