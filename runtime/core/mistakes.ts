/** The errors for mistakes in a program that the scheduler itself detects. */
import { describe } from "./errors.js";
import { COPY } from "./protocol.js";
import type { Task } from "./task.js";

/** `cause`: what inspecting `y` threw, when `y` refused inspection (a revoked Proxy, a throwing getter). */
export function badYield(y: unknown, cause?: unknown): TypeError {
  const what = y === null ? "null" : typeof y === "object" ? "an object that is not a Miou operation" : typeof y;
  return new TypeError(
    `a Miou task yielded ${what}. Tasks yield only Miou operations: in generator style write ` +
      "`yield* Miou.op(...)` (with the star), and call your own generator functions with `yield*` too.",
    cause === undefined ? undefined : { cause },
  );
}

export function foreignCopy(other: { readonly name: string }): TypeError {
  return new TypeError(
    `a Miou operation from another copy of miou (${other.name}) reached the scheduler of ${COPY.name}. ` +
      "Two copies of the package are installed: make every import resolve to one (npm dedupe, or one version everywhere).",
  );
}

/** On dom0 the message names the root task; on a worker (`worker`: its uid), the domain. */
export function deadlock(root: Task | null, worker?: number): Error {
  const place = worker !== undefined ? `Every task of worker domain ${worker} waits.` : `The root task is ${root === null ? "gone" : `task ${root.uid}`}.`;
  return new Error(
    "miou: deadlock: every task is waiting and nothing outside the run can wake one " + `(no suspended syscall, no pending promise). ${place}`,
  );
}

/**
 * What a user callback the scheduler calls (`events.select`, `trace`, `events.finaliser`) threw,
 * as the run's error: an object as it is; any other value wrapped in an `Error` that names the
 * callback (else the run would report it as the root task's failure).
 */
export function thrownBy(where: string, e: unknown): unknown {
  if (e !== null && (typeof e === "object" || typeof e === "function")) return e;
  return new Error(`Miou.run: ${where} threw a value that is not an error: ${describe(e)}`, { cause: e });
}

/** A `select` result that is not an array of signals (or a promise of one). */
export function badSelect(result: unknown, cause?: unknown): TypeError {
  return new TypeError(
    `Miou.run: events.select returned ${describe(result)}; it must return an array of the values ` +
      "Miou.signal(syscall) makes (or a promise of one): [] when no syscall may proceed",
    cause === undefined ? undefined : { cause },
  );
}
