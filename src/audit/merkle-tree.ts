/**
 * RFC 6962 (Certificate Transparency) §2.1 Merkle Tree Hash over SHA-256:
 * `MTH({}) = SHA-256()`, `MTH({d0}) = SHA-256(0x00 || d0)`, and for n > 1 with k the largest power of
 * two smaller than n, `MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))`.
 *
 * {@link MerkleFrontier} keeps the roots of the perfect subtrees of the binary decomposition of n (at most
 * log2 n hashes) so that appending costs O(log n); folding them from the right gives the same root as the
 * recursive definition.
 *
 * @module
 */
import { createHash } from "node:crypto";

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** `SHA-256(0x00 || data)`. */
export function leafHash(data: Uint8Array): Buffer {
  return createHash("sha256").update(LEAF).update(data).digest();
}

/** `SHA-256(0x01 || left || right)`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash("sha256").update(NODE).update(left).update(right).digest();
}

/** The root of the perfect subtrees of a tree of `size` leaves, largest first. */
export class MerkleFrontier {
  private readonly stack: { size: number; hash: Buffer }[] = [];
  size = 0;

  /** The sizes of the perfect subtrees of a tree of `size` leaves, largest first (the binary decomposition). */
  static subtreeSizes(size: number): number[] {
    const sizes: number[] = [];
    for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2)
      if (Math.floor(size / bit) % 2 === 1) sizes.push(bit);
    return sizes;
  }

  /** A frontier saved with `hashes()`: the subtree sizes are the binary decomposition of `size`. */
  static restore(size: number, hashes: readonly Buffer[]): MerkleFrontier {
    const sizes = MerkleFrontier.subtreeSizes(size);
    if (sizes.length !== hashes.length)
      throw new RangeError(`a frontier of ${size} leaves has ${sizes.length} hashes, got ${hashes.length}`);
    const frontier = new MerkleFrontier();
    sizes.forEach((s, i) => {
      frontier.stack.push({ size: s, hash: hashes[i] as Buffer });
    });
    frontier.size = size;
    return frontier;
  }

  /** The perfect subtree roots, largest first. */
  hashes(): Buffer[] {
    return this.stack.map((e) => e.hash);
  }

  /** Adds a leaf (its data, not its hash). */
  append(data: Uint8Array): void {
    this.stack.push({ size: 1, hash: leafHash(data) });
    this.size++;
    for (;;) {
      const right = this.stack[this.stack.length - 1];
      const left = this.stack[this.stack.length - 2];
      if (!right || !left || left.size !== right.size) break;
      this.stack.splice(-2, 2, { size: left.size * 2, hash: nodeHash(left.hash, right.hash) });
    }
  }

  /** The Merkle Tree Hash of the leaves so far. */
  root(): Buffer {
    const last = this.stack[this.stack.length - 1];
    if (!last) return createHash("sha256").digest();
    let hash = last.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i]?.hash ?? hash, hash);
    return hash;
  }
}

/** The RFC 6962 Merkle Tree Hash of a list of leaves, by the recursive definition (for tests and small lists). */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return createHash("sha256").digest();
  const [only] = leaves;
  if (leaves.length === 1 && only) return leafHash(only);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleTreeHash(leaves.slice(0, k)), merkleTreeHash(leaves.slice(k)));
}
