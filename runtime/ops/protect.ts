/** ⏸ `protect` (README, "Cancelling"): a body with handlers for its end and for its cancellation. */
import { suspending } from "../core/context.js";
import { isCancelled, wrapped } from "../core/errors.js";
import type { Body, Operation, Returned } from "../types.js";
import { frame } from "./frame.js";

export interface ProtectHandlers {
  /** Runs after `finally` when the body was cancelled; it must not suspend. */
  on_cancellation: () => void;
  /** Runs when the body ends, however it ends; `cancelled` says whether by cancellation. */
  finally: (cancelled: boolean) => void;
}

function* protecting<T>(fn: Body<T>, h: ProtectHandlers): Generator<unknown, T, unknown> {
  let value: T;
  try {
    value = yield* frame(fn);
  } catch (e) {
    const cancelled = isCancelled(e); // never throws: the handlers run whatever `e` is
    runFinally(h, cancelled);
    if (cancelled) {
      try {
        h.on_cancellation();
      } catch (x) {
        throw wrapped("Miou.protect: on_cancellation", x);
      }
    }
    throw e;
  }
  runFinally(h, false);
  return value;
}

function runFinally(h: ProtectHandlers, cancelled: boolean): void {
  try {
    h.finally(cancelled);
  } catch (x) {
    throw wrapped("Miou.protect: finally", x);
  }
}

/**
 * ⏸ Runs `fn`, then `finally(cancelled)` however it ends; when `fn` was cancelled,
 * `on_cancellation()` runs too and `Cancelled` is raised again. An error from a handler is
 * raised as an `Error` whose `cause` is the original.
 */
export function protect<F extends () => unknown>(fn: F, handlers: ProtectHandlers): Operation<Returned<F>> {
  suspending("protect");
  if (typeof fn !== "function") throw new TypeError("Miou.protect: expected a function (plain or generator)");
  if (typeof handlers?.finally !== "function" || typeof handlers.on_cancellation !== "function")
    throw new TypeError("Miou.protect: handlers must be { on_cancellation: () => void, finally: (cancelled) => void }");
  return protecting(fn as Body<Returned<F>>, handlers);
}
