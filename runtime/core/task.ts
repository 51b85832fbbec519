/**
 * A task and its promise are one object: the handle users get from `async` is the task
 * record itself, typed as an opaque `Promise<T>`. Kept small on purpose (a parked task is
 * budgeted at 500 bytes all in): children are an intrusive list, the running state lives in a
 * `Fiber` that exists only while the task has frames, and the rarely used fields start `null`.
 */
import type { Frame } from "./frame.js";
import type { Resource } from "./resource.js";

/** `Task.state`: the outcome as users see it (`Promise.state`). */
export const RUNNING = 0;
export const RETURNED = 1;
export const FAILED = 2;

/** How a frame is resumed: with a value, or with an error thrown in. */
export const NEXT = 0;
export const THROW = 1;

// `Task.phase`: where the task is in its lifecycle. `lifecycle.ts` has the table of every
// transition; the order matters (`step` skips anything past WOKEN, `done` is ABORTED and up).
/** Spawned: its body has not run; it is in the run queue. */
export const SPAWNED = 0;
/** It has frames and an operation to service: it is in the run queue (after `retry`, with its `wait` kept until it resumes). */
export const READY = 1;
/** What it waited on answered: it is in the run queue, and keeps its `wait` until it resumes. */
export const WOKEN = 2;
/** Its domain is stepping it (it is `ctx.task`). */
export const STEPPING = 3;
/** It waits on `fiber.wait`, in no queue. */
export const PARKED = 4;
/** A stand-in whose task runs on another domain (`runtime/domains/`). */
export const AWAY = 5;
/** Cancelled: its frames run with `Cancelled` thrown in; ⏸ calls raise `Cancelled` at once. */
export const UNWINDING = 6;
/** Its code failed; children on other domains are still being torn down: then it settles. */
export const DRAINING = 7;
/** Torn down; children on other domains are still being torn down: then it leaves its parent. */
export const LEAVING = 8;
/** Its code ended with an uncatchable error: the run is ending. */
export const ABORTED = 9;
/** Settled: `state` and `result` are final; awaiters may take them. */
export const DONE = 10;
/** Torn down and detached from its parent. */
export const GONE = 11;

/**
 * The domain a task belongs to, as the task and what waits on it (its syscalls included) see it:
 * `Domain` (`domain.ts`) implements it, and `DomainPort` (`run.ts`) is the whole of what
 * operations may ask of it. Declared here, with the task, so that this file names no file above
 * it; a syscall reaches it through its task, so that a parked task costs no field more.
 */
export interface Home {
  readonly uid: number;
  /** Cancels `task`, one of this domain's, at once (`lifecycle.ts`). */
  tearDown(task: Task): void;
  /** PARKED → WOKEN: `task` resumes with `input` at its next turn; anything but a parked task is left alone. */
  wake(task: Task, input: unknown): void;
  /**
   * PARKED → READY: the operation `task` is parked on (its `wait`, which must be that operation)
   * is serviced again at the task's next turn; anything but a parked task is left alone.
   */
  retry(task: Task): void;
  /** A task parks on a syscall (`syscall.ts`): while any do, a custom event source is polled. */
  syscallParked(): void;
  /** A task parked on a syscall is woken, or torn down. */
  syscallLeft(): void;
  /** A syscall of this domain will never be waited on again: the next `select` is told. */
  forget(uid: number): void;
  /** A syscall of `task` was signalled: the run's trace says so. */
  signalled(task: Task): void;
}

/** What a parked task waits on: told when a child settles, torn down if the task is cancelled. */
export interface Wait {
  childDone?(task: Task, child: Task): void;
  /**
   * The task is cancelled while it waits: undo what waiting arranged. Called once, whether the
   * task is still PARKED or already WOKEN (woken but not resumed): a wake-up it will never use
   * (a mutex handed to it, a signal it took) must be passed on here.
   */
  teardown?(task: Task): void;
}

/**
 * What a parent needs of a child, wherever the child runs (a local task, or a stand-in for a
 * task on another domain): `unwind` asks nothing else.
 *
 * - `tearDown()` cancels it: it ends GONE (and detached) at once, or LEAVING until its domain
 *   says it is gone;
 * - a child that goes later than its cancellation reports it with `lifecycle.drained`, which
 *   tells its parent (`childGone`).
 */
export interface Child {
  tearDown(): void;
}

// Bits of `Task.flags`: the phase in the low four, then the outcome, then the override.
const PHASE = 15;
const STATE_SHIFT = 4;
const STATE = 3 << STATE_SHIFT;
const CANCELLED_OVERRIDE = 64;

/**
 * The running state of a task whose body is a generator: made at its first step, dropped when
 * it settles. A settled task stays linked to its parent until awaited, and a parent may spawn
 * many before it awaits any, so what a settled task keeps (links, flags, result) is what the
 * garbage collector copies; the fiber is not part of it.
 */
export class Fiber {
  /** The callers of `top`, outermost first, each followed by the call site it is suspended at. */
  stack: unknown[] | null = null;
  /** The call site `top` is suspended at (compiled code only; 0 when unknown). */
  site = 0;
  /**
   * One slot, read by the phase (every field costs 8 bytes per parked task): the operation to
   * service at the next turn (READY), the value to resume with (WOKEN), or the outcome once
   * the outermost frame ended.
   */
  next: unknown = undefined;
  /** What the task is parked on (PARKED), or was woken from (WOKEN). */
  wait: Wait | null = null;

  /** `top` is the frame running now (the innermost); null once the outermost one has ended. */
  constructor(public top: Frame | null) {}
}

export class Task implements Child {
  /** Children, newest first (Miou adds to the front). */
  first: Task | null = null;
  prevSibling: Task | null = null;
  nextSibling: Task | null = null;

  /**
   * The phase, the outcome (`state`) and `cancelledOverride` in one small integer: every field
   * costs 8 bytes per task, for as long as the parent has not awaited it.
   */
  private flags = SPAWNED;
  /** Once settled, the value (RETURNED) or the error (FAILED). */
  result: unknown = undefined;
  /** The body until the first step; then the fiber while the task has frames; then null. */
  code: (() => unknown) | Fiber | null;

  resources: Resource<unknown>[] | null = null;
  /** The call site that spawned it (`async`, `call`), for errors that name it; 0 when unknown. */
  site = 0;

  constructor(
    readonly uid: number,
    readonly domain: Home,
    readonly parent: Task | null,
    body: () => unknown,
  ) {
    this.code = body;
    if (parent !== null) {
      addChild(parent, this);
      const f = parent.fiber;
      if (f !== null) this.site = innermostSite(f);
    }
  }

  /** The body, until the task's first step calls it. */
  get body(): (() => unknown) | null {
    const c = this.code;
    return typeof c === "function" ? c : null;
  }

  /** The running state, while the task has frames. */
  get fiber(): Fiber | null {
    const c = this.code;
    return typeof c === "object" ? c : null; // null is an "object" too
  }

  /** What the task is parked on; set by an operation that parks it (so it has frames). */
  get wait(): Wait | null {
    const f = this.fiber;
    return f === null ? null : f.wait;
  }
  set wait(w: Wait | null) {
    this.fiber!.wait = w;
  }

  /** Where the task is in its lifecycle: one of SPAWNED ... GONE (see `lifecycle.ts`). */
  get phase(): number {
    return this.flags & PHASE;
  }
  set phase(p: number) {
    this.flags = (this.flags & ~PHASE) | p;
  }

  /** RUNNING, then RETURNED or FAILED once; `result` holds the value or the error. */
  get state(): number {
    return (this.flags & STATE) >> STATE_SHIFT;
  }
  set state(s: number) {
    this.flags = (this.flags & ~STATE) | (s << STATE_SHIFT);
  }

  /** Over for its awaiters: settled, gone, or aborted with the run. */
  get done(): boolean {
    return (this.flags & PHASE) >= ABORTED;
  }

  /** Set by `cancel` on a task that had already ended: `await_` then reports `Cancelled`. */
  get cancelledOverride(): boolean {
    return (this.flags & CANCELLED_OVERRIDE) !== 0;
  }
  set cancelledOverride(b: boolean) {
    this.flags = b ? this.flags | CANCELLED_OVERRIDE : this.flags & ~CANCELLED_OVERRIDE;
  }

  /** Cancels it on its own domain, at once (`lifecycle.ts`); a stand-in asks the other domain. */
  tearDown(): void {
    this.domain.tearDown(this);
  }

  /** It still has children it has neither awaited nor cancelled. */
  get hasChildren(): boolean {
    return this.first !== null;
  }
}

/**
 * Where the fiber's code is now: the site of the operation it yielded, else the innermost
 * caller's call site (an operation made inside a library built without the transformer has none).
 */
export function innermostSite(fiber: Fiber): number {
  if (fiber.site !== 0) return fiber.site;
  const stack = fiber.stack;
  if (stack !== null) for (let i = stack.length - 1; i > 0; i -= 2) if (stack[i] !== 0) return stack[i] as number;
  return 0;
}

function addChild(parent: Task, child: Task): void {
  const first = parent.first;
  child.nextSibling = first;
  if (first !== null) first.prevSibling = child;
  parent.first = child;
}

/** Drops `child` from its parent's children: the parent's obligation toward it is discharged. */
export function detach(child: Task): void {
  const parent = child.parent;
  if (parent === null) return;
  const { prevSibling: prev, nextSibling: next } = child;
  if (prev === null && parent.first !== child) return; // already detached
  if (prev !== null) prev.nextSibling = next;
  else parent.first = next;
  if (next !== null) next.prevSibling = prev;
  child.prevSibling = child.nextSibling = null;
}

/** A copy of the task's children, newest first: safe to walk while they are torn down. */
export function childrenOf(task: Task): Task[] {
  const out: Task[] = [];
  for (let c = task.first; c !== null; c = c.nextSibling) out.push(c);
  return out;
}
