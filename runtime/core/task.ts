/**
 * A task and its promise are one object: the handle users get from `async` is the task
 * record itself, typed as an opaque `Promise<T>`. Kept small on purpose (a parked task is
 * budgeted at 500 bytes all in): children are an intrusive list, the running state lives in a
 * `Fiber` that exists only while the task has frames, and the rarely used fields start `null`.
 */
import type { Frame, Op } from "./protocol.js";
import type { Domain } from "./domain.js";
import type { Resource } from "./resource.js";

export const RUNNING = 0;
export const RETURNED = 1;
export const FAILED = 2;

export const NEXT = 0;
export const THROW = 1;

/** What a parked task waits on: told when a child settles, torn down if the task is cancelled. */
export interface Wait {
  childDone?(task: Task, child: Task): void;
  teardown?(task: Task): void;
}

// Bits of `Task.flags`. The state is the low two bits.
const STATE = 3;
const DONE = 4;
const UNWINDING = 8;
const CANCELLED_OVERRIDE = 16;
const THROWING = 32;
const DRAINING = 64;
const TORN = 128;

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
  /** The operation to service at the task's next turn, if it yielded one. */
  op: Op | null = null;
  /** What to resume with when `op` is null: a value (task `mode` NEXT) or an error (THROW). */
  input: unknown = undefined;
  /** What the task is parked on. */
  wait: Wait | null = null;

  /** `top` is the frame running now (the innermost); null once the outermost one has ended. */
  constructor(public top: Frame | null) {}
}

export class Task {
  /** Children, newest first (Miou adds to the front). */
  first: Task | null = null;
  prevSibling: Task | null = null;
  nextSibling: Task | null = null;

  /**
   * `state`, `done`, `unwinding`, `cancelledOverride` and `mode` packed in one small integer:
   * every field costs 8 bytes per task, for as long as the parent has not awaited it.
   */
  private flags = 0;
  /** Once settled, the value (RETURNED) or the error (FAILED). */
  result: unknown = undefined;
  /** The body until the first step; then the fiber while the task has frames; then null. */
  code: (() => unknown) | Fiber | null;

  resources: Resource<unknown>[] | null = null;
  /** The call site that spawned it (`async`, `call`), for errors that name it; 0 when unknown. */
  site = 0;

  constructor(
    readonly uid: number,
    readonly domain: Domain,
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

  /** RUNNING, then RETURNED or FAILED once; `result` holds the value or the error. */
  get state(): number {
    return this.flags & STATE;
  }
  set state(s: number) {
    this.flags = (this.flags & ~STATE) | s;
  }

  /** Settled and its whole subtree torn down: awaiters may take the result. */
  get done(): boolean {
    return (this.flags & DONE) !== 0;
  }
  set done(b: boolean) {
    this.flags = b ? this.flags | DONE : this.flags & ~DONE;
  }

  /** The task is unwinding after a cancellation: ⏸ calls raise `Cancelled` at once. */
  get unwinding(): boolean {
    return (this.flags & UNWINDING) !== 0;
  }
  set unwinding(b: boolean) {
    this.flags = b ? this.flags | UNWINDING : this.flags & ~UNWINDING;
  }

  /** Set by `cancel` on a task that had already ended: `await_` then reports `Cancelled` (README, "Cancelling"). */
  get cancelledOverride(): boolean {
    return (this.flags & CANCELLED_OVERRIDE) !== 0;
  }
  set cancelledOverride(b: boolean) {
    this.flags = b ? this.flags | CANCELLED_OVERRIDE : this.flags & ~CANCELLED_OVERRIDE;
  }

  /**
   * Its code has ended (it failed, or was torn down) but children on other domains are still
   * being torn down: it becomes `done` when the last of them is gone (see ending.ts).
   */
  get draining(): boolean {
    return (this.flags & DRAINING) !== 0;
  }
  set draining(b: boolean) {
    this.flags = b ? this.flags | DRAINING : this.flags & ~DRAINING;
  }

  /** Torn down by a cancellation: once done, it leaves its parent's children. */
  get torn(): boolean {
    return (this.flags & TORN) !== 0;
  }
  set torn(b: boolean) {
    this.flags = b ? this.flags | TORN : this.flags & ~TORN;
  }

  /** How to resume when the fiber has no `op`: NEXT or THROW. */
  get mode(): number {
    return (this.flags & THROWING) !== 0 ? THROW : NEXT;
  }
  set mode(m: number) {
    this.flags = m === THROW ? this.flags | THROWING : this.flags & ~THROWING;
  }

  /** A stand-in for a task that runs on another domain (see `runtime/domains/remote.ts`). */
  get remote(): boolean {
    return false;
  }

  /** Asks the other domain to tear the task down; it answers when it is done (remote tasks only). */
  cancelRemote(): void {}

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
