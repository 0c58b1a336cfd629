import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** MESA's official B2MML sets, reference data beside the project (never copied into it). */
export const officialSetsDir = path.resolve(repoRoot, "../shared/b2mml");

/** The official release folders present, in name order (empty when ../shared is absent). */
export function officialReleases(): string[] {
  if (!existsSync(officialSetsDir)) return [];
  return ["V0401", "V0500", "V0600", "V0601", "V0701"].filter((r) =>
    existsSync(path.join(officialSetsDir, r)),
  );
}

export const officialSetsMissing = `../shared/b2mml is absent at ${officialSetsDir}: the official B2MML sets are reference data beside the project; tests that need them are skipped`;
