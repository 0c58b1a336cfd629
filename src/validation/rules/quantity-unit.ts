/**
 * B2MML-UOM-001: a numeric material quantity names its unit.
 *
 * @module
 */
import type { ValidationIssue } from "../issues.js";
import { dataTypeOf, isNumericLexicalType, lexicalTypeOfDataType } from "./b2mml-terms.js";
import { b2mmlChild, collapsedText, isNil, type Rule, ruleIssue } from "./rule.js";

/** The material requirement and actual elements whose `Quantity` children this rule checks. */
export const MATERIAL_QUANTITY_PARENTS: ReadonlySet<string> = new Set([
  "MaterialRequirement",
  "MaterialProducedRequirement",
  "MaterialConsumedRequirement",
  "ConsumableExpectedRequirement",
  "AssemblyRequirement",
  "MaterialActual",
  "MaterialProducedActual",
  "MaterialConsumedActual",
  "ConsumableActual",
  "AssemblyActual",
]);

export const quantityUnitRule: Rule = {
  id: "B2MML-UOM-001",
  title: "Unit on numeric material quantities",
  statement:
    "A Quantity of a material requirement or actual whose DataType is numeric (decimal, an integer type, float, double, Amount, Measure, Numeric, Quantity) has a non-empty UnitOfMeasure.",
  check(ctx) {
    const issues: ValidationIssue[] = [];
    for (const quantity of ctx.elements) {
      if (quantity.local !== "Quantity") continue;
      const parent = ctx.parentOf(quantity);
      if (parent === undefined || !MATERIAL_QUANTITY_PARENTS.has(parent.local)) continue;
      const quantityString = b2mmlChild(quantity, "QuantityString");
      const code = dataTypeOf(quantity);
      const type = code === undefined ? undefined : lexicalTypeOfDataType(code);
      if (quantityString === undefined || type === undefined || !isNumericLexicalType(type)) continue;
      const amount = isNil(quantityString) ? "(nil)" : collapsedText(quantityString);
      const unit = b2mmlChild(quantity, "UnitOfMeasure");
      const expected = "a non-empty UnitOfMeasure";
      if (unit === undefined)
        issues.push(
          ruleIssue(
            ctx,
            this.id,
            quantity,
            `Quantity ${amount} (DataType ${code}) of ${parent.local} has no UnitOfMeasure`,
            {
              expected,
              received: "no UnitOfMeasure",
            },
          ),
        );
      else if (isNil(unit) || collapsedText(unit) === "")
        issues.push(
          ruleIssue(
            ctx,
            this.id,
            unit,
            `Quantity ${amount} (DataType ${code}) of ${parent.local} has an empty UnitOfMeasure`,
            {
              expected,
              received: isNil(unit) ? 'UnitOfMeasure xsi:nil="true"' : "an empty UnitOfMeasure",
            },
          ),
        );
    }
    return issues;
  },
};
