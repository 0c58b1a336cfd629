/**
 * Proof of the plant-time arithmetic (`src/mappers/time/`, hand-written over `Intl`) against a maintained
 * Temporal polyfill (`temporal-polyfill`), at every transition of every IANA zone the platform knows
 * (`Intl.supportedValuesOf("timeZone")`) from 1950 to 2040, ± 3 h around each transition in 15-minute
 * steps, in both directions:
 *
 * - local wall time → instant (`toZonedDateTime`): the polyfill's `PlainDateTime.toZonedDateTime` with
 *   `disambiguation: "compatible"` (a gap shifted forward by its length, an overlap taking the earlier
 *   instant: LOIPRO-MAP-052, -053) and `"later"` (to tell an overlap), compared per wall time: instant,
 *   `xs:dateTime` text (formatted here from the polyfill's instant and offset), gap/overlap.
 *   The wall times are the clock readings on both sides of the transition, so a gap's and an overlap's
 *   first and last minutes are among them. A value whose offset is not whole minutes is the documented
 *   refusal (`reason: "offset"`): exactly where the polyfill's offset has seconds.
 * - instant → local (`offsetSecondsAt`): the polyfill's transitions, found one after another with
 *   `getTimeZoneTransition("next")`, with its offset after each one; between two transitions the
 *   polyfill's offset is constant by definition, so every instant of every window is checked against it
 *   without a call per instant (which costs ~25 µs in the polyfill, ~15 s for the sweep); the same
 *   offsets give the wall time and offset of each instant the first direction resolves to.
 *
 * Both sides read the same ICU time zone data through `Intl`: this proves the arithmetic (gap and overlap
 * resolution, offset reading, day carry), not the tz database. Nothing is sampled: every zone, every
 * transition, every step. See docs/mapping-time-zones.md.
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { isKnownTimeZone, offsetSecondsAt } from "../../src/mappers/time/time-zone.js";
import { toZonedDateTime } from "../../src/mappers/time/zoned-date-time.js";

const FROM = Date.UTC(1950, 0, 1);
const TO = Date.UTC(2041, 0, 1);
const SPAN_MS = 3 * 3_600_000;
const STEP_MS = 15 * 60_000;

interface Transition {
  readonly epochMs: number;
  /** Offsets in seconds before and after it. */
  readonly before: number;
  readonly after: number;
}

/** Every transition of the zone in [FROM, TO), from the polyfill, with the offsets around it. */
function transitionsOf(zone: string): Transition[] {
  const list: Transition[] = [];
  let z: Temporal.ZonedDateTime | null = Temporal.Instant.fromEpochMilliseconds(
    FROM - SPAN_MS,
  ).toZonedDateTimeISO(zone);
  let offset = z.offsetNanoseconds / 1e9;
  for (;;) {
    z = z.getTimeZoneTransition("next");
    if (z === null || z.epochMilliseconds >= TO + SPAN_MS) break;
    const after = z.offsetNanoseconds / 1e9;
    list.push({ epochMs: z.epochMilliseconds, before: offset, after });
    offset = after;
  }
  return list;
}

/** The polyfill's offset at `epochMs`: the offset after the last transition at or before it. */
function offsetFromTransitions(list: readonly Transition[], epochMs: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Transition).epochMs <= epochMs) lo = mid + 1;
    else hi = mid;
  }
  const first = list[0];
  if (lo === 0) return first === undefined ? Number.NaN : first.before;
  return (list[lo - 1] as Transition).after;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock reading `wallMs` (milliseconds as if UTC) as a date, a time and a PlainDateTime. */
function wallOf(wallMs: number): { date: string; time: string; plain: Temporal.PlainDateTime } {
  const d = new Date(wallMs);
  const [y, mo, day, h, mi, s] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  return {
    date: `${pad(y, 4)}-${pad(mo)}-${pad(day)}`,
    time: `${pad(h)}:${pad(mi)}:${pad(s)}`,
    plain: new Temporal.PlainDateTime(y, mo, day, h, mi, s),
  };
}

/** `±hh:mm` (`Z` for zero) of an offset in whole minutes, as `xs:dateTime` writes it. */
function formatOffset(seconds: number): string {
  if (seconds === 0) return "Z";
  const abs = Math.abs(seconds);
  return `${seconds < 0 ? "-" : "+"}${pad(Math.floor(abs / 3600))}:${pad((abs % 3600) / 60)}`;
}

/**
 * What the polyfill makes of a wall time, in the shape of `toZonedDateTime`'s result: the instant of
 * `disambiguation: "compatible"`, an overlap where `"later"` gives another instant, a gap where the
 * instant's wall time is not the one given. The offset at the instant is the polyfill's from its
 * transitions (reading `offsetNanoseconds` of each ZonedDateTime would cost ~25 µs a call).
 */
function expectedOf(
  plain: Temporal.PlainDateTime,
  wallMs: number,
  zone: string,
  list: readonly Transition[],
) {
  const epochMs = plain.toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
  const offset = offsetFromTransitions(list, epochMs);
  if (offset % 60 !== 0) return { ok: false, reason: "offset" };
  const shownMs = epochMs + offset * 1000;
  let adjustment: { kind: "gap" | "overlap"; shiftSeconds: number } | undefined;
  if (shownMs !== wallMs) adjustment = { kind: "gap", shiftSeconds: (shownMs - wallMs) / 1000 };
  else if (plain.toZonedDateTime(zone, { disambiguation: "later" }).epochMilliseconds !== epochMs)
    adjustment = { kind: "overlap", shiftSeconds: 0 };
  const value = `${new Date(shownMs).toISOString().slice(0, 19)}${formatOffset(offset)}`;
  return { ok: true, value, epochMs, ...(adjustment === undefined ? {} : { adjustment }) };
}

interface Sweep {
  transitions: number;
  instants: number;
  wallTimes: number;
  refusals: number;
  /** Transitions whose next one is closer than CLOSE_MS (swept end to end). */
  close: number;
  gaps: number;
  overlaps: number;
  disagreements: string[];
}

/** Transitions closer than this are swept end to end (the arithmetic probes the offsets ± 1 day away). */
const CLOSE_MS = 3 * 86_400_000;

/** Every `STEP_MS` from `from` to `to` (both included when on the grid). */
function* grid(from: number, to: number): Generator<number> {
  for (let at = from; at <= to; at += STEP_MS) yield at;
}

/**
 * The instants and the wall times (milliseconds as if UTC) checked around transition `i`: ± 3 h around the
 * instant; for wall times, ± 3 h around the clock readings on both sides of it and everything between them
 * (a whole gap or overlap, even a day long), with the second before each reading. When the next
 * transition is closer than {@link CLOSE_MS}, everything up to it as well.
 */
function pointsAround(list: readonly Transition[], i: number): { instants: Set<number>; walls: Set<number> } {
  const t = list[i] as Transition;
  const next = list[i + 1];
  const instants = new Set(grid(t.epochMs - SPAN_MS, t.epochMs + SPAN_MS));
  const readings = [t.epochMs + t.before * 1000, t.epochMs + t.after * 1000];
  const lo = Math.min(...readings) - SPAN_MS;
  let hi = Math.max(...readings) + SPAN_MS;
  if (next !== undefined && next.epochMs - t.epochMs < CLOSE_MS) {
    for (const at of grid(t.epochMs, next.epochMs)) instants.add(at);
    hi = Math.max(hi, next.epochMs + Math.max(next.before, next.after) * 1000);
  }
  const walls = new Set<number>();
  for (const reading of readings) {
    for (const at of grid(reading - Math.ceil((reading - lo) / STEP_MS) * STEP_MS, hi)) walls.add(at);
    walls.add(reading - 1000);
  }
  return { instants, walls };
}

/** Compares both directions around every transition of `zone`; records every disagreement. */
function sweepZone(zone: string, sweep: Sweep): void {
  const list = transitionsOf(zone);
  list.forEach((t, i) => {
    if (t.epochMs < FROM || t.epochMs >= TO) return;
    sweep.transitions++;
    const next = list[i + 1];
    if (next !== undefined && next.epochMs - t.epochMs < CLOSE_MS) sweep.close++;
    const { instants, walls } = pointsAround(list, i);
    for (const at of instants) {
      const want = offsetFromTransitions(list, at);
      const got = offsetSecondsAt(at, zone);
      sweep.instants++;
      if (got !== want)
        sweep.disagreements.push(
          `${zone} ${new Date(at).toISOString()}: offsetSecondsAt ${got}, polyfill ${want}`,
        );
    }
    for (const wallMs of walls) {
      const { date, time, plain } = wallOf(wallMs);
      const got = toZonedDateTime(date, time, zone);
      const want = expectedOf(plain, wallMs, zone, list);
      sweep.wallTimes++;
      const same = got.ok
        ? JSON.stringify(got) === JSON.stringify(want)
        : !want.ok && got.reason === want.reason;
      if (!same)
        sweep.disagreements.push(
          `${zone} ${date}T${time}: ours ${JSON.stringify(got)}, polyfill ${JSON.stringify(want)}`,
        );
      else if (!got.ok) sweep.refusals++;
      else if (got.adjustment?.kind === "gap") sweep.gaps++;
      else if (got.adjustment?.kind === "overlap") sweep.overlaps++;
    }
  });
}

const zones = Intl.supportedValuesOf("timeZone");
/** Groups of zones, one test each: the region, America split in two (it has 40 % of the transitions). */
const groupOf = (zone: string): string => {
  const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "(other)";
  if (region !== "America") return `${region}/…`;
  return /^America\/[A-L]/.test(zone) ? "America/A…L" : "America/M…Z";
};
const groups = [...new Set(zones.map(groupOf))].sort();

describe("the plant-time arithmetic agrees with the Temporal polyfill at every transition, 1950–2040", () => {
  test("the platform knows the IANA zones (the sweep is not empty)", () => {
    expect(zones.length).toBeGreaterThan(400);
    expect(zones).toContain("Europe/Berlin");
  });

  test.each(groups)("LOIPRO-MAP-050 LOIPRO-MAP-052 LOIPRO-MAP-053 zones %s: both directions", (group) => {
    const sweep: Sweep = {
      transitions: 0,
      instants: 0,
      wallTimes: 0,
      refusals: 0,
      close: 0,
      gaps: 0,
      overlaps: 0,
      disagreements: [],
    };
    for (const zone of zones.filter((z) => groupOf(z) === group)) sweepZone(zone, sweep);
    expect(sweep.disagreements.slice(0, 20)).toEqual([]);
    expect(sweep.disagreements.length).toBe(0);
    expect(sweep.instants).toBeGreaterThanOrEqual(sweep.transitions * 25);
    expect(sweep.wallTimes).toBeGreaterThanOrEqual(sweep.transitions * 25);
  });
});

describe("what the arithmetic refuses, and its range beyond the sweep", () => {
  test.each([
    [
      "Africa/Monrovia",
      "1960-06-01",
      "12:00:00",
      "-00:44:30",
      "Africa/Monrovia has an offset of -2670 s on 1960-06-01",
    ],
    [
      "Pacific/Niue",
      "1951-01-01",
      "00:00:00",
      "-11:19:40",
      "Pacific/Niue has an offset of -40780 s on 1951-01-01",
    ],
    [
      "Europe/Berlin",
      "0001-01-01",
      "12:00:00",
      "+00:53:28",
      "Europe/Berlin has an offset of 3208 s on 0001-01-01",
    ],
  ])(
    "LOIPRO-MAP-050 %s %s %s: an offset with seconds (%s) is refused, reason offset",
    (zone, date, time, offset, message) => {
      const plain = Temporal.PlainDateTime.from(`${date}T${time}`);
      expect(plain.toZonedDateTime(zone).offset).toBe(offset);
      expect(toZonedDateTime(date, time, zone)).toEqual({
        ok: false,
        reason: "offset",
        message: `${message}, which xs:dateTime cannot express`,
      });
    },
  );

  test.each([
    ["9999-12-31", "23:59:59", "Europe/Berlin", "9999-12-31T23:59:59+01:00"],
    ["9999-12-31", "24:00:00", "Etc/UTC", "10000-01-01T00:00:00Z"],
    ["1900-01-01", "12:00:00", "America/New_York", "1900-01-01T12:00:00-05:00"],
  ])(
    "LOIPRO-MAP-050 LOIPRO-MAP-051 %s %s in %s, outside the sweep, agrees with the polyfill",
    (date, time, zone, want) => {
      const got = toZonedDateTime(date, time, zone);
      expect(got.ok && got.value).toBe(want);
      const plain = Temporal.PlainDateTime.from(`${date}T${time === "24:00:00" ? "23:59:59" : time}`).add({
        seconds: time === "24:00:00" ? 1 : 0,
      });
      expect(got.ok && got.epochMs).toBe(plain.toZonedDateTime(zone).epochMilliseconds);
    },
  );

  test("a zone the platform does not know is refused by isKnownTimeZone; the arithmetic throws a RangeError", () => {
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone(" Europe/Berlin")).toBe(false);
    expect(() => toZonedDateTime("2026-01-01", "00:00:00", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => offsetSecondsAt(0, "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => Temporal.Now.instant().toZonedDateTimeISO("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
