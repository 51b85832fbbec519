/**
 * The compiled protocol, as `runtime/PROTOCOL.md` specifies it: what a task's generator may
 * yield besides frames (`frame.ts`): operation records, and immediate values. Call sites are
 * `sites.ts`.
 */
import type { DomainPort } from "./run.js";
import type { Task } from "./task.js";

/** Marks operation records. Versioned: a protocol change is a new symbol. */
export const OP: unique symbol = Symbol.for("miou.op.v1") as never;

/**
 * This copy of the runtime. An operation made by another installed copy of miou carries that
 * copy's identity instead, and the runtime refuses it with an error naming both.
 */
export const COPY: { readonly name: string } = { name: "miou" };

/** What `Op.perform` returns when the task must wait; whoever wakes it later resumes it. */
export const PARK: unique symbol = Symbol("miou.park") as never;

/**
 * An operation record: one ⏸ call, serviced by the runtime at the task's next turn.
 *
 * In generator style (`yield* op`) the op is its own iterator and its own iterator result:
 * `next()` returns the op itself, first as `{ value: op, done: false }`, then, resumed, as
 * `{ value: v, done: true }`. V8 hands the inner result of a `yield*` straight to the caller of
 * the outer `next()`, so a ⏸ call in generator style allocates the op and nothing else. This
 * holds because every reader (the runtime, `yield*`) reads `done` and `value` before the next
 * call to `next()`.
 */
export abstract class Op<T = unknown> implements Iterator<unknown, T, unknown> {
  declare [OP]: { readonly name: string };
  /** Completes without a scheduling point while a cancelled task unwinds (unlock, release, ...). */
  declare cleanup: boolean;
  /** Ends the step whatever quanta remain (`yield_`). */
  declare ends: boolean;
  /** The iterator result's fields: `value` is the op itself once yielded; `done` once resumed. */
  done = false;
  value: unknown = undefined;

  /** The name users know the operation by, for errors and traces. */
  abstract get label(): string;

  /**
   * Services the operation for `task` on `domain`: returns the value the task resumes with, or
   * `PARK` after arranging for the task to be woken. A throw is raised in the task.
   */
  abstract perform(task: Task, domain: DomainPort): unknown;

  [Symbol.iterator](): this {
    return this;
  }

  next(value?: unknown): IteratorResult<unknown, T> {
    if (this.value === this) {
      this.done = true;
      this.value = value;
    } else if (this.done) {
      // A second `yield*` of the same op would complete at once, silently, with no operation.
      throw new TypeError(
        `Miou.${this.label}: this operation was already performed; each call makes one operation, for one \`yield*\`: ` +
          "call the function again instead of keeping its result",
      );
    } else {
      this.value = this;
    }
    return this as IteratorResult<unknown, T>;
  }

  throw(error?: unknown): IteratorResult<unknown, T> {
    throw error;
  }

  return(value?: unknown): IteratorResult<unknown, T> {
    this.done = true;
    this.value = value;
    return this as IteratorResult<unknown, T>;
  }
}
Op.prototype[OP] = COPY;
Op.prototype.cleanup = false;
Op.prototype.ends = false;

/**
 * An immediate value (PROTOCOL.md §2): the frame is resumed with it at once, with no scheduling
 * point. `maybe` hands one back for a call that turned out not to suspend. Not an `Op`, so the
 * check for it stays off the path every operation takes.
 */
export class Now {
  constructor(readonly value: unknown) {}
}

/** Is `value` an operation record of some copy of miou, and is it ours? */
export function opCopy(value: unknown): { readonly name: string } | undefined {
  if (value === null || typeof value !== "object") return undefined;
  return (value as { [OP]?: { readonly name: string } })[OP];
}
