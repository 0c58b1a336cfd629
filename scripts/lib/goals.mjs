// The goals of issue #11, shared by the bench scripts: each script records the ratios it measures
// (one JSON line per goal, in the file named by B2MML_BENCH_GOALS, when scripts/bench.mjs runs it), and
// scripts/bench.mjs prints them all with PASS or FAIL.
import { appendFileSync, existsSync, readFileSync } from "node:fs";

/**
 * Records one measured goal.
 * @param {{ goal: string, label: string, value: number, target: number, better: "higher" | "lower", unit: string, note?: string }} goal
 */
export function recordGoal(goal) {
  const file = process.env.B2MML_BENCH_GOALS;
  if (file) appendFileSync(file, `${JSON.stringify(goal)}\n`);
}

/** The goals recorded in `file`, in order. */
export function readGoals(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/** PASS when the value meets the target (NaN: FAIL). */
export function verdict(goal) {
  const ok = goal.better === "higher" ? goal.value >= goal.target : goal.value <= goal.target;
  return ok ? "PASS" : "FAIL";
}

const format = (value, unit) => (unit === "×" ? `${value.toFixed(2)}×` : `${value.toFixed(0)} ${unit}`);

/** The goals as a Markdown table. */
export function goalsTable(goals) {
  return [
    "| Goal | Measured | Target | |",
    "|---|---:|---:|---|",
    ...goals.map(
      (g) =>
        `| ${g.goal}: ${g.label}${g.note ? ` (${g.note})` : ""} | ${format(g.value, g.unit)} | ${g.better === "higher" ? "≥" : "≤"} ${format(g.target, g.unit)} | **${verdict(g)}** |`,
    ),
  ].join("\n");
}
