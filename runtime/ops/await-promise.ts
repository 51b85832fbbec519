/** ⏸ `await_promise`: a JavaScript promise seen from a task, built on the public suspension API. */
import { suspending } from "../core/context.js";
import type { Operation } from "../types.js";
import { suspend, syscall, wake } from "./syscall.js";

function* waiting<T>(p: PromiseLike<T>): Generator<unknown, T, unknown> {
  const s = yield* syscall("await_promise");
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  // Both handlers are attached before the task parks, so a rejection is never unhandled, even
  // when the task is cancelled and stops waiting.
  Promise.resolve(p).then(
    (value) => {
      outcome = { ok: true, value };
      wake(s);
    },
    (error: unknown) => {
      outcome = { ok: false, error };
      wake(s);
    },
  );
  yield* suspend(s);
  if (outcome!.ok) return outcome!.value;
  throw outcome!.error;
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
