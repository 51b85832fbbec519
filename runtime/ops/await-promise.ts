/** ⏸ `await_promise`: a JavaScript promise seen from a task, built on the public suspension API. */
import { suspending } from "../core/context.js";
import type { Operation } from "../types.js";
import { suspend, syscall, wake, type Syscall } from "./syscall.js";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The tasks waiting on one JavaScript promise, and its outcome once it settles. */
interface Waiters {
  readonly syscalls: Set<Syscall>;
  outcome: Outcome | undefined;
}

/**
 * One pair of handlers per promise, however many tasks wait on it: a handler attached per wait
 * would stay on a promise that never settles (a shutdown signal awaited with timeouts) for as
 * long as the promise lives, with the cancelled task it reaches. Settled, a promise leaves the map.
 */
const waiters = new WeakMap<object, Waiters>();

function waitersOf(p: PromiseLike<unknown>): Waiters {
  const known = waiters.get(p);
  if (known !== undefined) return known;
  const entry: Waiters = { syscalls: new Set(), outcome: undefined };
  waiters.set(p, entry);
  const settle = (outcome: Outcome): void => {
    entry.outcome = outcome;
    if (waiters.get(p) === entry) waiters.delete(p);
    for (const s of entry.syscalls) wake(s);
    entry.syscalls.clear();
  };
  // Both handlers are attached before any task parks, so a rejection is never unhandled, even
  // when every task waiting on it is cancelled.
  Promise.resolve(p).then(
    (value) => settle({ ok: true, value }),
    (error: unknown) => settle({ ok: false, error }),
  );
  return entry;
}

function* waiting<T>(p: PromiseLike<T>): Generator<unknown, T, unknown> {
  const s = yield* syscall("await_promise");
  const w = waitersOf(p);
  w.syscalls.add(s);
  try {
    yield* suspend(s);
  } finally {
    w.syscalls.delete(s); // cancelled: the promise keeps nothing of this task
  }
  const outcome = w.outcome!;
  if (outcome.ok) return outcome.value as T;
  throw outcome.error;
}

/**
 * ⏸ Parks the task until a JavaScript promise settles, and returns its value or throws its
 * rejection. A cancelled task stops waiting at once.
 *
 * @example
 * ```ts
 * const text = yield* Miou.await_promise(fs.promises.readFile("a.txt", "utf8"));
 * ```
 */
export function await_promise<T>(p: PromiseLike<T>): Operation<T> {
  suspending("await_promise");
  if (p === null || (typeof p !== "object" && typeof p !== "function") || typeof p.then !== "function")
    throw new TypeError("Miou.await_promise: expected a promise (an object with a `then` method)");
  return waiting(p);
}
