/**
 * Writes generated files into a folder, or checks that the folder already holds exactly them.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What differs between the generated files and a folder. */
export interface StaleReport {
  readonly changed: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

function existingTsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

/** Compares the generated files with the folder's `.ts` files; an empty report means up to date. */
export function checkOutput(files: ReadonlyMap<string, string>, dir: string): StaleReport {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(dir, name);
    if (!existsSync(target)) missing.push(name);
    else if (readFileSync(target, "utf8") !== content) changed.push(name);
  }
  const extra = existingTsFiles(dir).filter((f) => !files.has(f));
  return { changed, missing, extra };
}

export function isStale(report: StaleReport): boolean {
  return report.changed.length + report.missing.length + report.extra.length > 0;
}

/** Writes the files, removing `.ts` files the generator no longer produces. */
export function writeOutput(files: ReadonlyMap<string, string>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const stale of existingTsFiles(dir).filter((f) => !files.has(f))) rmSync(path.join(dir, stale));
  for (const [name, content] of files) writeFileSync(path.join(dir, name), content);
}
