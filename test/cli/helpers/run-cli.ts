/**
 * Running the CLI in tests: in this process through `runCli` (captured text), or the compiled CLI as a
 * child process with real pipes and an optional standard input.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { Io } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run.js";
import { repoRoot } from "../../helpers/paths.js";

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `b2mml <args>` in this process, stdout and stderr captured as text (a newline after each message,
 * as the process writer adds; with `outAsWritten`, stdout exactly as the command hands it over).
 */
export async function runInProcess(
  args: readonly string[],
  options: { readonly outAsWritten?: boolean } = {},
): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => {
      out += options.outAsWritten || t.endsWith("\n") ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith("\n") ? t : `${t}\n`;
    },
  };
  return { code: await runCli(args, io), out, err };
}

/** The compiled CLI (`npm run build`). */
export const compiledCli = path.join(repoRoot, "dist/cli/main.js");

/**
 * Runs the compiled CLI as a child process; `stdin` is written to its standard input (closed at once
 * when absent). A child still running after `timeoutMs` is killed (the run then has `code` null). With
 * `bin` (e.g. an installed package's `node_modules/.bin/b2mml`), that executable runs instead of
 * `node dist/cli/main.js`.
 */
export function spawnCli(
  args: readonly string[],
  options: {
    stdin?: Uint8Array | string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    cwd?: string;
    bin?: string;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const command = options.bin ?? process.execPath;
    const child = spawn(command, options.bin ? [...args] : [compiledCli, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
      cwd: options.cwd ?? repoRoot,
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => {
      out += t;
    });
    child.stderr.setEncoding("utf8").on("data", (t: string) => {
      err += t;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.stdin ?? "");
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
