/**
 * The checkpoint file beside a ledger, `<ledger>.checkpoint.json`: the latest checkpoint (size, byte
 * length, root, last hash) and the Merkle frontier, so that an append costs O(log n). It is replaced
 * atomically (write to a temporary file, then rename) after each append.
 *
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { LEDGER_CHECKPOINT_FORMAT, type LedgerCheckpoint, LedgerError } from "./ledger-types.js";
import type { MerkleFrontier } from "./merkle-tree.js";

/** The checkpoint file: a checkpoint and the Merkle frontier (perfect subtree roots, largest first). */
export interface CheckpointFile extends LedgerCheckpoint {
  readonly frontier: readonly string[];
}

export function checkpointPath(ledger: string): string {
  return `${ledger}.checkpoint.json`;
}

export function readCheckpointFile(ledger: string): CheckpointFile | undefined {
  const file = checkpointPath(ledger);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, "utf8")) as CheckpointFile;
  if (parsed.format !== LEDGER_CHECKPOINT_FORMAT) throw new LedgerError(`${file}: not a ledger checkpoint`);
  return parsed;
}

export function writeCheckpointFile(
  ledger: string,
  frontier: MerkleFrontier,
  lastHash: string,
  bytes: number,
): void {
  const file = checkpointPath(ledger);
  const content: CheckpointFile = {
    format: LEDGER_CHECKPOINT_FORMAT,
    size: frontier.size,
    root: frontier.root().toString("hex"),
    lastHash,
    bytes,
    frontier: frontier.hashes().map((h) => h.toString("hex")),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(tmp, file);
}

export function checkpointOf(frontier: MerkleFrontier, lastHash: string, bytes: number): LedgerCheckpoint {
  return {
    format: LEDGER_CHECKPOINT_FORMAT,
    size: frontier.size,
    root: frontier.root().toString("hex"),
    lastHash,
    bytes,
  };
}
