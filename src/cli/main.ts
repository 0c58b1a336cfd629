#!/usr/bin/env node
/**
 * The `b2mml` executable: the only place that calls `process.exit`, and only once stdout and stderr have
 * drained (a pipe holds 64 KiB; exiting right after a write would cut the rest).
 *
 * @module
 */
import { drainProcessIo, processIo } from "./io.js";
import { runCli } from "./run.js";

const code = await runCli(process.argv.slice(2), processIo);
await drainProcessIo();
process.exit(code);
