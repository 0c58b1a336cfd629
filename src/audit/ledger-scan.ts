/**
 * Reading a ledger's lines: each line is checked (JSON, members, hex, canonical JCS form, its hash, its
 * sequence number and its link to the previous line) and added to the Merkle frontier; the scan stops at
 * the first problem and says which line and why.
 *
 * @module
 */
import { checkLedgerLine, checkpointOf, entryHash } from "./ledger-chain.js";
import { GENESIS, type LedgerCheckpoint, type LedgerProblem } from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

export { entryHash } from "./ledger-chain.js";

export interface ScanState {
  frontier: MerkleFrontier;
  lastHash: string;
  bytes: number;
  problem?: LedgerProblem;
  /** The checkpoint after each of the first `stopAt` records, when asked. */
  at?: LedgerCheckpoint;
}

/** Checks every line of the ledger's bytes; stops at the first problem. */
export function scanLedger(data: Buffer, checkpointSize?: number): ScanState {
  const frontier = new MerkleFrontier();
  const state: ScanState = { frontier, lastHash: GENESIS, bytes: 0 };
  if (checkpointSize === 0) state.at = checkpointOf(frontier, GENESIS, 0);
  let start = 0;
  for (let lineNo = 1; start < data.length; lineNo++) {
    const end = data.indexOf(0x0a, start);
    if (end < 0) {
      state.problem = {
        line: lineNo,
        kind: "torn",
        reason: `torn: the last line has no newline (${data.length - start} bytes; an interrupted append), it is not a record`,
      };
      return state;
    }
    const line = data.subarray(start, end);
    const problem = checkLedgerLine(line, lineNo, state.lastHash);
    if (problem) {
      state.problem = problem;
      return state;
    }
    frontier.append(line);
    state.lastHash = (JSON.parse(line.toString("utf8")) as { hash: string }).hash;
    state.bytes = end + 1;
    if (frontier.size === checkpointSize) state.at = checkpointOf(frontier, state.lastHash, state.bytes);
    start = end + 1;
  }
  return state;
}

/**
 * Whether a saved checkpoint describes the ledger it is beside: its frontier gives its root, and the
 * ledger's last line is record `size`, intact, with hash `lastHash` (for size 0: the genesis hash). An
 * append trusts the checkpoint file only then; otherwise it rebuilds the state from the ledger itself.
 */
export function checkpointFitsLastLine(
  saved: LedgerCheckpoint,
  frontier: MerkleFrontier,
  lastLine: Buffer | undefined,
): boolean {
  if (frontier.root().toString("hex") !== saved.root) return false;
  if (saved.size === 0) return saved.lastHash === GENESIS && lastLine === undefined;
  if (lastLine === undefined) return false;
  let entry: { hash?: unknown; prev?: unknown; record?: unknown; seq?: unknown };
  try {
    entry = JSON.parse(lastLine.toString("utf8")) as typeof entry;
  } catch {
    return false;
  }
  return (
    typeof entry === "object" &&
    entry !== null &&
    entry.seq === saved.size &&
    entry.hash === saved.lastHash &&
    typeof entry.prev === "string" &&
    entryHash(saved.size, entry.prev, entry.record) === saved.lastHash
  );
}
