/** ⏸ `yield_` (README, "Scheduling"). */
import { suspending } from "../core/context.js";
import { Op } from "../core/protocol.js";
import type { Operation } from "../types.js";

class YieldOp extends Op<void> {
  get label(): string {
    return "yield_";
  }
  perform(): unknown {
    return undefined;
  }
}
YieldOp.prototype.ends = true;

/**
 * ⏸ Goes to the back of the domain's queue: every task that was waiting longer runs first.
 * A scheduling point and a cancellation point, and nothing else.
 */
export function yield_(): Operation<void> {
  suspending("yield_");
  return new YieldOp();
}
