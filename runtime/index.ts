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
// Every type below is derived from `miou/gen`'s by the helpers of direct.ts; api-types.ts in
// tests/types pins the result. A name `miou/gen` exports and this module does not is a type
// error at the end of this file.
import * as gen from "./gen.js";
import type { Accepting, Portable, Suspending } from "./brand.js";
import { direct, plainAs, suspends, suspendsAs, view } from "./direct.js";
import type { CallOptions, Promise, Result, RunOptions, SpawnOptions } from "./gen.js";
import type { Hook as HookHandle, Mutex as MutexHandle, Condition as ConditionHandle, Lazy as LazyHandle } from "./gen.js";
import type { ProtectHandlers } from "./ops/protect.js";
import type { SuspendingPath } from "./api.js";
import type * as self from "./index.js";

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
  SpawnOptions,
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

/**
 * Runs `main` as the root task and returns a JavaScript promise of its value: the one function
 * that returns a JavaScript promise. `main` may suspend.
 */
export const run = plainAs<Accepting<<T>(main: () => T, options?: RunOptions) => globalThis.Promise<T>>>(gen.run);
/** ⏸ Creates a child task that runs concurrently on the current domain; see `miou/gen`'s `async`. */
export const async = suspendsAs<Suspending<Accepting<<T>(fn: () => T, options?: SpawnOptions<T>) => Promise<T>>>>(gen.async);
/**
 * ⏸ Creates a child task on another domain (a worker thread). `fn` must be portable: it may
 * capture imports, module-level functions, classes and `const`s, and locals structured clone
 * copies; the transformer checks it (MIOU1005).
 */
export const call = suspendsAs<Suspending<Accepting<Portable<<T>(fn: () => T, options?: CallOptions<T>) => Promise<T>>>>>(gen.call);
/** ⏸ Runs `fn` on every element of `xs` on the worker domains, round-robin; outcomes in input order. */
export const parallel = suspendsAs<Suspending<Accepting<Portable<<A, B>(fn: (a: A) => B, xs: readonly A[]) => Result<B>[]>>>>(gen.parallel);
/** ⏸ Waits for a child and returns its outcome. */
export const await_ = suspends(direct(gen.await_));
/** ⏸ Waits for a child and returns its value, or throws its error. */
export const await_exn = suspends(direct(gen.await_exn));
/** ⏸ The outcome of the first child to finish (random among the finished); the others are untouched. */
export const await_one = suspends(direct(gen.await_one));
/** ⏸ The outcome of the first child to finish; the others are cancelled. */
export const await_first = suspends(direct(gen.await_first));
/** ⏸ Awaits every child, in order. */
export const await_all = suspends(direct(gen.await_all));
/** ⏸ Cancels a child and its subtree; returns once all of it is torn down. */
export const cancel = suspends(direct(gen.cancel));
/** ⏸ Goes to the back of the domain's queue. */
export const yield_ = suspends(direct(gen.yield_));
/** ⏸ A finished child of the collector, `"pending"`, or `undefined` when none is left. */
export const care = suspends(direct(gen.care));
/** ⏸ Removes and returns the collector's newest child. */
export const take = suspends(direct(gen.take));
/** ⏸ Waits for a child of the collector to finish and returns its outcome. */
export const get = suspends(direct(gen.get));
/** ⏸ Runs `fn` with handlers for its end and its cancellation. */
export const protect = suspendsAs<Suspending<Accepting<<T>(fn: () => T, handlers: ProtectHandlers) => T>>>(gen.protect);
/** ⏸ Makes a suspension token for the current task. */
export const syscall = suspends(direct(gen.syscall));
/** ⏸ Parks the task until `s` is signalled; `fn` registers it with the event source. */
export const suspend = suspends(direct(gen.suspend));
/** ⏸ Parks the task until a JavaScript promise settles. */
export const await_promise = suspends(direct(gen.await_promise));

/** Resources owned by tasks and finalised when their owner dies. */
export const Ownership = view(gen.Ownership, (o) => ({
  /** Plain: a resource holding `value`, finalised by `finaliser`; owned by no task yet. */
  create: o.create,
  /** Plain: the value of a resource made on this domain. */
  value: o.value,
  /** ⏸ The current task owns `r`. */
  own: suspends(direct(o.own)),
  /** ⏸ Gives `r` up without finalising it (no scheduling point while unwinding). */
  disown: suspends(direct(o.disown)),
  /** ⏸ Runs `r`'s finaliser and drops it (no scheduling point while unwinding). */
  release: suspends(direct(o.release)),
  /** ⏸ Moves `r` to the current task's parent. */
  transfer: suspends(direct(o.transfer)),
  /** ⏸ Throws `Not_owner` unless the current task owns `r`. */
  check: suspends(direct(o.check)),
}));

/** Functions a domain runs before every step. */
export type Hook = HookHandle;
export const Hook = view(gen.Hook, (h) => ({
  /** ⏸ `fn` runs before every step of the current domain. */
  add: suspends(direct(h.add)),
  /** ⏸ Removes a hook (no scheduling point while unwinding). */
  remove: suspends(direct(h.remove)),
}));

/** A lock for the tasks of one domain; waiters get it in FIFO order. */
export type Mutex = MutexHandle;
export const Mutex = view(gen.Mutex, (m) => ({
  /** Plain, inside a run: a new, unlocked mutex of the current domain. */
  create: m.create,
  /** ⏸ Waits until the current task holds `m`. */
  lock: suspends(direct(m.lock)),
  /** ⏸ Hands `m` to the longest waiter (no scheduling point while unwinding). */
  unlock: suspends(direct(m.unlock)),
  /** ⏸ Takes `m` if it is free; `false` at once otherwise. */
  try_lock: suspends(direct(m.try_lock)),
  /** ⏸ Runs `fn` holding `m`, unlocked however `fn` ends. */
  protect: suspendsAs<Suspending<Accepting<<T>(m: Mutex, fn: () => T) => T>>>(m.protect),
}));

/** A condition variable: tasks wait on it with a held mutex until signalled. */
export type Condition = ConditionHandle;
export const Condition = view(gen.Condition, (c) => ({
  /** Plain, inside a run: a new condition variable of the current domain. */
  create: c.create,
  /** ⏸ Unlocks `m`, waits for a signal, locks `m` again. */
  wait: suspends(direct(c.wait)),
  /** Plain (not ⏸): wakes the longest waiter of `c`. */
  signal: c.signal,
  /** Plain (not ⏸): wakes every waiter of `c`. */
  broadcast: c.broadcast,
}));

/** A value computed once, on first `force`, by a function that may suspend. */
export type Lazy<T> = LazyHandle<T>;
export const Lazy = view(gen.Lazy, (l) => ({
  /** Plain: a lazy value already forced to `v`. */
  from_val: l.from_val,
  /** Plain: a lazy value that the first `force` computes with `fn` (which may suspend). */
  from_fun: plainAs<Accepting<<T>(fn: () => T) => Lazy<T>>>(l.from_fun),
  /** ⏸ The value, computed once: concurrent forcers wait for the same one. */
  force: suspends(direct(l.force)),
}));

// Every name of `miou/gen` is exported here too (the type-only ones of generator style aside).
true satisfies Exclude<keyof typeof gen, keyof typeof self> extends never ? true : { missing: Exclude<keyof typeof gen, keyof typeof self> };
// Every ⏸ function of runtime/api.ts is exported here in direct style: branded, and returning
// what `yield*` of miou/gen's returns (else this names it: wrap it as the others are).
/** The member of `N` at a path of runtime/api.ts ("yield_", "Mutex.lock"). */
type At<N, P extends string> = P extends `${infer A}.${infer B}` ? (A extends keyof N ? At<N[A], B> : undefined) : P extends keyof N ? N[P] : undefined;
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Returns<F> = F extends (...a: never[]) => infer R ? R : undefined;
type DirectStyle<P extends SuspendingPath> = "__miou_suspends" extends keyof At<typeof self, P> ? (Same<Returns<At<typeof self, P>>, Returns<At<typeof gen, P>>> extends true ? false : true) : false;
type NotDirect = { [P in SuspendingPath]: DirectStyle<P> extends true ? never : P }[SuspendingPath];
true satisfies [NotDirect] extends [never] ? true : { not_direct_style: NotDirect };
