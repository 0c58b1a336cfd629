/**
 * Where the guides a help text names (`docs/<guide>.md`) are: the package does not ship docs/, so a help
 * that names one says where to read it.
 *
 * @module
 */

/** The repository folder of the guides. */
export const GUIDES_URL = "https://github.com/b2mml/b2mml/tree/main/docs";

/** The help paragraph for a help text that names a guide. */
export const GUIDES_HELP = `The guides named docs/<guide>.md are not in the package; read them at
${GUIDES_URL}.`;
