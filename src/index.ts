/**
 * b2mml: schema-first B2MML (ISA-95) for TypeScript.
 *
 * - `b2mml/codegen`: the XSD → TypeScript generator;
 * - `b2mml/binding`: read/write between XML and the generated types, the hardened XML reader, lexical helpers;
 * - `b2mml/validation`: XSD validation (libxml2) and business rules;
 * - `b2mml/idoc`: the SAP IDoc reader (IDoc-XML and IDoc-JSON, normalized fields);
 * - `b2mml/mappers`: LOIPRO → ProductionSchedule, time tickets and goods movements → ProductionPerformance,
 *   ProductionPerformance → ERP postings, and the one mapping runner;
 * - the one issue base every area's issues are instances of (`Issue`, paths as segments, `renderIssuePath`);
 * - `b2mml/audit`: canonicalization, digests, audit records and the ledger;
 * - `b2mml/builders`: small builders for hand-built V0600 documents (`quantity`, `dateTime`, `processProductionSchedule`, …);
 * - `b2mml/generated/b2mml-v0600`: types and metadata of the project's B2MML V0600 production profile.
 *
 * @module
 */

export * from "./audit/index.js";
export * from "./binding/index.js";
export * from "./builders/index.js";
export * from "./codegen/index.js";
export * from "./idoc/index.js";
export * from "./mappers/index.js";
export * from "./shared/issue.js";
export * from "./validation/index.js";
