/**
 * The file arguments of `b2mml validate`, expanded: `-` is standard input; a directory stands for every
 * `.xml` file below it (any depth, the extension in any case, hidden entries and symbolic links to
 * directories skipped); a pattern that names no existing file (`'in/*.xml'`, quoted so the shell leaves
 * it) is expanded here; anything else is a file name. A directory's files and a pattern's matches are
 * sorted by path in UTF-16 code-unit order (independent of the locale); the arguments keep their order.
 *
 * @module
 */
import { statSync } from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { STDIN_PATH } from "./read-input.js";

/** One input after expansion: a file (or `-`), or a directory or pattern that gave no file. */
export type ExpandedInput =
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "no-match"; readonly file: string; readonly message: string };

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function statOf(file: string): "directory" | "other" | undefined {
  try {
    return statSync(file).isDirectory() ? "directory" : "other";
  } catch {
    return undefined;
  }
}

function listXmlFiles(dir: string): string[] {
  const found = globSync("**/*.xml", {
    cwd: dir,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    expandDirectories: false,
  });
  return found.map((f) => path.join(dir, f)).sort(byCodeUnits);
}

function matchPattern(pattern: string): string[] {
  return globSync(pattern, {
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
    absolute: path.isAbsolute(pattern),
  }).sort(byCodeUnits);
}

/** Expands the command line's file arguments, in their order. */
export function expandInputs(args: readonly string[]): ExpandedInput[] {
  const inputs: ExpandedInput[] = [];
  for (const arg of args) {
    if (arg === STDIN_PATH) {
      inputs.push({ kind: "file", file: arg });
      continue;
    }
    const kind = statOf(arg);
    if (kind === "other" || (kind === undefined && !isDynamicPattern(arg))) {
      inputs.push({ kind: "file", file: arg });
      continue;
    }
    const files = kind === "directory" ? listXmlFiles(arg) : matchPattern(arg);
    if (files.length === 0)
      inputs.push({
        kind: "no-match",
        file: arg,
        message: kind === "directory" ? "the directory holds no .xml file" : "the pattern matches no file",
      });
    for (const file of files) inputs.push({ kind: "file", file });
  }
  return inputs;
}
