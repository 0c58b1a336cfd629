/**
 * The ledger module compiled to JavaScript, for child processes (several appenders, a lock holder in
 * another pid namespace): tsc into `node_modules/.cache/<name>`, where `canonicalize` resolves from the
 * project's node_modules. Each caller names its own folder, so test files compiling at once do not race.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.js";

/** Compiles `src/audit/ledger.ts` (and what it imports); returns the folder (`<folder>/audit/ledger.js`). */
export function compileLedgerModule(name: string): string {
  const out = path.join(repoRoot, "node_modules/.cache", name);
  mkdirSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, "node_modules/typescript/bin/tsc"),
      "--outDir",
      out,
      "--rootDir",
      path.join(repoRoot, "src"),
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--skipLibCheck",
      "--types",
      "node",
      path.join(repoRoot, "src/audit/ledger.ts"),
    ],
    { cwd: repoRoot },
  );
  writeFileSync(path.join(out, "package.json"), '{ "type": "module" }\n');
  return out;
}
