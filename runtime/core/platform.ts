/**
 * What the core needs from its host, given to it by `runtime/platform/*`. The core itself uses
 * only ECMAScript built-ins, so it runs unchanged in Node, browsers and workers.
 */
export interface Platform {
  /** Runs `fn` in a later macrotask, after pending I/O and timers get their turn. */
  macrotask(fn: () => void): void;
  /** Milliseconds from a monotonic clock. */
  now(): number;
  /** An environment variable (`MIOU_DOMAINS`, `MIOU_QUANTA`), if the host has any. */
  env(name: string): string | undefined;
  /** How many threads can run at once here. */
  parallelism(): number;
  /** Reports an error the runtime swallowed (a failing hook or finaliser). */
  report(message: string, error: unknown): void;
}

const missing = (): never => {
  throw new Error("miou: no platform installed; import miou from its package entry points");
};

export const platform: Platform = {
  macrotask: missing,
  now: missing,
  env: () => undefined,
  parallelism: () => 1,
  report: () => undefined,
};

export function installPlatform(p: Platform): void {
  Object.assign(platform, p);
}
