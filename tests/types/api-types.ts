// The public types of `miou` and `miou/gen`, pinned: each line states the exact type an export
// has, so a change to how the entry points declare or derive them shows here as a type error.
// `npm test` type-checks this file (tsconfig.json includes tests/); api-types.test.ts checks
// that it compiles cleanly and that a wrong assertion in it is caught.
import type * as Miou from "miou";
import type * as Gen from "miou/gen";
import type { Accepting, Portable, Suspending } from "miou";
import type { CallOptions, Condition, Hook, Lazy, Mutex, Operation, Orphans, Promise, ProtectHandlers, Resource, Result, Returned, RunOptions, SpawnOptions, Syscall } from "miou/gen";

/** True when A and B are the same type (not merely assignable to each other). */
export type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
export type Expect<T extends true> = T;

export type DirectStyle = [
  Expect<Equal<typeof Miou.run, Accepting<<T>(main: () => T, options?: RunOptions) => globalThis.Promise<T>>>>,
  Expect<Equal<typeof Miou.async, Suspending<Accepting<<T>(fn: () => T, options?: Miou.SpawnOptions<T>) => Promise<T>>>>>,
  Expect<Equal<typeof Miou.call, Suspending<Accepting<Portable<<T>(fn: () => T, options?: CallOptions<T>) => Promise<T>>>>>>,
  Expect<Equal<typeof Miou.parallel, Suspending<Accepting<Portable<<A, B>(fn: (a: A) => B, xs: readonly A[]) => Result<B>[]>>>>>,
  Expect<Equal<typeof Miou.await_, Suspending<<T>(p: Promise<T>) => Result<T>>>>,
  Expect<Equal<typeof Miou.await_exn, Suspending<<T>(p: Promise<T>) => T>>>,
  Expect<Equal<typeof Miou.await_one, Suspending<<T>(ps: Promise<T>[]) => Result<T>>>>,
  Expect<Equal<typeof Miou.await_first, Suspending<<T>(ps: Promise<T>[]) => Result<T>>>>,
  Expect<Equal<typeof Miou.await_all, Suspending<<T>(ps: Promise<T>[]) => Result<T>[]>>>,
  Expect<Equal<typeof Miou.cancel, Suspending<(p: Promise<unknown>) => void>>>,
  Expect<Equal<typeof Miou.yield_, Suspending<() => void>>>,
  Expect<Equal<typeof Miou.care, Suspending<<T>(o: Orphans<T>) => Promise<T> | "pending" | undefined>>>,
  Expect<Equal<typeof Miou.take, Suspending<<T>(o: Orphans<T>) => Promise<T> | undefined>>>,
  Expect<Equal<typeof Miou.get, Suspending<<T>(o: Orphans<T>) => Result<T> | undefined>>>,
  Expect<Equal<typeof Miou.protect, Suspending<Accepting<<T>(fn: () => T, handlers: ProtectHandlers) => T>>>>,
  Expect<Equal<typeof Miou.syscall, Suspending<(name?: string) => Syscall>>>,
  Expect<Equal<typeof Miou.suspend, Suspending<(s: Syscall, fn?: () => void) => void>>>,
  Expect<Equal<typeof Miou.await_promise, Suspending<<T>(p: PromiseLike<T>) => T>>>,
  Expect<Equal<Miou.SpawnOptions<number>, { give?: Resource<unknown>[]; orphans?: Orphans<number> | Orphans<unknown> }>>,
  Expect<Equal<Miou.Hook, Hook>>,
  Expect<Equal<Miou.Mutex, Mutex>>,
  Expect<Equal<Miou.Condition, Condition>>,
  Expect<Equal<Miou.Lazy<number>, Lazy<number>>>,
  Expect<
    Equal<
      typeof Miou.Ownership,
      {
        create<V>(value: V, finaliser: (value: V) => void): Resource<V>;
        value<V>(r: Resource<V>): V;
        own: Suspending<(r: Resource<unknown>) => void>;
        disown: Suspending<(r: Resource<unknown>) => void>;
        release: Suspending<(r: Resource<unknown>) => void>;
        transfer: Suspending<(r: Resource<unknown>) => void>;
        check: Suspending<(r: Resource<unknown>) => void>;
      }
    >
  >,
  Expect<Equal<typeof Miou.Hook, { add: Suspending<(fn: () => void) => Hook>; remove: Suspending<(h: Hook) => void> }>>,
  Expect<
    Equal<
      typeof Miou.Mutex,
      {
        create(): Mutex;
        lock: Suspending<(m: Mutex) => void>;
        unlock: Suspending<(m: Mutex) => void>;
        try_lock: Suspending<(m: Mutex) => boolean>;
        protect: Suspending<Accepting<<T>(m: Mutex, fn: () => T) => T>>;
      }
    >
  >,
  Expect<
    Equal<
      typeof Miou.Condition,
      { create(): Condition; wait: Suspending<(c: Condition, m: Mutex) => void>; signal(c: Condition): void; broadcast(c: Condition): void }
    >
  >,
  Expect<
    Equal<
      typeof Miou.Lazy,
      { from_val<T>(v: T): Lazy<T>; from_fun: Accepting<<T>(fn: () => T) => Lazy<T>>; force: Suspending<<T>(l: Lazy<T>) => T> }
    >
  >,
  // The plain functions and values are `miou/gen`'s, under the same types.
  Expect<Equal<typeof Miou.orphans, typeof Gen.orphans>>,
  Expect<Equal<typeof Miou.length, typeof Gen.length>>,
  Expect<Equal<typeof Miou.signal, typeof Gen.signal>>,
  Expect<Equal<typeof Miou.uid, typeof Gen.uid>>,
  Expect<Equal<typeof Miou.wake, typeof Gen.wake>>,
  Expect<Equal<typeof Miou.seed, typeof Gen.seed>>,
  Expect<Equal<typeof Miou.Promise, typeof Gen.Promise>>,
  Expect<Equal<typeof Miou.Domain, typeof Gen.Domain>>,
  Expect<Equal<typeof Miou.Trace, typeof Gen.Trace>>,
  Expect<Equal<typeof Miou.Cancelled, typeof Gen.Cancelled>>,
  Expect<Equal<typeof Miou.Not_owner, typeof Gen.Not_owner>>,
];

export type GeneratorStyle = [
  Expect<Equal<typeof Gen.run, <F extends () => unknown>(main: F, options?: RunOptions) => globalThis.Promise<Returned<F>>>>,
  Expect<Equal<typeof Gen.async, <F extends () => unknown>(fn: F, options?: SpawnOptions<Returned<F>>) => Operation<Promise<Returned<F>>>>>,
  Expect<Equal<typeof Gen.call, <F extends () => unknown>(fn: F, options?: CallOptions<Returned<F>>) => Operation<Promise<Returned<F>>>>>,
  // `parallel`'s helper types are not exported: its signature is pinned through instances.
  Expect<Equal<Parameters<typeof Gen.parallel<(a: number) => string>>, [fn: (a: number) => string, xs: readonly number[]]>>,
  Expect<Equal<Parameters<typeof Gen.parallel<() => Generator<unknown, string>>>, [fn: () => Generator<unknown, string>, xs: readonly unknown[]]>>,
  Expect<Equal<ReturnType<typeof Gen.parallel<(a: number) => Generator<unknown, string>>>, Operation<Result<string>[]>>>,
  Expect<Equal<ReturnType<typeof Gen.parallel<(a: number) => string>>, Operation<Result<string>[]>>>,
  Expect<Equal<typeof Gen.await_, <T>(p: Promise<T>) => Operation<Result<T>>>>,
  Expect<Equal<typeof Gen.await_exn, <T>(p: Promise<T>) => Operation<T>>>,
  Expect<Equal<typeof Gen.await_one, <T>(ps: Promise<T>[]) => Operation<Result<T>>>>,
  Expect<Equal<typeof Gen.await_first, <T>(ps: Promise<T>[]) => Operation<Result<T>>>>,
  Expect<Equal<typeof Gen.await_all, <T>(ps: Promise<T>[]) => Operation<Result<T>[]>>>,
  Expect<Equal<typeof Gen.cancel, (p: Promise<unknown>) => Operation<void>>>,
  Expect<Equal<typeof Gen.yield_, () => Operation<void>>>,
  Expect<Equal<typeof Gen.care, <T>(o: Orphans<T>) => Operation<Promise<T> | "pending" | undefined>>>,
  Expect<Equal<typeof Gen.take, <T>(o: Orphans<T>) => Operation<Promise<T> | undefined>>>,
  Expect<Equal<typeof Gen.get, <T>(o: Orphans<T>) => Operation<Result<T> | undefined>>>,
  Expect<Equal<typeof Gen.protect, <F extends () => unknown>(fn: F, handlers: ProtectHandlers) => Operation<Returned<F>>>>,
  Expect<Equal<typeof Gen.syscall, (name?: string) => Operation<Syscall>>>,
  Expect<Equal<typeof Gen.suspend, (s: Syscall, fn?: () => void) => Operation<void>>>,
  Expect<Equal<typeof Gen.await_promise, <T>(p: PromiseLike<T>) => Operation<T>>>,
  Expect<Equal<typeof Gen.Hook.add, (fn: () => void) => Operation<Hook>>>,
  Expect<Equal<typeof Gen.Hook.remove, (hook: Hook) => Operation<void>>>,
  Expect<Equal<typeof Gen.Ownership.own, (r: Resource<unknown>) => Operation<void>>>,
  Expect<Equal<typeof Gen.Ownership.create, <V>(value: V, finaliser: (value: V) => void) => Resource<V>>>,
  Expect<Equal<typeof Gen.Mutex.protect, <F extends () => unknown>(m: Mutex, fn: F) => Operation<Returned<F>>>>,
  Expect<Equal<typeof Gen.Mutex.try_lock, (m: Mutex) => Operation<boolean>>>,
  Expect<Equal<typeof Gen.Condition.wait, (c: Condition, m: Mutex) => Operation<void>>>,
  Expect<Equal<typeof Gen.Condition.signal, (c: Condition) => void>>,
  Expect<Equal<typeof Gen.Lazy.from_fun, <F extends () => unknown>(fn: F) => Lazy<Returned<F>>>>,
  Expect<Equal<typeof Gen.Lazy.force, <T>(l: Lazy<T>) => Operation<T>>>,
];
