/**
 * A small tmpfs (64 KiB, 16 pages of 4 KiB) for tests of a full disk: mounted where the machine allows it
 * (root, mount permitted), with the reason when it does not.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Whether a 64 KiB tmpfs can be mounted here: `undefined` when it can (a probe is mounted and unmounted at
 * once), else why not. Call at collection time to skip; mount in `beforeAll` (a filtered-out suite then
 * mounts nothing that its `afterAll` would not unmount).
 */
export function probeSmallTmpfs(): string | undefined {
  if (process.getuid?.() !== 0) return "not root: cannot mount a tmpfs";
  try {
    unmountSmallTmpfs(mountSmallTmpfs());
    return undefined;
  } catch (error) {
    return `mount refused: ${(error as Error).message.split("\n")[0]}`;
  }
}

/** Mounts a 64 KiB tmpfs on a new folder. @throws when mount fails */
export function mountSmallTmpfs(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "b2mml-small-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "pipe" });
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Unmounts it and removes the folder. */
export function unmountSmallTmpfs(dir: string): void {
  execFileSync("umount", [dir]);
  rmSync(dir, { recursive: true, force: true });
}

/** Fills the file system with `filler`, then frees `pages` pages of 4 KiB. */
export function fillLeaving(filler: string, pages: number): void {
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(4096, 0x2e);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  const size = statSync(filler).size;
  truncateSync(filler, size - (size % 4096) - pages * 4096);
}
