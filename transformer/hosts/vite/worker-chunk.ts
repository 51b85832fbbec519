/**
 * miou bundled into an app by Vite's build. miou starts a worker domain from its entry beside
 * the runtime's own files (`new URL("./worker.js", import.meta.url)`); bundled, that file is not
 * there, and Vite's own worker bundling would give the worker a second copy of the runtime (its
 * own registry of portable functions, its own operations). Instead the entry becomes a chunk of
 * the same build, sharing the app's runtime chunk, and the runtime starts it by its final name.
 */
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

/** miou's own built files: this plugin's folder (dist/) and the browser build in it. */
const OWN = dirname(fileURLToPath(import.meta.url));
/** How miou's runtime starts a worker domain. */
const WORKER_URL = 'new URL("./worker.js", import.meta.url)';
/** Stands for the worker chunk's name until chunks have names (not a literal Vite would resolve). */
const MARK = "__MIOU_WORKER_";

interface Emitter {
  emitFile(file: { type: "chunk"; id: string; name: string }): string;
}

/** miou's runtime file with its worker entry emitted as a chunk, or null for any other file. */
export function emitWorkerChunk(context: Emitter, file: string, code: string): { code: string; map: null } | null {
  if (!dirname(file).startsWith(OWN) || !code.includes(WORKER_URL)) return null;
  const ref = context.emitFile({ type: "chunk", id: join(dirname(file), "worker.js"), name: "miou-worker" });
  return { code: code.replace(WORKER_URL, `new URL("./" + "${MARK}${ref}__", import.meta.url)`), map: null };
}

/** A rendered chunk with the worker chunk's name, relative to the chunk (whatever the `base`). */
export function nameWorkerChunk(getFileName: (ref: string) => string, code: string, chunkFile: string): { code: string; map: null } | null {
  if (!code.includes(MARK)) return null;
  const from = dirname(chunkFile);
  return { code: code.replace(new RegExp(`${MARK}(\\w+?)__`, "g"), (_, ref: string) => posix.relative(from, getFileName(ref))), map: null };
}
