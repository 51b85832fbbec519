/** ⏸ `cancel` (semantics §7). */
import { suspending } from "../core/context.js";
import type { Domain } from "../core/domain.js";
import { Op } from "../core/protocol.js";
import { detach, type Task } from "../core/task.js";
import { asTask, type Operation, type Promise } from "../types.js";
import { ensureChild } from "./await.js";

class CancelOp extends Op<void> {
  constructor(readonly p: Task) {
    super();
  }
  get label(): string {
    return "cancel";
  }
  perform(task: Task, domain: Domain): unknown {
    const p = this.p;
    ensureChild(task, p, "cancel");
    if (p.done) {
      p.cancelledOverride = true;
      detach(p);
    } else {
      domain.cancelTree(p);
    }
    return undefined;
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
