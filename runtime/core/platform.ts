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
  /** Calls `fn` once after `ms` milliseconds, without keeping the process alive; returns a cancel. */
  timer(ms: number, fn: () => void): () => void;
  /** This thread was started by miou as a worker domain: `run` starts nothing here. */
  domainThread: boolean;
  /** Starts the thread of worker domain `uid`; absent where the host has no threads. */
  startWorker?(uid: number, data: unknown): Port;
}

/** The thread of a worker domain, as the thread that started it sees it (or its own side). */
export interface Port {
  post(message: unknown): void;
  listen(receive: (message: unknown) => void): void;
  /** The thread keeps the process alive (while a run uses it) or not (while idle). */
  ref(): void;
  unref(): void;
  terminate(): void;
  /** Called once if the thread stops (crash or `terminate`). */
  onExit(fn: (error: unknown) => void): void;
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
  timer: missing,
  domainThread: false,
};

export function installPlatform(p: Platform): void {
  Object.assign(platform, p);
}
