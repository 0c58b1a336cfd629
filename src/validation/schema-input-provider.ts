/**
 * The only way libxml2 reads schema files: an input provider that serves, from memory, exactly the files of
 * the schema set being compiled and refuses everything else (other local files, every network URL).
 *
 * libxml2-wasm keeps one table of input providers per process; this one is registered once and claims every
 * name libxml2 asks for, so no other provider (and no network code) is ever consulted for a schema or a
 * document. Outside {@link withServedFiles} it serves nothing.
 *
 * @module
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  closeBuffer,
  openBuffer,
  readBuffer,
  type XmlInputProvider,
  xmlRegisterInputProvider,
} from "libxml2-wasm";

let served: ReadonlyMap<string, Uint8Array> = new Map();
let refused: string[] = [];
let registered = false;

const provider: XmlInputProvider = {
  match: () => true,
  open: (filename) => {
    const file = toLocalPath(filename);
    const buffer = file === undefined ? undefined : served.get(file);
    if (buffer === undefined) {
      refused.push(filename);
      return undefined;
    }
    return openBuffer(buffer);
  },
  read: (fd, buffer) => readBuffer(fd, buffer),
  close: (fd) => {
    closeBuffer(fd);
    return true;
  },
};

/** An absolute local path for a file name or `file:` URL; `undefined` for any other URL scheme. */
export function toLocalPath(filename: string): string | undefined {
  if (filename.startsWith("file:")) return path.normalize(fileURLToPath(filename));
  if (/^[a-z][a-z0-9+.-]+:/i.test(filename)) return undefined;
  return path.resolve(filename);
}

/**
 * Runs `action` (a synchronous libxml2 call) while the provider serves `files` (absolute path → bytes);
 * every name libxml2 asks for and does not get is pushed to `refusedOut`.
 */
export function withServedFiles<T>(
  files: ReadonlyMap<string, Uint8Array>,
  refusedOut: string[],
  action: () => T,
): T {
  if (!registered) {
    if (!xmlRegisterInputProvider(provider)) {
      throw new Error("libxml2 refused the schema input provider (its callback table is full)");
    }
    registered = true;
  }
  served = files;
  refused = refusedOut;
  try {
    return action();
  } finally {
    served = new Map();
    refused = [];
  }
}
