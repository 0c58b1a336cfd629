import { defineConfig } from "vitest/config";

/**
 * Besides the default reporter, every run writes the evidence report (requirement → test → digests,
 * environment) to reports/evidence/report.json and report.html; see src/testing/reporter.ts.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/issue-path-text.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: [
      "default",
      [
        "./src/testing/reporter.ts",
        {
          outputDir: "reports/evidence",
          requirementSources: ["docs/mapping-*.md", "docs/rules.md"],
          schemas: ["xsd/b2mml-v0600"],
          configurations: ["fixtures/mappers/config.json"],
        },
      ],
    ],
  },
});
