/**
 * The mapping-audit step is part of the library (issue #20): `b2mml/audit` and the root entry export the
 * functions the CLI uses (the same functions, not copies).
 */
import { describe, expect, test } from "vitest";
import { digest } from "../../src/audit/digest.js";
import * as audit from "../../src/audit/index.js";
import * as step from "../../src/audit/mapping-audit.js";
import * as root from "../../src/index.js";

describe("the mapping-audit step's exports", () => {
  test.each([
    ["appendMappingAudit", step.appendMappingAudit],
    ["digestInput", step.digestInput],
    ["UNKNOWN_MESSAGE_TYPE", step.UNKNOWN_MESSAGE_TYPE],
  ] as const)("%s from b2mml/audit and the root", (name, value) => {
    expect(audit[name]).toBe(value);
    expect(root[name]).toBe(value);
  });

  test("digestInput is unchanged: JCS for IDoc-JSON, Canonical XML 1.0 otherwise", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(step.digestInput(bytes(' {"b":1,"a":2}'), "in.json")).toEqual({
      record: digest({ a: 2, b: 1 }, { canonicalization: "jcs" }),
    });
    expect(step.digestInput(bytes("<a  b='1'/>"), "in.xml")).toEqual({
      record: {
        ...digest(bytes('<a b="1"></a>')),
        canonicalization: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
      },
    });
  });
});
