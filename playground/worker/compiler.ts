/**
 * The compiler's Web Worker: TypeScript 6, the transformer and the compile API, loaded apart from
 * the page so the editor is usable before they arrive. It answers the page's requests one at a
 * time, in order: `{ id, name, request }` in, `{ id, answer }` or `{ id, error }` out; and once,
 * `{ ready: true }` when TypeScript and the declaration files are loaded (or `{ ready: false, error }`).
 */
import { memoryFileSystem, type CompileFileSystem } from "../../transformer/hosts/compile/compile.js";
import { LAYOUT } from "./layout.js";
import { compileProgram } from "./compile-program.js";
import { createProgramService, type ProgramService } from "./language-service.js";
import type { CompilerRequests, Request, RequestName } from "./protocol.js";

declare const self: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void; location: { href: string } };

let ready: Promise<{ fs: CompileFileSystem; service: ProgramService }> | undefined;

function load() {
  return (ready ??= fetch(new URL("./libs.json", self.location.href)).then(async (r) => {
    if (!r.ok) throw new Error(`the playground's declaration files (libs.json) did not load: HTTP ${r.status}`);
    const fs = memoryFileSystem((await r.json()) as Record<string, string>, LAYOUT.lib);
    return { fs, service: createProgramService(fs) };
  }));
}

const handlers: { [K in RequestName]: (env: { fs: CompileFileSystem; service: ProgramService }, r: Request<K>) => CompilerRequests[K]["answer"] } = {
  compile: ({ fs }, r) => compileProgram(fs, r.text, r.imports),
  check: ({ service }, r) => service.check(r.text),
  complete: ({ service }, r) => service.complete(r.text, r.pos),
  hover: ({ service }, r) => service.hover(r.text, r.pos),
  details: ({ service }, r) => service.details(r.text, r.pos, r.name),
};

self.onmessage = async (e) => {
  const { id, name, request } = e.data as { id: number; name: RequestName; request: never };
  try {
    const env = await load();
    self.postMessage({ id, answer: handlers[name](env, request) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
};
// The page says "loading TypeScript…" until this arrives.
void load().then(
  () => self.postMessage({ ready: true }),
  (error: unknown) => self.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) }),
);
