/**
 * Which business rules run: all of them, some by ID, or all but some. The library takes a
 * {@link RuleSelection}; the CLI's `--rules=<list>` text is read by {@link parseRuleSelection}.
 *
 * @module
 */

/** The rules to run: `only` (all when absent) minus `exclude`. Unknown IDs are refused. */
export interface RuleSelection {
  /** Run only these rule IDs. @default every rule */
  readonly only?: readonly string[];
  /** Leave these rule IDs out. @default none */
  readonly exclude?: readonly string[];
}

/** A selection text that cannot be read: what is wrong, what was expected, what was found. */
export interface RuleSelectionError {
  readonly ok: false;
  readonly code: "RULES_UNKNOWN_ID" | "RULES_BAD_SELECTION";
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

/**
 * Reads a rule selection: comma-separated items, each `all` (every rule), a rule ID (run it) or `-` and a
 * rule ID (leave it out). Without any rule ID to run, the selection starts from every rule:
 * `all,-B2MML-ID-001` and `-B2MML-ID-001` both run every rule but B2MML-ID-001;
 * `B2MML-TIME-001,B2MML-UOM-001` runs those two. An empty item, an unknown ID, or an ID both chosen and
 * left out is an error naming the known IDs.
 *
 * @param knownIds the IDs of the rule catalogue
 */
export function parseRuleSelection(
  text: string,
  knownIds: readonly string[],
): { readonly ok: true; readonly selection: RuleSelection } | RuleSelectionError {
  const known = new Set(knownIds);
  const expected = `all, rule IDs or -ID, comma-separated; known IDs: ${knownIds.join(", ")}`;
  const only: string[] = [];
  const exclude: string[] = [];
  let all = false;
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "all") {
      all = true;
      continue;
    }
    const excluded = item.startsWith("-");
    const id = excluded ? item.slice(1) : item;
    if (id === "")
      return {
        ok: false,
        code: "RULES_BAD_SELECTION",
        message: `an empty item in "${text}"`,
        expected,
        received: text,
      };
    if (!known.has(id))
      return {
        ok: false,
        code: "RULES_UNKNOWN_ID",
        message: `unknown rule ID ${id}`,
        expected,
        received: id,
      };
    (excluded ? exclude : only).push(id);
  }
  const both = only.find((id) => exclude.includes(id));
  if (both !== undefined)
    return {
      ok: false,
      code: "RULES_BAD_SELECTION",
      message: `rule ${both} is both chosen and left out`,
      expected,
      received: text,
    };
  return {
    ok: true,
    selection: {
      ...(all || only.length === 0 ? {} : { only }),
      ...(exclude.length === 0 ? {} : { exclude }),
    },
  };
}

/** Whether a command-line word reads as a rule selection (`all`, `B2MML-TIME-001`, `-B2MML-ID-001,…`). */
export function looksLikeRuleSelection(word: string): boolean {
  return word
    .split(",")
    .every((item) => item.trim() === "all" || /^-?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/.test(item.trim()));
}
