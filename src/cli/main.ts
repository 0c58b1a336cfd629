#!/usr/bin/env node
/**
 * The `b2mml` executable: the only place that calls `process.exit`.
 *
 * @module
 */
import { processIo } from "./io.js";
import { runCli } from "./run.js";

process.exit(runCli(process.argv.slice(2), processIo));
