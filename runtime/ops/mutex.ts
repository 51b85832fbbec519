/**
 * `Mutex` (README, "Mutex, Condition, Lazy"): a lock for the tasks of one domain. Unlocking hands the mutex
 * straight to the task that has waited longest (FIFO, no barging): while a task waits, the
 * mutex is never free, so no newcomer can overtake it.
 */
import { currentDomain, suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { WaitList } from "../core/wait-list.js";
import type { Task, Wait } from "../core/task.js";
import { isInstance, type Body, type Operation, type Returned } from "../types.js";
import { frame } from "./frame.js";
import { local } from "./local.js";

declare const MUTEX: unique symbol;

/** A mutual-exclusion lock for the tasks of the domain that created it; see `create()`. */
export interface Mutex {
  readonly [MUTEX]: true;
}

/**
 * Invariants: `owner` is null only while `waiters` is empty; every waiter's task is parked on
 * it (a cancelled waiter leaves the queue in `teardown`); the domain never changes.
 */
export class MutexState {
  owner: Task | null = null;
  readonly waiters = new WaitList<LockOp>();
  constructor(readonly domain: DomainPort) {}
}

export function asMutex(m: unknown, fn: string): MutexState {
  if (!isInstance(m, MutexState)) throw new TypeError(`Miou.${fn}: expected a mutex made by Miou.Mutex.create()`);
  return m;
}

/** Throws unless `task` holds `m`: what unlocking (and `Condition.wait`) requires. */
export function checkOwner(m: MutexState, task: Task, fn: string): void {
  const owner = m.owner;
  if (owner === null) throw new RangeError(`Miou.${fn}: the mutex is not locked; lock it first with Miou.Mutex.lock`);
  if (owner !== task)
    throw new RangeError(
      `Miou.${fn}: the mutex is held by task ${owner.uid}, not by the current task ${task.uid}; ` +
        "only the task holding a mutex may release it",
    );
}

/** Gives `m` to `w`'s parked task and wakes it. `w` stays `granted` until the task resumes. */
function grant(m: MutexState, w: LockOp): void {
  m.owner = w.task;
  w.granted = true;
  m.domain.wake(w.task!, undefined);
}

/** The owner lets go: the first waiter gets the mutex at once, or it becomes free. */
export function release(m: MutexState): void {
  const next = m.waiters.shift();
  if (next === undefined) m.owner = null;
  else grant(m, next);
}

/** `w`'s parked task takes `m` if it is free, else joins the queue; it is woken holding it. */
export function acquire(m: MutexState, w: LockOp): void {
  if (m.owner === null) grant(m, w);
  else m.waiters.push(w);
}

/** ⏸ `lock`; while its task waits in the queue, it is also the task's `Wait`. */
export class LockOp extends Op<void> implements Wait {
  /** The task, once it waits. */
  task: Task | null = null;
  /** The mutex was handed to `task`, which has not resumed yet. */
  granted = false;
  /** Links of the wait list it is in (the mutex's, or a condition's). */
  ahead: LockOp | null = null;
  behind: LockOp | null = null;

  constructor(readonly m: MutexState) {
    super();
  }
  get label(): string {
    return "Mutex.lock";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const m = this.m;
    local(m, domain, this.label, "mutex");
    if (m.owner === null) {
      m.owner = task;
      return undefined;
    }
    if (m.owner === task)
      throw new RangeError("Miou.Mutex.lock: the current task already holds this mutex, and a mutex is not re-entrant; unlock it before locking it again");
    this.task = task;
    m.waiters.push(this);
    task.wait = this;
    return PARK;
  }
  /**
   * Cancelled while it waited. Still queued: it leaves the queue, so no unlock hands the mutex
   * to a dead task. Already handed the mutex (woken, not resumed): the task will never use it,
   * so it passes it on, or the mutex would stay locked forever.
   */
  teardown(): void {
    if (!this.granted) {
      this.m.waiters.remove(this);
      return;
    }
    this.granted = false;
    release(this.m);
  }
}

class UnlockOp extends Op<void> {
  constructor(readonly m: MutexState) {
    super();
  }
  get label(): string {
    return "Mutex.unlock";
  }
  perform(task: Task, domain: DomainPort): unknown {
    local(this.m, domain, this.label, "mutex");
    checkOwner(this.m, task, this.label);
    release(this.m);
    return undefined;
  }
}
// Cleanup code of a cancelled task must be able to unlock: no scheduling point while unwinding.
UnlockOp.prototype.cleanup = true;

class TryLockOp extends Op<boolean> {
  constructor(readonly m: MutexState) {
    super();
  }
  get label(): string {
    return "Mutex.try_lock";
  }
  perform(task: Task, domain: DomainPort): unknown {
    local(this.m, domain, this.label, "mutex");
    if (this.m.owner !== null) return false;
    this.m.owner = task;
    return true;
  }
}

/**
 * Makes a mutex, free, local to the current domain: only tasks of this domain may use it.
 *
 * @example
 * ```ts
 * const m = Miou.Mutex.create();
 * yield* Miou.Mutex.protect(m, function* () {
 *   // one task at a time in here
 * });
 * ```
 */
export function create(): Mutex {
  return new MutexState(currentDomain("Mutex.create")) as unknown as Mutex;
}

/**
 * ⏸ Locks `m`, waiting while another task holds it. Waiters get it in the order they came; a
 * waiter cancelled meanwhile leaves the queue. The mutex is not re-entrant: locking it again
 * from the task that holds it throws a `RangeError`.
 *
 * @example
 * ```ts
 * yield* Miou.Mutex.lock(m);
 * try {
 *   counter += 1;
 * } finally {
 *   yield* Miou.Mutex.unlock(m);
 * }
 * ```
 */
export function lock(m: Mutex): Operation<void> {
  suspending("Mutex.lock");
  return new LockOp(asMutex(m, "Mutex.lock"));
}

/**
 * ⏸ Unlocks `m`, which the current task must hold (else a `RangeError`). The longest waiter,
 * if any, gets it at once. While a cancelled task unwinds it completes without a scheduling
 * point, so a `finally` block can unlock.
 *
 * @example
 * ```ts
 * yield* Miou.Mutex.lock(m);
 * try {
 *   yield* work();
 * } finally {
 *   yield* Miou.Mutex.unlock(m); // also runs if the task is cancelled in work()
 * }
 * ```
 */
export function unlock(m: Mutex): Operation<void> {
  suspending("Mutex.unlock");
  return new UnlockOp(asMutex(m, "Mutex.unlock"));
}

/**
 * ⏸ Locks `m` and returns `true` if it is free; returns `false` at once if any task, the
 * current one included, holds it.
 *
 * @example
 * ```ts
 * if (yield* Miou.Mutex.try_lock(m)) {
 *   try { flush(); } finally { yield* Miou.Mutex.unlock(m); }
 * }
 * ```
 */
export function try_lock(m: Mutex): Operation<boolean> {
  suspending("Mutex.try_lock");
  return new TryLockOp(asMutex(m, "Mutex.try_lock"));
}

function* protecting<T>(m: MutexState, task: Task, fn: Body<T>): Generator<unknown, T, unknown> {
  yield* new LockOp(m);
  let value: T;
  try {
    value = yield* frame(fn);
  } catch (e) {
    // No scheduling point here, so this works while a cancelled task unwinds. `fn` may have
    // let the mutex go already (a cancelled `Condition.wait`): then there is nothing to undo.
    if (m.owner === task) release(m);
    throw e;
  }
  if (m.owner !== task)
    throw new RangeError("Miou.Mutex.protect: the function released the mutex itself; let Mutex.protect unlock it, or use lock and unlock instead");
  release(m);
  return value;
}

/**
 * ⏸ Locks `m`, runs `fn` (a plain or generator function) and unlocks `m` however `fn` ends:
 * by returning, by throwing, or because the task is cancelled. Returns what `fn` returns.
 *
 * @example
 * ```ts
 * const n = yield* Miou.Mutex.protect(m, function* () {
 *   const v = yield* read();
 *   yield* write(v + 1);
 *   return v + 1;
 * });
 * ```
 */
export function protect<F extends () => unknown>(m: Mutex, fn: F): Operation<Returned<F>> {
  const task = suspending("Mutex.protect");
  const state = asMutex(m, "Mutex.protect");
  if (typeof fn !== "function") throw new TypeError("Miou.Mutex.protect: expected a function (plain or generator)");
  return protecting(state, task, fn as Body<Returned<F>>);
}
