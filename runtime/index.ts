/**
 * `miou`: the runtime with **direct-style** types. A ⏸ function is declared with its plain
 * result (`await_exn(p): T`) and the transformer compiles each call into a suspension; without
 * the transformer, calling one throws a `TypeError` saying how to enable it.
 *
 * These are the very function objects `miou/gen` exports; only the declared types differ.
 *
 * @example
 * ```ts
 * import * as Miou from "miou";
 *
 * const v = await Miou.run(() => {
 *   const p = Miou.async(() => 42);
 *   return Miou.await_exn(p);
 * });
 * ```
 */
// No host here: runtime/entry/<host>/index.ts installs its adapter, then re-exports this module.
import * as gen from "./gen.js";
import type { Accepting, Portable, Suspending } from "./brand.js";
import type { CallOptions, Orphans, Promise, Resource, Result, RunOptions, Syscall, Hook as HookHandle } from "./gen.js";
import type { Mutex as MutexHandle, Condition as ConditionHandle, Lazy as LazyHandle } from "./gen.js";
import type { ProtectHandlers } from "./ops/protect.js";

export type { Accepting, Portable, Suspending } from "./brand.js";
export type {
  ChromeTrace,
  ChromeEvent,
  RunOptions,
  TraceEvent,
  TraceKind,
  DomainUid,
  Result,
  Orphans,
  Resource,
  Syscall,
  Signal,
  Events,
  ProtectHandlers,
  CallOptions,
} from "./gen.js";
export {
  orphans,
  length,
  signal,
  uid,
  wake,
  seed,
  Promise,
  Domain,
  Trace,
  Cancelled,
  Still_has_children,
  Not_a_child,
  No_domain_available,
  Resource_leaked,
  Not_owner,
} from "./gen.js";

/** Options of `async`: resources to move to the child, a collector to register it in. */
export interface SpawnOptions<T> {
  give?: Resource<unknown>[];
  orphans?: Orphans<T> | Orphans<unknown>;
}

/**
 * Runs `main` as the root task and returns a JavaScript promise of its value: the one function
 * that returns a JavaScript promise. `main` may suspend.
 */
export const run = gen.run as unknown as Accepting<<T>(main: () => T, options?: RunOptions) => globalThis.Promise<T>>;
/** ⏸ Creates a child task that runs concurrently on the current domain; see `miou/gen`'s `async`. */
export const async = gen.async as unknown as Suspending<Accepting<<T>(fn: () => T, options?: SpawnOptions<T>) => Promise<T>>>;
/**
 * ⏸ Creates a child task on another domain (a worker thread). `fn` must be portable: it may
 * capture imports, module-level functions, classes and `const`s, and locals structured clone
 * copies; the transformer checks it (MIOU1005).
 */
export const call = gen.call as unknown as Suspending<Accepting<Portable<<T>(fn: () => T, options?: CallOptions<T>) => Promise<T>>>>;
/** ⏸ Runs `fn` on every element of `xs` on the worker domains, round-robin; outcomes in input order. */
export const parallel = gen.parallel as unknown as Suspending<Accepting<Portable<<A, B>(fn: (a: A) => B, xs: readonly A[]) => Result<B>[]>>>;
/** ⏸ Waits for a child and returns its outcome. */
export const await_ = gen.await_ as unknown as Suspending<<T>(p: Promise<T>) => Result<T>>;
/** ⏸ Waits for a child and returns its value, or throws its error. */
export const await_exn = gen.await_exn as unknown as Suspending<<T>(p: Promise<T>) => T>;
/** ⏸ The outcome of the first child to finish (random among the finished); the others are untouched. */
export const await_one = gen.await_one as unknown as Suspending<<T>(ps: Promise<T>[]) => Result<T>>;
/** ⏸ The outcome of the first child to finish; the others are cancelled. */
export const await_first = gen.await_first as unknown as Suspending<<T>(ps: Promise<T>[]) => Result<T>>;
/** ⏸ Awaits every child, in order. */
export const await_all = gen.await_all as unknown as Suspending<<T>(ps: Promise<T>[]) => Result<T>[]>;
/** ⏸ Cancels a child and its subtree; returns once all of it is torn down. */
export const cancel = gen.cancel as unknown as Suspending<(p: Promise<unknown>) => void>;
/** ⏸ Goes to the back of the domain's queue. */
export const yield_ = gen.yield_ as unknown as Suspending<() => void>;
/** ⏸ A finished child of the collector, `"pending"`, or `undefined` when none is left. */
export const care = gen.care as unknown as Suspending<<T>(o: Orphans<T>) => Promise<T> | "pending" | undefined>;
/** ⏸ Removes and returns the collector's newest child. */
export const take = gen.take as unknown as Suspending<<T>(o: Orphans<T>) => Promise<T> | undefined>;
/** ⏸ Waits for a child of the collector to finish and returns its outcome. */
export const get = gen.get as unknown as Suspending<<T>(o: Orphans<T>) => Result<T> | undefined>;
/** ⏸ Runs `fn` with handlers for its end and its cancellation. */
export const protect = gen.protect as unknown as Suspending<Accepting<<T>(fn: () => T, handlers: ProtectHandlers) => T>>;
/** ⏸ Makes a suspension token for the current task. */
export const syscall = gen.syscall as unknown as Suspending<(name?: string) => Syscall>;
/** ⏸ Parks the task until `s` is signalled; `fn` registers it with the event source. */
export const suspend = gen.suspend as unknown as Suspending<(s: Syscall, fn?: () => void) => void>;
/** ⏸ Parks the task until a JavaScript promise settles. */
export const await_promise = gen.await_promise as unknown as Suspending<<T>(p: PromiseLike<T>) => T>;

/** Resources owned by tasks and finalised when their owner dies. */
export const Ownership: {
  /** Plain: a resource holding `value`, finalised by `finaliser`; owned by no task yet. */
  create<V>(value: V, finaliser: (value: V) => void): Resource<V>;
  /** Plain: the value of a resource made on this domain. */
  value<V>(r: Resource<V>): V;
  /** ⏸ The current task owns `r`. */
  own: Suspending<(r: Resource<unknown>) => void>;
  /** ⏸ Gives `r` up without finalising it (no scheduling point while unwinding). */
  disown: Suspending<(r: Resource<unknown>) => void>;
  /** ⏸ Runs `r`'s finaliser and drops it (no scheduling point while unwinding). */
  release: Suspending<(r: Resource<unknown>) => void>;
  /** ⏸ Moves `r` to the current task's parent. */
  transfer: Suspending<(r: Resource<unknown>) => void>;
  /** ⏸ Throws `Not_owner` unless the current task owns `r`. */
  check: Suspending<(r: Resource<unknown>) => void>;
} = gen.Ownership as never;

/** Functions a domain runs before every step. */
export type Hook = HookHandle;
export const Hook: {
  /** ⏸ `fn` runs before every step of the current domain. */
  add: Suspending<(fn: () => void) => Hook>;
  /** ⏸ Removes a hook (no scheduling point while unwinding). */
  remove: Suspending<(h: Hook) => void>;
} = gen.Hook as never;

/** A lock for the tasks of one domain; waiters get it in FIFO order. */
export type Mutex = MutexHandle;
export const Mutex: {
  /** Plain, inside a run: a new, unlocked mutex of the current domain. */
  create(): Mutex;
  /** ⏸ Waits until the current task holds `m`. */
  lock: Suspending<(m: Mutex) => void>;
  /** ⏸ Hands `m` to the longest waiter (no scheduling point while unwinding). */
  unlock: Suspending<(m: Mutex) => void>;
  /** ⏸ Takes `m` if it is free; `false` at once otherwise. */
  try_lock: Suspending<(m: Mutex) => boolean>;
  /** ⏸ Runs `fn` holding `m`, unlocked however `fn` ends. */
  protect: Suspending<Accepting<<T>(m: Mutex, fn: () => T) => T>>;
} = gen.Mutex as never;

/** A condition variable: tasks wait on it with a held mutex until signalled. */
export type Condition = ConditionHandle;
export const Condition: {
  /** Plain, inside a run: a new condition variable of the current domain. */
  create(): Condition;
  /** ⏸ Unlocks `m`, waits for a signal, locks `m` again. */
  wait: Suspending<(c: Condition, m: Mutex) => void>;
  /** Plain (not ⏸): wakes the longest waiter of `c`. */
  signal(c: Condition): void;
  /** Plain (not ⏸): wakes every waiter of `c`. */
  broadcast(c: Condition): void;
} = gen.Condition as never;

/** A value computed once, on first `force`, by a function that may suspend. */
export type Lazy<T> = LazyHandle<T>;
export const Lazy: {
  /** Plain: a lazy value already forced to `v`. */
  from_val<T>(v: T): Lazy<T>;
  /** Plain: a lazy value that the first `force` computes with `fn` (which may suspend). */
  from_fun: Accepting<<T>(fn: () => T) => Lazy<T>>;
  /** ⏸ The value, computed once: concurrent forcers wait for the same one. */
  force: Suspending<<T>(l: Lazy<T>) => T>;
} = gen.Lazy as never;
