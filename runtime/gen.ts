/**
 * `miou/gen`: the runtime with generator types. Every ⏸ function returns an operation to use
 * with `yield*` inside a generator function; no transformer needed.
 *
 * @example
 * ```ts
 * import * as Miou from "miou/gen";
 *
 * const v = await Miou.run(function* () {
 *   const p = yield* Miou.async(() => 42);
 *   return yield* Miou.await_exn(p);
 * });
 * ```
 */
// No host here: runtime/entry/<host>/gen.ts installs its adapter, then re-exports this module.
import * as hook from "./ops/hook.js";
import * as ownership from "./ops/ownership.js";
import * as mutex from "./ops/mutex.js";
import * as condition from "./ops/condition.js";
import * as lazy from "./ops/lazy.js";
import { domainAll, domainAvailable, domainSelf, promiseState, promiseUid } from "./ops/info.js";
import { toChrome } from "./core/trace.js";
import { provideNamespace } from "./domains/resolve.js";
import { PRIMITIVES } from "./core/context.js";
import type { ERRORS } from "./core/errors.js";
import { SUSPENDING, type SuspendingPath } from "./api.js";
import * as self from "./gen.js";
import type { Hook as HookHandle } from "./ops/hook.js";
import type { Mutex as MutexHandle } from "./ops/mutex.js";
import type { Condition as ConditionHandle } from "./ops/condition.js";
import type { Lazy as LazyHandle } from "./ops/lazy.js";
import type { Operation, Promise as MiouPromise } from "./types.js";

export { run } from "./core/main-run.js";
export type { RunOptions } from "./core/main-run.js";
export type { TraceEvent, TraceKind, DomainUid } from "./core/run.js";
export type { ChromeTrace, ChromeEvent } from "./core/trace.js";
export {
  Cancelled,
  Still_has_children,
  Not_a_child,
  No_domain_available,
  Resource_leaked,
  Not_owner,
} from "./core/errors.js";
export type { Result, Operation, Body, Returned } from "./types.js";

export { async } from "./ops/async.js";
export type { SpawnOptions } from "./ops/async.js";
export { call, parallel } from "./ops/call.js";
export type { CallOptions } from "./ops/call.js";
export { await_, await_exn } from "./ops/await.js";
export { await_one, await_first } from "./ops/await-one.js";
export { await_all } from "./ops/await-all.js";
export { cancel } from "./ops/cancel.js";
export { yield_ } from "./ops/yield.js";
export { orphans, care, take, get, length } from "./ops/orphans.js";
export type { Orphans } from "./ops/orphans.js";
export { protect } from "./ops/protect.js";
export type { ProtectHandlers } from "./ops/protect.js";
export { syscall, suspend, signal, uid, wake } from "./ops/syscall.js";
export type { Syscall, Signal, Events } from "./ops/syscall.js";
export { await_promise } from "./ops/await-promise.js";
export { seed } from "./ops/info.js";
export type { Resource } from "./ops/ownership.js";

/** Miou's promise: the handle of a task. Also a value holding `uid` and `state`. */
export type Promise<T> = MiouPromise<T>;
export const Promise = Object.freeze({ uid: promiseUid, state: promiseState });

/** Resources owned by tasks and finalised when their owner dies. */
export const Ownership = Object.freeze({
  /** Plain (no `yield*`): a resource holding `value`, finalised by `finaliser`; owned by no task yet. */
  create: ownership.create,
  /** Plain (no `yield*`): the value of a resource made on this domain. */
  value: ownership.value,
  /** ⏸ `yield* Ownership.own(r)`: the current task owns `r`. */
  own: ownership.own,
  /** ⏸ `yield* Ownership.disown(r)`: gives `r` up without finalising it (no scheduling point while unwinding). */
  disown: ownership.disown,
  /** ⏸ `yield* Ownership.release(r)`: runs `r`'s finaliser and drops it (no scheduling point while unwinding). */
  release: ownership.release,
  /** ⏸ `yield* Ownership.transfer(r)`: moves `r` to the current task's parent. */
  transfer: ownership.transfer,
  /** ⏸ `yield* Ownership.check(r)`: throws `Not_owner` unless the current task owns `r`. */
  check: ownership.check,
});

/** Functions a domain runs before every step. */
export type Hook = HookHandle;
export const Hook = Object.freeze({
  /** ⏸ `yield* Hook.add(fn)`: `fn` runs before every step of the current domain. */
  add: hook.add,
  /** ⏸ `yield* Hook.remove(h)`: removes a hook (no scheduling point while unwinding). */
  remove: hook.remove,
});

/** The domains of the run: dom0 (uid 0) is the thread that called `run`. */
export const Domain = Object.freeze({ self: domainSelf, available: domainAvailable, all: domainAll });

/** Locks for the tasks of one domain, handed over in the order tasks asked. */
export type Mutex = MutexHandle;
export const Mutex = Object.freeze({
  /** Plain (no `yield*`), inside a run: a new, unlocked mutex of the current domain. */
  create: mutex.create,
  /** ⏸ `yield* Mutex.lock(m)`: waits until the current task holds `m`. */
  lock: mutex.lock,
  /** ⏸ `yield* Mutex.unlock(m)`: hands `m` to the longest waiter (no scheduling point while unwinding). */
  unlock: mutex.unlock,
  /** ⏸ `yield* Mutex.try_lock(m)`: takes `m` if it is free; `false` at once otherwise. */
  try_lock: mutex.try_lock,
  /** ⏸ `yield* Mutex.protect(m, fn)`: runs `fn` holding `m`, unlocked however `fn` ends. */
  protect: mutex.protect,
});

/** Condition variables: wait, holding a mutex, until another task signals a change. */
export type Condition = ConditionHandle;
export const Condition = Object.freeze({
  /** Plain (no `yield*`), inside a run: a new condition variable of the current domain. */
  create: condition.create,
  /** ⏸ `yield* Condition.wait(c, m)`: unlocks `m`, waits for a signal, locks `m` again. */
  wait: condition.wait,
  /** Plain (no `yield*`: it is not ⏸): wakes the longest waiter of `c`. */
  signal: condition.signal,
  /** Plain (no `yield*`: it is not ⏸): wakes every waiter of `c`. */
  broadcast: condition.broadcast,
});

/** Values computed once, by the first task that forces them. */
export type Lazy<T> = LazyHandle<T>;
export const Lazy = Object.freeze({
  /** Plain (no `yield*`): a lazy value already forced to `v`. */
  from_val: lazy.from_val,
  /** Plain (no `yield*`): a lazy value that the first `force` computes with `fn` (which may suspend). */
  from_fun: lazy.from_fun,
  /** ⏸ `yield* Lazy.force(l)`, inside a task's generator: the value, computed once. */
  force: lazy.force,
});

/** Reading a run's trace: `toChrome(events)` gives the JSON Perfetto and chrome://tracing open. */
export const Trace = Object.freeze({ toChrome });

// The ⏸ functions, so that one given as a task body is driven as the call it stands for.
for (const path of SUSPENDING) PRIMITIVES.add(member(path));

/** The function at `path` ("await_exn", "Mutex.lock") of this module. */
function member(path: SuspendingPath): object {
  const fn = path.split(".").reduce<unknown>((o, key) => (typeof o === "object" && o !== null ? Reflect.get(o, key) : undefined), self);
  if (typeof fn !== "function") throw new Error(`miou: SUSPENDING in runtime/api.ts names ${path}, which miou/gen does not export`);
  return fn;
}

/** A function that returns an `Operation` (strings and arrays are iterable too, but no operation). */
type Suspends<F> = F extends (...a: never[]) => infer R ? (R extends string | readonly unknown[] ? false : R extends Operation<unknown> ? true : false) : false;
/** The paths of this module's ⏸ functions, members of its namespaces included. */
type SuspendingPaths<N> = {
  [K in keyof N & string]: Suspends<N[K]> extends true ? K : N[K] extends (...a: never[]) => unknown ? never : { [M in keyof N[K] & string]: Suspends<N[K][M]> extends true ? `${K}.${M}` : never }[keyof N[K] & string];
}[keyof N & string];
/** `true`, or the names runtime/api.ts's SUSPENDING lacks and the ones it has in excess. */
type Listing<Unlisted, Excess> = [Unlisted, Excess] extends [never, never] ? true : { unlisted: Unlisted; not_suspending: Excess };
// runtime/api.ts lists exactly the ⏸ functions: else this names the ones to add or remove there.
true satisfies Listing<Exclude<SuspendingPaths<typeof self>, SuspendingPath>, Exclude<SuspendingPath, SuspendingPaths<typeof self>>>;
// Every error class of core/errors.ts is exported under its own name.
true satisfies Exclude<(typeof ERRORS)[number], (typeof self)[keyof typeof self]> extends never ? true : { unexported: Exclude<(typeof ERRORS)[number], (typeof self)[keyof typeof self]> };

// What `Miou` means in a function a worker rebuilds from its source.
provideNamespace(self);
