/**
 * `--rules` and `--rules=<list>` of `b2mml validate`: `parseArgs` knows `--rules` as a flag only, so a list
 * is taken out of the arguments first; a list written after a bare `--rules` is a usage error (it would
 * otherwise be read as a file).
 *
 * @module
 */
import { RULES, type RuleSelection } from "../validation/rules/index.js";
import { looksLikeRuleSelection, parseRuleSelection } from "../validation/rules/rule-selection.js";
import type { ExitCode } from "./exit-codes.js";

/**
 * `--rules=<list>` taken out of the arguments (`parseArgs` knows `--rules` as a flag only), and a rule list
 * written after a bare `--rules` (which would otherwise be read as a file).
 */
export function takeRuleSelection(args: readonly string[]): {
  readonly rest: string[];
  readonly lists: string[];
  readonly misplaced?: string;
} {
  const rest: string[] = [];
  const lists: string[] = [];
  let misplaced: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith("--rules=")) {
      lists.push(arg.slice("--rules=".length));
      continue;
    }
    rest.push(arg);
    const next = args[i + 1];
    if (arg === "--rules" && next !== undefined && misplaced === undefined && looksLikeRuleSelection(next)) {
      misplaced = next; // reported as a usage error once the other options are read
      i++;
    }
  }
  return { rest, lists, ...(misplaced === undefined ? {} : { misplaced }) };
}

/** The rules `--rules` / `--rules=<list>` ask for: `false`, `true` (every rule) or a selection. */
export function resolveRules(
  flag: boolean | undefined,
  lists: readonly string[],
  misplaced: string | undefined,
  usage: (message: string) => ExitCode,
): boolean | RuleSelection | ExitCode {
  if (misplaced !== undefined)
    return usage(`--rules ${misplaced}: a rule list follows --rules after "=": --rules=${misplaced}`);
  if (lists.length > 1) return usage("--rules=<list> given more than once; give one list");
  const [list] = lists;
  if (list === undefined) return flag === true;
  const read = parseRuleSelection(
    list,
    RULES.map((rule) => rule.id),
  );
  if (!read.ok) return usage(`--rules=${list}: ${read.message}; expected ${read.expected}`);
  return read.selection;
}
