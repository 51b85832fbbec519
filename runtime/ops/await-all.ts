/** ⏸ `await_all` (README, "Awaiting"). */
import { suspending } from "../core/context.js";
import { Op, PARK } from "../core/protocol.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { asTask, type Operation, type Promise, type Result } from "../types.js";
import { ensureChild } from "./ensure-child.js";
import { awaited } from "./result.js";

class AwaitAllOp extends Op implements Wait {
  private readonly results: Result<unknown>[] = [];
  constructor(readonly ps: readonly Task[]) {
    super();
  }
  get label(): string {
    return "await_all";
  }
  perform(task: Task): unknown {
    const { ps, results } = this;
    // In list order: an element that is not a child raises once the ones before it are awaited.
    while (results.length < ps.length) {
      const p = ps[results.length]!;
      ensureChild(task, p, "await_all");
      if (!p.done) {
        task.wait = this;
        return PARK;
      }
      detach(p);
      results.push(awaited(p));
    }
    return results;
  }
  childDone(task: Task, child: Task): void {
    if (child === this.ps[this.results.length]) task.domain.retry(task);
  }
}

/** ⏸ Awaits every child, in order, and returns their outcomes in the same order. */
export function await_all<T>(ps: Promise<T>[]): Operation<Result<T>[]> {
  suspending("await_all");
  if (!Array.isArray(ps)) throw new TypeError("Miou.await_all: expected an array of Miou promises");
  return new AwaitAllOp(ps.map((p) => asTask(p, "await_all"))) as Operation<Result<T>[]>;
}
