/**
 * `Condition` (README, "Mutex, Condition, Lazy"): tasks wait, holding a mutex, until another task signals that
 * something changed. A signalled waiter moves straight to the mutex's queue and is woken only
 * once it holds the mutex again, so `wait` costs one scheduling point plus the wait.
 */
import { ctx, currentDomain, suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { PARK } from "../core/protocol.js";
import { WaitList } from "../core/wait-list.js";
import type { Task } from "../core/task.js";
import { isInstance, type Operation } from "../types.js";
import { local } from "./local.js";
import { LockOp, acquire, asMutex, checkOwner, release, type Mutex, type MutexState } from "./mutex.js";

declare const CONDITION: unique symbol;

/** A condition variable for the tasks of the domain that created it; see `create()`. */
export interface Condition {
  readonly [CONDITION]: true;
}

/** Invariant: every waiter's task is parked on it and has not been signalled yet. */
class ConditionState {
  readonly waiters = new WaitList<LockOp>();
  constructor(readonly domain: DomainPort) {}
}

/**
 * ⏸ `wait`. It is the task's `Wait` in both phases: waiting for a signal (`signalled` false,
 * queued on the condition), then waiting for the mutex (queued on the mutex, as a lock is).
 */
class WaitOp extends LockOp {
  /** `signal` or `broadcast` took it off the condition's queue. */
  signalled = false;
  /** By `signal`: a task that dies before using it owes the signal to the next waiter. */
  single = false;

  constructor(
    readonly c: ConditionState,
    m: MutexState,
  ) {
    super(m);
  }
  override get label(): string {
    return "Condition.wait";
  }
  override perform(task: Task, domain: DomainPort): unknown {
    local(this.c, domain, this.label, "condition");
    local(this.m, domain, this.label, "mutex");
    checkOwner(this.m, task, this.label);
    this.task = task;
    this.c.waiters.push(this);
    release(this.m);
    task.wait = this;
    return PARK;
  }
  /**
   * Cancelled while it waited. Not signalled yet: it leaves the condition's queue. Signalled:
   * it leaves the mutex's queue or passes the mutex on (`LockOp.teardown`), and a signal meant
   * for it alone goes to the next waiter.
   */
  override teardown(): void {
    if (!this.signalled) {
      this.c.waiters.remove(this);
      return;
    }
    super.teardown();
    this.forward();
  }
  private forward(): void {
    if (this.single) signalFirst(this.c);
  }
}

function wakeUp(w: WaitOp): void {
  w.signalled = true;
  acquire(w.m, w);
}

function signalFirst(c: ConditionState): void {
  const w = c.waiters.shift() as WaitOp | undefined;
  if (w === undefined) return;
  w.single = true;
  wakeUp(w);
}

/**
 * Checks the handle and, when a domain is running, that it is the condition's. A JavaScript
 * callback (no domain running) runs on the condition's own thread: domains share no heap.
 */
function asCondition(c: unknown, fn: string): ConditionState {
  if (!isInstance(c, ConditionState)) throw new TypeError(`Miou.${fn}: expected a condition made by Miou.Condition.create()`);
  if (ctx.domain !== null) local(c, ctx.domain, fn, "condition");
  return c;
}

/**
 * Makes a condition, local to the current domain: only tasks of this domain may use it.
 *
 * @example
 * ```ts
 * const m = Miou.Mutex.create();
 * const nonEmpty = Miou.Condition.create();
 * ```
 */
export function create(): Condition {
  return new ConditionState(currentDomain("Condition.create")) as unknown as Condition;
}

/**
 * ⏸ Unlocks `m`, which the current task must hold (else a `RangeError`), waits for a
 * `signal` or `broadcast` of `c`, and locks `m` again before returning. Waiters are woken in
 * the order they came. A wake-up does not promise that what you wait for is true: check it
 * again, in a loop.
 *
 * If the task is cancelled while it waits, it leaves the queue, a signal it had already taken
 * goes to the next waiter, and `Cancelled` reaches it *without* `m` held. `Mutex.protect`
 * copes with that; a hand-written `finally` that unlocks `m` must check it holds it.
 *
 * @example
 * ```ts
 * yield* Miou.Mutex.protect(m, function* () {
 *   while (queue.length === 0) yield* Miou.Condition.wait(nonEmpty, m);
 *   return queue.shift();
 * });
 * ```
 */
export function wait(c: Condition, m: Mutex): Operation<void> {
  suspending("Condition.wait");
  if (!isInstance(c, ConditionState)) throw new TypeError("Miou.Condition.wait: expected a condition made by Miou.Condition.create()");
  return new WaitOp(c, asMutex(m, "Condition.wait"));
}

/**
 * Wakes the task that has waited longest on `c`, if any; a signal with no waiter is lost. Not
 * a suspension point: call it from any code of the domain, a plain function or the `finally`
 * block of a cancelled task included.
 *
 * @example
 * ```ts
 * yield* Miou.Mutex.protect(m, () => {
 *   queue.push(item);
 *   Miou.Condition.signal(nonEmpty);
 * });
 * ```
 */
export function signal(c: Condition): void {
  signalFirst(asCondition(c, "Condition.signal"));
}

/**
 * Wakes every task waiting on `c`, in the order they came; each returns from `wait` once it
 * holds the mutex in turn. Not a suspension point, like `signal`.
 *
 * @example
 * ```ts
 * yield* Miou.Mutex.protect(m, () => {
 *   closed = true;
 *   Miou.Condition.broadcast(nonEmpty); // every consumer re-checks and sees `closed`
 * });
 * ```
 */
export function broadcast(c: Condition): void {
  const s = asCondition(c, "Condition.broadcast");
  for (let w = s.waiters.shift(); w !== undefined; w = s.waiters.shift()) wakeUp(w as WaitOp);
}
