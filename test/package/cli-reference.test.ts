/**
 * docs/cli.md is the CLI reference generated from `--help`: every command's help text (as `b2mml <command>
 * --help` prints it) appears in it verbatim, so the page cannot go stale. To regenerate the page after a
 * help text changed: `B2MML_WRITE_CLI_DOCS=1 npx vitest run test/package/cli-reference.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { MAIN_HELP, runCli } from "../../src/cli/run.js";
import { repoRoot } from "../helpers/paths.js";

const COMMANDS = ["init", "codegen", "map", "validate", "c14n", "hash", "audit"] as const;
/** Commands with their own help: each command, and each map mapping after map's overview. */
const HELP_COMMANDS = [
  "init",
  "codegen",
  "map",
  "map production-schedule",
  "map production-performance",
  "map erp-postings",
  "validate",
  "c14n",
  "hash",
  "audit",
] as const;
const docPath = path.join(repoRoot, "docs/cli.md");

async function helpOf(args: readonly string[]): Promise<string> {
  let out = "";
  const code = await runCli(args, { out: (t) => (out += t), err: () => {} });
  expect(code).toBe(0);
  return out;
}

const helps: [string, string][] = [
  ["b2mml --help", await helpOf(["--help"])],
  ...(await Promise.all(
    HELP_COMMANDS.map(
      async (c): Promise<[string, string]> => [
        `b2mml ${c} --help`,
        await helpOf([...c.split(" "), "--help"]),
      ],
    ),
  )),
];

function render(): string {
  const intro = `# CLI reference

\`b2mml\` is a thin shell over the library: each command parses its options, calls the library and
returns an exit code from one table; data goes to stdout, diagnostics to stderr. This page is generated
from the commands' \`--help\` output and checked by the test suite (\`test/package/cli-reference.test.ts\`);
regenerate it with \`B2MML_WRITE_CLI_DOCS=1 npx vitest run test/package/cli-reference.test.ts\`.

Install the package (\`npm install b2mml\`) and run \`npx b2mml …\`, or from a checkout
\`node dist/cli/main.js …\` after \`npm run build\`. See also [Getting started](./getting-started.md),
[Validation](./validation.md) and [Audit](./audit.md).
`;
  return `${intro}${helps.map(([title, text]) => `\n## \`${title}\`\n\n\`\`\`text\n${text}\n\`\`\`\n`).join("")}`;
}

if (process.env.B2MML_WRITE_CLI_DOCS) writeFileSync(docPath, render());

describe("docs/cli.md", () => {
  test("the main help is the one the CLI prints", () => {
    expect(helps[0]?.[1]).toBe(MAIN_HELP);
  });

  test.each(helps)("contains the output of `%s` verbatim", (_title, text) => {
    const doc = readFileSync(docPath, "utf8");
    expect(
      doc.includes(`\`\`\`text\n${text}\n\`\`\``),
      `docs/cli.md is stale; regenerate it (see the test's header)`,
    ).toBe(true);
  });

  test("every command of the main help is documented", () => {
    const listed = [...MAIN_HELP.matchAll(/^ {2}([a-z][a-z0-9]*) {2,}/gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS]);
  });
});
