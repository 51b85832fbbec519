/**
 * The page's side of the compiler's worker: one worker for the page's life, started at once so
 * TypeScript loads while the user reads; each request a promise of its answer.
 */
import type { Answer, Request, RequestName } from "../worker/protocol.js";

export interface CompilerClient {
  ask<K extends RequestName>(name: K, request: Request<K>): Promise<Answer<K>>;
}

/** Starts the compiler's worker; `onReady` hears once whether it loaded (an error says why not). */
export function startCompiler(onReady: (error?: string) => void = () => undefined): CompilerClient {
  const worker = new Worker(new URL("./compiler.js", import.meta.url), { type: "module", name: "miou compiler" });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<{ id: number; answer?: unknown; error?: string; ready?: boolean }>) => {
    if (e.data.ready !== undefined) return onReady(e.data.ready ? undefined : e.data.error);
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (e.data.error !== undefined) w?.reject(new Error(e.data.error));
    else w?.resolve(e.data.answer);
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(`the compiler's worker failed: ${e.message}`));
    waiting.clear();
  };
  return {
    ask(name, request) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, name, request });
      });
    },
  };
}
