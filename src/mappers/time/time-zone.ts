/**
 * UTC offsets of IANA time zones from the platform's ICU data (`Intl.DateTimeFormat` with
 * `timeZoneName: "longOffset"`); no external time zone library.
 *
 * @module
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when the platform knows `zone` as an IANA time zone name (`Europe/Berlin`, `Etc/UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === "" || zone.trim() !== zone) return false;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset from UTC in seconds that `zone` applies at the instant `epochMs`.
 *
 * @throws {RangeError} when the zone is unknown (check with {@link isKnownTimeZone} first)
 */
export function offsetSecondsAt(epochMs: number, zone: string): number {
  const part = formatterOf(zone)
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === "timeZoneName");
  const text = part?.value ?? "";
  if (text === "GMT" || text === "UTC") return 0;
  const match = /^(?:GMT|UTC)([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (match === null) throw new RangeError(`unexpected offset "${text}" for time zone ${zone}`);
  const [, sign, hh, mm, ss] = match;
  const seconds = Number(hh) * 3600 + Number(mm) * 60 + Number(ss ?? "0");
  return sign === "-" ? -seconds : seconds;
}
