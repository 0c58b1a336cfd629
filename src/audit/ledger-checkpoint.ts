/**
 * Checkpoints: the checkpoint file beside a ledger, `<ledger>.checkpoint.json` (the latest checkpoint:
 * size, byte length, root, last hash, and the Merkle frontier, so that an append costs O(log n)), and
 * checkpoints a caller kept. Every checkpoint read is bounded ({@link MAX_CHECKPOINT_BYTES}) and checked
 * for shape and types before use: a malformed one is a {@link LedgerError} saying what was expected,
 * never a checkpoint of nothing.
 *
 * The file is replaced atomically after each append: written to a temporary file created new
 * (`O_EXCL | O_NOFOLLOW`, a unique name: a planted file or symlink is refused, not followed), then
 * renamed; a temporary file that could not be written or renamed is removed.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { renameSync } from "node:fs";
import { readBoundedOrAbsent, readErrno, removeQuietly, writeNewFile } from "./ledger-io.js";
import { LEDGER_CHECKPOINT_FORMAT, type LedgerCheckpoint, LedgerError } from "./ledger-types.js";
import { MerkleFrontier } from "./merkle-tree.js";

export { checkpointOf } from "./ledger-chain.js";

/** The checkpoint file: a checkpoint and the Merkle frontier (perfect subtree roots, largest first). */
export interface CheckpointFile extends LedgerCheckpoint {
  readonly frontier: readonly string[];
}

/** The largest checkpoint file read: a checkpoint with its frontier is under 5 KB. */
export const MAX_CHECKPOINT_BYTES = 65_536;

const HEX64 = /^[0-9a-f]{64}$/;
const MEMBERS = ["format", "size", "root", "lastHash", "bytes", "frontier"];
const SHAPE = `{"format": "${LEDGER_CHECKPOINT_FORMAT}" (optional), "size": <integer ≥ 0>, "root": <64 lowercase hex>, "lastHash": <64 lowercase hex>, "bytes": <integer ≥ 0>, "frontier": [<64 lowercase hex>…] (optional)}`;

export function checkpointPath(ledger: string): string {
  return `${ledger}.checkpoint.json`;
}

/** How a JSON value reads in a message: its JSON text (shortened) and its type. */
function describeValue(value: unknown): string {
  const type = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
  const text = JSON.stringify(value) ?? String(value);
  return `${text.length > 40 ? `${text.slice(0, 40)}…` : text} (${type})`;
}

/**
 * Checks that `value` is a checkpoint: an object with exactly the members of {@link LedgerCheckpoint}
 * (`format` and `frontier` optional), each of its type; a frontier must have the hashes its size calls for.
 *
 * @param source the file the value came from, for the error
 * @throws {@link LedgerError} `LEDGER_CHECKPOINT_INVALID`, naming the first member that is wrong, what was
 *   expected and what was found
 */
export function parseLedgerCheckpoint(
  value: unknown,
  source: string,
): LedgerCheckpoint & {
  readonly frontier?: readonly string[];
} {
  const invalid = (message: string, expected: string, received: string) =>
    new LedgerError({ code: "LEDGER_CHECKPOINT_INVALID", path: source, message, expected, received });
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid("not a checkpoint", `a JSON object ${SHAPE}`, describeValue(value));
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !MEMBERS.includes(k));
  if (unknown.length > 0)
    throw invalid(
      `unknown member ${JSON.stringify(unknown[0])}`,
      `only the members of ${SHAPE}`,
      unknown.join(", "),
    );
  if ("format" in v && v.format !== LEDGER_CHECKPOINT_FORMAT)
    throw invalid(
      "format: not a ledger checkpoint",
      `"${LEDGER_CHECKPOINT_FORMAT}"`,
      describeValue(v.format),
    );
  const member = (name: string, ok: (x: unknown) => boolean, expected: string) => {
    if (!(name in v)) throw invalid(`${name}: missing`, `${expected} (${SHAPE})`, "nothing");
    if (!ok(v[name])) throw invalid(`${name}: wrong value`, expected, describeValue(v[name]));
  };
  const count = (x: unknown) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
  const hex = (x: unknown) => typeof x === "string" && HEX64.test(x);
  member("size", count, "an integer ≥ 0 (a JSON number)");
  member("root", hex, "64 lowercase hex digits");
  member("lastHash", hex, "64 lowercase hex digits");
  member("bytes", count, "an integer ≥ 0 (a JSON number)");
  const size = v.size as number;
  if (!("frontier" in v))
    return {
      format: LEDGER_CHECKPOINT_FORMAT,
      size,
      root: v.root as string,
      lastHash: v.lastHash as string,
      bytes: v.bytes as number,
    };
  member("frontier", (x) => Array.isArray(x) && x.every(hex), "an array of 64 lowercase hex digits");
  const frontier = v.frontier as string[];
  const needed = MerkleFrontier.subtreeSizes(size).length;
  if (frontier.length !== needed)
    throw invalid("frontier: wrong length", `${needed} hash(es) for size ${size}`, `${frontier.length}`);
  return {
    format: LEDGER_CHECKPOINT_FORMAT,
    size,
    root: v.root as string,
    lastHash: v.lastHash as string,
    bytes: v.bytes as number,
    frontier,
  };
}

/**
 * Reads a checkpoint a caller kept (bounded, parsed, checked). `undefined` when the file does not exist.
 *
 * @throws {@link LedgerError} `LEDGER_CHECKPOINT_TOO_LARGE`, `LEDGER_CHECKPOINT_UNREADABLE` or
 *   `LEDGER_CHECKPOINT_INVALID`
 */
export function readLedgerCheckpointIfPresent(
  file: string,
): (LedgerCheckpoint & { readonly frontier?: readonly string[] }) | undefined {
  const bytes = readBoundedOrAbsent(
    file,
    MAX_CHECKPOINT_BYTES,
    (refusal) =>
      new LedgerError({
        code:
          refusal.code === "INPUT_TOO_LARGE" ? "LEDGER_CHECKPOINT_TOO_LARGE" : "LEDGER_CHECKPOINT_UNREADABLE",
        path: file,
        message: `cannot read the checkpoint: ${refusal.message}`,
        ...(refusal.expected !== undefined ? { expected: refusal.expected } : {}),
        ...(refusal.received !== undefined ? { received: refusal.received } : {}),
        ...(refusal.errno !== undefined ? { errno: refusal.errno } : {}),
      }),
  );
  if (bytes === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new LedgerError({
      code: "LEDGER_CHECKPOINT_INVALID",
      path: file,
      message: "not a JSON text",
      expected: `a JSON object ${SHAPE}`,
      received: (error as Error).message,
    });
  }
  return parseLedgerCheckpoint(value, file);
}

/**
 * Reads a checkpoint a caller kept (bounded, parsed, checked).
 *
 * @throws {@link LedgerError} `LEDGER_CHECKPOINT_TOO_LARGE`, `LEDGER_CHECKPOINT_INVALID`, and
 *   `LEDGER_CHECKPOINT_UNREADABLE` (also when the file does not exist)
 */
export function readLedgerCheckpoint(file: string): LedgerCheckpoint {
  const checkpoint = readLedgerCheckpointIfPresent(file);
  if (checkpoint === undefined)
    throw new LedgerError({
      code: "LEDGER_CHECKPOINT_UNREADABLE",
      path: file,
      message: "cannot read the checkpoint: the file does not exist",
      errno: "ENOENT",
    });
  const { frontier: _frontier, ...plain } = checkpoint;
  return plain;
}

/** The ledger's checkpoint file, when there is one; it must have its frontier. @throws {@link LedgerError} */
export function readCheckpointFile(ledger: string): CheckpointFile | undefined {
  const file = checkpointPath(ledger);
  const checkpoint = readLedgerCheckpointIfPresent(file);
  if (checkpoint === undefined) return undefined;
  if (checkpoint.frontier === undefined)
    throw new LedgerError({
      code: "LEDGER_CHECKPOINT_INVALID",
      path: file,
      message: "frontier: missing",
      expected: "the Merkle frontier (a ledger's checkpoint file has one)",
      received: "nothing",
    });
  return { ...checkpoint, frontier: checkpoint.frontier };
}

/**
 * Replaces the ledger's checkpoint file (temporary file created new, then renamed).
 *
 * @throws {@link LedgerError} `LEDGER_CHECKPOINT_NOT_WRITTEN` (the temporary file removed)
 */
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
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    writeNewFile(tmp, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (error) {
    removeQuietly(tmp);
    const errno = readErrno(error);
    throw new LedgerError({
      code: "LEDGER_CHECKPOINT_NOT_WRITTEN",
      path: file,
      message: `cannot replace the checkpoint file (${errno ?? (error as Error).message})`,
      ...(errno !== undefined ? { errno, received: errno } : {}),
    });
  }
}
