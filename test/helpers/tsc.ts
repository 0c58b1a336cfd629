import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.js";

/**
 * Type-checks folders of generated code with `tsc --strict --noEmit`, resolving `b2mml/binding` to the
 * project's runtime contract. Returns tsc's output; throws with that output when tsc fails.
 */
export function typeCheckFolders(workDir: string, folders: readonly string[]): string {
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      types: [],
      paths: { "b2mml/binding": [path.join(repoRoot, "src/binding/index.ts")] },
    },
    include: folders.map((f) => `${f}/*.ts`),
  };
  const configPath = path.join(workDir, "tsconfig.check.json");
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
  try {
    return execFileSync(process.execPath, [tsc, "-p", configPath, "--pretty", "false"], { encoding: "utf8" });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}
