/**
 * The two things a configuration file may hold for its human reader, and that the readers check but never
 * use: `$comment` notes (JSON has no comments; the JSON Schema keyword's name is taken for the member) and
 * the placeholders `b2mml init` writes where it cannot know a value (a plant's time zone, a unit's code).
 * A placeholder is refused with a message of its own, so that a starter file is never used as it is.
 *
 * @module
 */

/** A note: one string, or an array of lines. */
export type ConfigComment = string | readonly string[];

/**
 * How every placeholder starts: `TODO: the IANA time zone of plant CH01`. A value starting so is never a
 * time zone name nor a Rec. 20 code, so the check cannot refuse a real value.
 */
export const CONFIG_PLACEHOLDER_PREFIX = "TODO";

/** A placeholder value: `TODO: <what to write here>`. */
export function configPlaceholder(what: string): string {
  return `${CONFIG_PLACEHOLDER_PREFIX}: ${what}`;
}

/** Whether a value is a placeholder that `b2mml init` wrote and nobody has replaced. */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(CONFIG_PLACEHOLDER_PREFIX);
}

/** The message of a placeholder left in place. */
export function placeholderMessage(expected: string): string {
  return `is still a placeholder (written by b2mml init): replace it with ${expected}`;
}

type Fail = (path: string, message: string, expected?: string, received?: unknown) => void;

/** Checks a `$comment` member: absent, a string, or an array of strings. */
export function checkComment(value: unknown, path: string, fail: Fail): void {
  if (value === undefined || typeof value === "string") return;
  if (Array.isArray(value) && value.every((line) => typeof line === "string")) return;
  fail(path, "must be a note", "a string or an array of strings", value);
}
