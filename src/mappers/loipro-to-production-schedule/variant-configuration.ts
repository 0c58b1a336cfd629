/**
 * Variant configuration values (E1VCCHR, with its texts in E1VCCHT) → parameters of the order-level
 * segment (LOIPRO-MAP-070): ID = characteristic name (ATNAM), value = ATWRT_LONG or ATWRT, DataType
 * decimal for numeric characteristics (ATFOR `NUM`) whose value is a plain decimal, else string;
 * the characteristic description (ATBEZ) as the description, in its language (LAISO).
 *
 * @module
 */
import type { ProductionParameterType } from "../../generated/b2mml-v0600/index.js";
import type { IdocSegment } from "../../idoc/model.js";
import { children, required, text } from "../shared/idoc-fields.js";
import type { MapContext } from "../shared/map-context.js";
import { PLAIN_DECIMAL } from "../units/quantity.js";
import { stringValue } from "./context.js";

export function mapVariantConfiguration(ctx: MapContext, header: IdocSegment): ProductionParameterType[] {
  const list: ProductionParameterType[] = [];
  for (const characteristic of children(header, "E1VCCHR")) {
    const name = required(ctx, characteristic, "ATNAM", "the characteristic name");
    if (name === undefined) continue;
    const value = text(characteristic, "ATWRT_LONG") ?? text(characteristic, "ATWRT");
    const numeric =
      text(characteristic, "ATFOR") === "NUM" && value !== undefined && PLAIN_DECIMAL.test(value);
    const descriptions = children(characteristic, "E1VCCHT").flatMap((t) => {
      const label = text(t, "ATBEZ");
      const language = text(t, "LAISO");
      if (label === undefined) return [];
      return [
        language !== undefined && /^[A-Za-z]{2}$/.test(language)
          ? { value: label, languageID: language.toLowerCase() }
          : { value: label },
      ];
    });
    // the value's texts beside the value, one per language, Key = LAISO (LOIPRO-MAP-071)
    const valueTexts = children(characteristic, "E1VCCHT").flatMap((t) => {
      const valueText = text(t, "ATWTB_LONG") ?? text(t, "ATWTB");
      const language = text(t, "LAISO");
      if (valueText === undefined) return [];
      return [{ ...stringValue(valueText), ...(language === undefined ? {} : { Key: { value: language } }) }];
    });
    list.push({
      Parameter: {
        ID: { value: name, schemeID: "ATNAM" },
        ...(value === undefined ? {} : { Value: [stringValue(value, numeric ? "decimal" : "string")] }),
        ...(descriptions.length === 0 ? {} : { Description: descriptions }),
        ...(valueTexts.length === 0
          ? {}
          : {
              Parameter: [
                {
                  ID: { value: "ATWTB" },
                  Value: valueTexts,
                  Description: [{ value: "characteristic value text" }],
                },
              ],
            }),
      },
    });
  }
  return list;
}
