/**
 * The browser adapter: what the core needs from a page or a (module) Web Worker, from the
 * globals both have, and nothing else.
 */
import { installPlatform } from "../../core/platform.js";

// The few host globals used here, declared locally: the project type-checks without the DOM lib.
declare const MessageChannel:
  | (new () => { port1: { onmessage: ((event: unknown) => void) | null }; port2: { postMessage(message: unknown): void } })
  | undefined;
declare const navigator: { hardwareConcurrency?: number } | undefined;
declare const performance: { now(): number };
declare const setTimeout: (fn: () => void, ms: number) => unknown;
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
});
