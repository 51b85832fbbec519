/** The errors for mistakes in a program that the scheduler itself detects. */
import { COPY } from "./protocol.js";
import type { Task } from "./task.js";

export function badYield(y: unknown): TypeError {
  const what = y === null ? "null" : typeof y === "object" ? "an object that is not a Miou operation" : typeof y;
  return new TypeError(
    `a Miou task yielded ${what}. Tasks yield only Miou operations: in generator style write ` +
      "`yield* Miou.op(...)` (with the star), and call your own generator functions with `yield*` too.",
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
