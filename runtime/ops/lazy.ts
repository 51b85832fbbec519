/**
 * `Lazy` (README, "Mutex, Condition, Lazy"): a value computed once, by the first task that forces it, inside that
 * task; tasks forcing it meanwhile wait for the outcome, and every later force gets the same
 * value or the same error object.
 */
import { currentDomain, suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { WaitList } from "../core/wait-list.js";
import type { Task, Wait } from "../core/task.js";
import { isInstance, type Body, type Operation, type Returned } from "../types.js";
import { local } from "./local.js";
import { frame } from "./frame.js";

declare const LAZY: unique symbol;

/** A value computed on first use, by the domain that created it; see `from_fun()`. */
export interface Lazy<T> {
  readonly [LAZY]: () => T;
}

const UNFORCED = 0;
const FORCING = 1;
const VALUE = 2;
const ERROR = 3;

/**
 * Invariants: the state only moves forward (UNFORCED, FORCING, then VALUE or ERROR for good);
 * `forcer` is set only while FORCING, and only then may tasks wait in `waiters`; `outcome`
 * holds the value (VALUE) or the error (ERROR); `fn` is dropped once a task claims it.
 */
class LazyState {
  state: number;
  fn: Body<unknown> | null;
  forcer: Task | null = null;
  outcome: unknown;
  waiters = new WaitList<ForceOp>();

  constructor(
    readonly domain: DomainPort,
    fn: Body<unknown> | null,
    value: unknown,
  ) {
    this.state = fn === null ? VALUE : UNFORCED;
    this.fn = fn;
    this.outcome = value;
  }
}

/** What `ForceOp` resumes the task with when it is the one to compute. */
const CLAIMED: unique symbol = Symbol("miou.lazy.claimed") as never;

/** ⏸ `force`; while its task waits for another forcer, it is also the task's `Wait`. */
class ForceOp extends Op implements Wait {
  /** The task, once it waits. */
  task: Task | null = null;
  /** Links of the lazy value's wait list. */
  ahead: ForceOp | null = null;
  behind: ForceOp | null = null;

  constructor(readonly l: LazyState) {
    super();
  }
  get label(): string {
    return "Lazy.force";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const l = this.l;
    local(l, domain, this.label, "lazy value");
    switch (l.state) {
      case VALUE:
        return l.outcome;
      case ERROR:
        throw l.outcome;
      case UNFORCED:
        l.state = FORCING;
        l.forcer = task;
        return CLAIMED;
    }
    if (l.forcer === task)
      throw new RangeError(
        "Miou.Lazy.force: the current task is already forcing this lazy value (its function forces it again, " +
          "directly or not), which can never end; compute the inner value without forcing the outer one",
      );
    this.task = task;
    l.waiters.push(this);
    task.wait = this;
    return PARK;
  }
  /** Cancelled while waiting: the lazy value must not keep the dead task reachable. */
  teardown(): void {
    this.l.waiters.remove(this);
  }
}

/** Stores the outcome and has every waiter examine the lazy value again, at its next turn. */
function settle(l: LazyState, state: number, outcome: unknown): void {
  l.state = state;
  l.outcome = outcome;
  l.forcer = null;
  const waiters = l.waiters;
  l.waiters = new WaitList();
  for (let w = waiters.shift(); w !== undefined; w = waiters.shift()) l.domain.retry(w.task!);
}

function* forcing<T>(l: LazyState): Generator<unknown, T, unknown> {
  const r = yield new ForceOp(l);
  if (r !== CLAIMED) return r as T;
  const fn = l.fn!;
  l.fn = null;
  let value: T;
  try {
    value = (yield* frame(fn)) as T;
  } catch (e) {
    // Whatever ends the computation is its outcome, `Cancelled` included (as in Miou): the
    // waiters get it too, and no later force computes again.
    settle(l, ERROR, e);
    throw e;
  }
  settle(l, VALUE, value);
  return value;
}

/**
 * A lazy value that is already computed: `force` returns `v`. Local to the current domain.
 *
 * @example
 * ```ts
 * const l = Miou.Lazy.from_val(42);
 * const v = yield* Miou.Lazy.force(l); // 42
 * ```
 */
export function from_val<T>(v: T): Lazy<T> {
  return new LazyState(currentDomain("Lazy.from_val"), null, v) as unknown as Lazy<T>;
}

/**
 * A lazy value computed by `fn` (a plain or generator function) the first time a task forces
 * it. Local to the current domain.
 *
 * @example
 * ```ts
 * const config = Miou.Lazy.from_fun(function* () {
 *   return JSON.parse(yield* Miou.await_promise(fs.promises.readFile("config.json", "utf8")));
 * });
 * ```
 */
export function from_fun<F extends () => unknown>(fn: F): Lazy<Returned<F>> {
  const domain = currentDomain("Lazy.from_fun");
  if (typeof fn !== "function") throw new TypeError("Miou.Lazy.from_fun: expected a function (plain or generator)");
  return new LazyState(domain, fn, undefined) as unknown as Lazy<Returned<F>>;
}

/**
 * ⏸ The value of `l`: the first task to force it runs its function (which may suspend); tasks
 * forcing it meanwhile wait and get the same value, or the same error thrown. The outcome is
 * kept: later forces return or throw it again. A task whose function forces the lazy value it
 * is computing gets a `RangeError`. If the computing task is cancelled, the lazy value keeps
 * `Cancelled` as its error.
 *
 * @example
 * ```ts
 * const a = yield* Miou.async(function* () { return (yield* Miou.Lazy.force(config)).port; });
 * const b = yield* Miou.async(function* () { return (yield* Miou.Lazy.force(config)).host; });
 * // the file is read once
 * ```
 */
export function force<T>(l: Lazy<T>): Operation<T> {
  suspending("Lazy.force");
  if (!isInstance(l, LazyState)) throw new TypeError("Miou.Lazy.force: expected a lazy value made by Miou.Lazy.from_val or Miou.Lazy.from_fun");
  return forcing<T>(l);
}
