/**
 * The browser adapter: what the core needs from a page or a (module) Web Worker, from the
 * globals both have, and nothing else.
 */
import { installPlatform, type Port } from "../../core/platform.js";

// The few host globals used here, declared locally: the project type-checks without the DOM lib.
declare const MessageChannel:
  | (new () => { port1: { onmessage: ((event: unknown) => void) | null }; port2: { postMessage(message: unknown): void } })
  | undefined;
declare const navigator: { hardwareConcurrency?: number } | undefined;
declare const performance: { now(): number };
declare const setTimeout: (fn: () => void, ms: number) => unknown;
declare const clearTimeout: (id: unknown) => void;
declare const self: { name?: string } | undefined;
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
declare const Worker: (new (url: URL, options: { type: "module"; name: string }) => WebWorker) | undefined;

/** The name of the Web Workers miou starts as domains: how such a thread knows what it is. */
export const DOMAIN_NAME = "miou domain ";
declare const console: { error(...data: unknown[]): void };

/**
 * A macrotask per batch, by a message to ourselves: unlike `setTimeout(fn, 0)`, a message is not
 * clamped to 4 ms once nested, so a busy domain that returns to the event loop every slice does
 * not idle. Like Node's `setImmediate`, the functions queued before the message was handled run
 * in its task, and those they queue wait for the next one, after timers and input had a turn.
 */
function messageLoop(): (fn: () => void) => void {
  if (typeof MessageChannel !== "function") return (fn) => void setTimeout(fn, 0);
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  let posted = false;
  const post = () => {
    posted = true;
    channel.port2.postMessage(null);
  };
  channel.port1.onmessage = () => {
    posted = false;
    const n = queue.length;
    let i = 0;
    try {
      while (i < n) {
        const fn = queue[i++]!;
        fn();
      }
    } finally {
      // A function that threw reaches the host's error reporting; the rest still run, next task.
      queue.splice(0, i);
      if (queue.length > 0 && !posted) post();
    }
  };
  return (fn) => {
    queue.push(fn);
    if (!posted) post();
  };
}

installPlatform({
  macrotask: messageLoop(),
  now: () => performance.now(),
  env: () => undefined,
  parallelism: () => {
    const n = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency;
    return typeof n === "number" && n > 0 ? n : 1;
  },
  report: (message, error) => {
    console.error(error === undefined ? message : `${message}:`, ...(error === undefined ? [] : [error]));
  },
  timer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
  domainThread: typeof self !== "undefined" && typeof self.name === "string" && self.name.startsWith(DOMAIN_NAME),
  startWorker: typeof Worker !== "function" ? undefined : startWorker,
});

/** A module Web Worker running `worker.js` (beside this build's files), told its domain by a first message. */
function startWorker(uid: number, data: unknown): Port {
  const worker = new Worker!(new URL("./worker.js", import.meta.url), { type: "module", name: `${DOMAIN_NAME}${uid}` });
  worker.postMessage(data);
  let listener: ((m: unknown) => void) | null = null;
  const early: unknown[] = [];
  worker.onmessage = (event) => (listener === null ? early.push(event.data) : listener(event.data));
  const exits: Array<(error: unknown) => void> = [];
  worker.onerror = (event) => console.error(`miou: worker domain ${uid}: ${event.message ?? "an uncaught error"}`);
  return {
    post: (m) => worker.postMessage(m),
    listen: (fn) => {
      listener = fn;
      for (const m of early.splice(0)) fn(m);
    },
    // A page's workers never keep anything alive: there is no process to hold open.
    ref: () => undefined,
    unref: () => undefined,
    terminate: () => {
      worker.terminate();
      for (const fn of exits.splice(0)) fn(undefined);
    },
    onExit: (fn) => void exits.push(fn),
  };
}
