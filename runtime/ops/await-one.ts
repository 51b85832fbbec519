/** ⏸ `await_one` and `await_first` (README, "Awaiting"). */
import { suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { asTask, type Operation, type Promise, type Result } from "../types.js";
import { ensureChild } from "./ensure-child.js";
import { computed, pick } from "./result.js";

class AwaitOneOp extends Op implements Wait {
  /** `await_first`'s pick, while losers on other domains are still being torn down. */
  private winner: Task | null = null;
  constructor(
    readonly ps: readonly Task[],
    readonly first: boolean,
  ) {
    super();
  }
  get label(): string {
    return this.first ? "await_first" : "await_one";
  }
  perform(task: Task, domain: DomainPort): unknown {
    let winner = this.winner;
    if (winner === null) {
      for (const p of this.ps) ensureChild(task, p, this.label);
      const settled = this.ps.filter((p) => p.done);
      if (settled.length === 0) {
        task.wait = this;
        return PARK;
      }
      winner = pick(settled, domain.random);
      if (this.first) {
        // Losers are cancelled: those still running are torn down, the settled ones dropped.
        for (const p of this.ps) if (p !== winner && !p.done) domain.cancelTree(p);
        for (const p of this.ps) if (p !== winner && p.done) detach(p);
      }
    }
    // Losers on other domains leave once their domain has torn them down.
    if (this.first && this.ps.some((p) => p !== winner && !p.done)) {
      this.winner = winner;
      task.wait = this;
      return PARK;
    }
    detach(winner);
    return computed(winner);
  }
  childDone(task: Task, child: Task): void {
    if (this.ps.includes(child)) task.domain.retry(task);
  }
}

function promises(ps: readonly Promise<unknown>[], fn: string): Task[] {
  if (!Array.isArray(ps)) throw new TypeError(`Miou.${fn}: expected an array of Miou promises`);
  if (ps.length === 0) throw new RangeError(`Miou.${fn}: the array of promises is empty; give it at least one`);
  return ps.map((p) => asTask(p, fn));
}

/**
 * ⏸ Waits until one of the children settles and returns its outcome; a random one among those
 * already settled, preferring values over errors. The others are untouched: still owed an await
 * or a cancel.
 */
export function await_one<T>(ps: Promise<T>[]): Operation<Result<T>> {
  suspending("await_one");
  return new AwaitOneOp(promises(ps, "await_one"), false) as Operation<Result<T>>;
}

/**
 * ⏸ Like `await_one`, then cancels every other child listed: afterwards none of them is owed
 * anything.
 *
 * @example
 * ```ts
 * const a = yield* Miou.async(() => 1);
 * const b = yield* Miou.async(() => 2);
 * const r = yield* Miou.await_first([a, b]); // { ok: true, value: 1 } or 2, by the seed
 * ```
 */
export function await_first<T>(ps: Promise<T>[]): Operation<Result<T>> {
  suspending("await_first");
  return new AwaitOneOp(promises(ps, "await_first"), true) as Operation<Result<T>>;
}
