import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./paths.js";

/**
 * Runs `tsc --strict --noEmit` (with exactOptionalPropertyTypes and noUncheckedIndexedAccess) over
 * folders of generated code inside `workDir`, resolving `b2mml/binding` to the project's runtime
 * contract. Returns tsc's exit status and output.
 */
export function runTsc(workDir: string, folders: readonly string[]): { status: number; output: string } {
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
    const output = execFileSync(process.execPath, [tsc, "-p", configPath, "--pretty", "false"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status?: number | null; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Like {@link runTsc}, but throws with tsc's output when it fails. */
export function typeCheckFolders(workDir: string, folders: readonly string[]): string {
  const { status, output } = runTsc(workDir, folders);
  if (status !== 0) throw new Error(`tsc failed:\n${output}`);
  return output;
}
