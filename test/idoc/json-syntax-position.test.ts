/**
 * Issue #18: every IDoc-JSON syntax error carries line and column, also where the engine's message names
 * no position (`Unexpected token '}', "{"a":}" is not valid JSON`, `Unexpected end of JSON input`): the
 * reader computes the place of the first character that cannot continue JSON.
 */
import { describe, expect, test } from "vitest";
import { IdocInputError, readIdoc } from "../../src/idoc/index.js";

function refusal(text: string): IdocInputError {
  try {
    readIdoc(text, { file: "orders.json" });
  } catch (error) {
    if (error instanceof IdocInputError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("IDoc-JSON syntax errors: exact line and column", () => {
  const cases: readonly [name: string, text: string, line: number, column: number][] = [
    ["a value missing before }", '{"IDOC":[{"EDI_DC40":{"DOCNUM":}}]}', 1, 32],
    ["a value missing on line 3", '{\n  "IDOC": [\n    { "EDI_DC40": { "DOCNUM": } }\n  ]\n}', 3, 31],
    ["a misspelt literal", '{"IDOC":[{"E1AFKOL":{"X":tru}}]}', 1, 29],
    ["a trailing comma in an object (CRLF lines)", '{\r\n"IDOC": [],\r\n}', 3, 1],
    ["a trailing comma in an array", '{"IDOC":[{},]}', 1, 13],
    ["a missing comma between members", '{"IDOC":[]\n "X":"1"}', 2, 2],
    ["the text ends inside an object", '{"IDOC":[{"EDI_DC40":{', 1, 23],
    ["the text ends inside a string", '{"IDOC":[{"E1AFKOL":{"AUFNR":"100', 1, 34],
    ["a raw control character in a string", '{"IDOC":[{"E1AFKOL":{"AUFNR":"1\t0"}}]}', 1, 32],
    ["a bad unicode escape", '{"IDOC":[{"E1AFKOL":{"AUFNR":"\\u12"}}]}', 1, 35],
    ["a number with a leading zero", '{"IDOC":[{"E1AFKOL":{"X":012}}]}', 1, 27],
    ["text after the JSON value", '{"IDOC":[]}\n}', 2, 1],
    ["a single-quoted key", "{'IDOC':[]}", 1, 2],
  ];
  test.each(cases)("%s", (_name, text, line, column) => {
    const error = refusal(text);
    expect(error.code).toBe("JSON_NOT_WELL_FORMED");
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message.startsWith(`orders.json:${line}:${column}: `)).toBe(true);
  });
});
