/** ⏸ `await_` and `await_exn` (README, "Awaiting"; rules 1 and 2 in RULES.md). */
import { suspending } from "../core/context.js";
import { Op, PARK } from "../core/protocol.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { asTask, type Operation, type Promise, type Result } from "../types.js";
import { ensureChild } from "./ensure-child.js";
import { awaited, awaitedValue } from "./result.js";

class AwaitOp extends Op implements Wait {
  constructor(
    readonly p: Task,
    readonly exn: boolean,
  ) {
    super();
  }
  get label(): string {
    return this.exn ? "await_exn" : "await_";
  }
  perform(task: Task): unknown {
    const p = this.p;
    ensureChild(task, p, this.label);
    if (!p.done) {
      task.wait = this;
      return PARK;
    }
    detach(p);
    return this.exn ? awaitedValue(p) : awaited(p);
  }
  childDone(task: Task, child: Task): void {
    if (child === this.p) task.domain.retry(task);
  }
}

/**
 * ⏸ Waits for a child and returns its outcome as a `Result`; the child is then no longer owed
 * an await. A child cancelled with `cancel` reads as `{ ok: false, error: Cancelled }`.
 */
export function await_<T>(p: Promise<T>): Operation<Result<T>> {
  suspending("await_");
  return new AwaitOp(asTask(p, "await_"), false) as Operation<Result<T>>;
}

/** ⏸ Waits for a child and returns its value, or throws the error it failed with. */
export function await_exn<T>(p: Promise<T>): Operation<T> {
  suspending("await_exn");
  return new AwaitOp(asTask(p, "await_exn"), true) as Operation<T>;
}
