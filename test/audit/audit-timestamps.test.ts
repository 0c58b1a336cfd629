/**
 * Audit record timestamps are exact xs:dateTime values with an offset: the lexical rules (month, day in
 * its month, hour, minute, second, offset ranges), not a pattern; the error says why.
 */
import { describe, expect, test } from "vitest";
import { createAuditRecord } from "../../src/audit/audit-record.js";

const clock = () => new Date("2026-03-29T00:30:00.250Z");
const build = (timestamps: Record<string, string>, signedAt?: string) =>
  createAuditRecord({
    operation: "mapping",
    correlationId: "c",
    idempotencyKey: "k",
    messageType: "LOIPRO05",
    timestamps,
    ...(signedAt === undefined ? {} : { signature: { signerId: "u1", meaning: "approval", signedAt } }),
    clock,
  });

describe("audit timestamps", () => {
  test.each([
    ["2026-13-45T99:99:99+99:99", /month 13/],
    ["2026-02-30T10:00:00Z", /day 30 does not exist in 2026-02/],
    ["2025-02-29T10:00:00Z", /day 29 does not exist in 2025-02/],
    ["2026-03-29T25:00:00Z", /hour 25/],
    ["2026-03-29T10:60:00Z", /minute 60/],
    ["2026-03-29T10:00:60Z", /second 60/],
    ["2026-03-29T24:00:01Z", /hour 24 is only allowed as 24:00:00/],
    ["2026-03-29T10:00:00+15:00", /beyond ±14:00/],
    ["2026-03-29T10:00:00+01:60", /minutes not in 00–59/],
    ["0000-03-29T10:00:00Z", /year 0000/],
    ["2026-03-29T10:00:00", /no offset/],
    ["2026-03-29 10:00:00Z", /expected YYYY-MM-DD/],
  ])("%s is refused: the message says why", (value, why) => {
    expect(() => build({ receivedAt: value })).toThrow(RangeError);
    expect(() => build({ receivedAt: value })).toThrow(why);
    expect(() => build({ receivedAt: value })).toThrow(`timestamp receivedAt "${value}"`);
  });

  test("the signature time is checked the same way", () => {
    expect(() => build({}, "2026-02-29T10:00:00+01:00")).toThrow(/signature\.signedAt.*day 29/);
    expect(build({}, "2024-02-29T10:00:00+01:00").signature?.signedAt).toBe("2024-02-29T10:00:00+01:00");
  });

  test.each([
    "2026-03-29T01:29:59+01:00",
    "2026-03-29T01:29:59.1234567Z",
    "2024-02-29T23:59:59-14:00",
    "2026-03-29T24:00:00+14:00",
    "-0001-01-01T00:00:00Z",
    "12026-03-29T00:00:00Z",
  ])("%s is accepted and kept as given", (value) => {
    expect(build({ receivedAt: value }).timestamps.receivedAt).toBe(value);
  });
});
