/**
 * How libxml2 parses a document for validation and canonicalization (a leaf module, shared by
 * `validate-xsd.ts`, `parse-plain-document.ts` and the audit's canonicalization).
 *
 * @module
 */
import { ParseOption } from "libxml2-wasm";

/**
 * libxml2's options for documents: no network (`NONET`), no external entities or DTD (`NO_XXE`), no system
 * catalog, line numbers beyond 65535 (`BIG_LINES`). Entity substitution (`NOENT`), DTD loading
 * (`DTDLOAD`/`DTDATTR`/`DTDVALID`), XInclude and recovery stay off.
 *
 * `HUGE` lifts libxml2's own size limits (10,000,000 bytes of text, comment, CDATA or attribute value;
 * depth 256) to its large ones (1,000,000,000 bytes; depth 2048): the hardened reader, which reads every
 * document first, is the one that limits (in characters, `ReaderOptions`); libxml2's smaller limits
 * counted UTF-8 bytes, so 8 Mi characters of `€` passed the reader and failed in libxml2. `HUGE` only
 * changes limits: entity expansion stays impossible (the reader refuses every DOCTYPE).
 */
export const DOCUMENT_PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NO_SYS_CATALOG |
  ParseOption.XML_PARSE_BIG_LINES |
  ParseOption.XML_PARSE_HUGE;
