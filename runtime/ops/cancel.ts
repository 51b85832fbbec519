/** ⏸ `cancel` (rule 4 in RULES.md; README, "Cancelling"). */
import { suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { asTask, type Operation, type Promise } from "../types.js";
import { ensureChild } from "./ensure-child.js";

class CancelOp extends Op<void> implements Wait {
  constructor(readonly p: Task) {
    super();
  }
  get label(): string {
    return "cancel";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const p = this.p;
    ensureChild(task, p, "cancel");
    if (p.done) {
      p.cancelledOverride = true;
      detach(p);
      return undefined;
    }
    domain.cancelTree(p);
    if (p.done) return undefined;
    // Part of the subtree runs on other domains: wait until they say it is torn down.
    task.wait = this;
    return PARK;
  }
  childDone(task: Task, child: Task): void {
    if (child === this.p) task.domain.wake(task, undefined);
  }
}

/**
 * ⏸ Cancels a child and its whole subtree, and returns once all of it is torn down (their
 * `finally` blocks and finalisers have run). Afterwards the child is owed nothing; awaiting it
 * gives `Cancelled`, even if it had already returned.
 */
export function cancel(p: Promise<unknown>): Operation<void> {
  suspending("cancel");
  return new CancelOp(asTask(p, "cancel"));
}
