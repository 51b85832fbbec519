/** ⏸ `call` and `parallel`: children on other domains (rule 6 in RULES.md; README, "Domains: parallel tasks"). */
import { suspending } from "../core/context.js";
import type { Resource } from "./ownership.js";
import type { Orphans } from "./orphans.js";
import type { DomainUid } from "../core/run.js";
import type { Operation, Promise, Result, Returned } from "../types.js";
import { CallOp, ParallelOp } from "../domains/remote.js";
import { checkOptions } from "./async.js";

export interface CallOptions<T> {
  /** The worker domain to run on; never dom0 nor the caller's own domain. */
  pin?: DomainUid;
  /** Resources whose obligation to release moves to the child (their finalisers stay on this domain). */
  give?: Resource<unknown>[];
  /** A collector the child is registered in. */
  orphans?: Orphans<T> | Orphans<unknown>;
}

/** What an element function of `parallel` produces: a generator's return value, or its result. */
export type Produced<F> = F extends (a: never) => Generator<unknown, infer R, any> ? R : F extends (a: never) => infer R ? R : never;

/** What `parallel` gives `fn`: its parameter's type (anything, for a function that takes none). */
export type Element<F> = F extends () => unknown ? unknown : F extends (a: infer A) => unknown ? A : never;

/**
 * ⏸ Creates a child task on another domain (a worker thread), chosen at random among the
 * workers other than the caller's, or `pin`. `fn` must be portable: a self-contained function
 * in generator style, or what the transformer registers in direct style.
 *
 * @example
 * ```ts
 * const p = yield* Miou.call(function* () { return 6 * 7; });
 * const v = yield* Miou.await_exn(p); // 42, computed on a worker
 * ```
 */
export function call<F extends () => unknown>(fn: F, options?: CallOptions<Returned<F>>): Operation<Promise<Returned<F>>> {
  suspending("call");
  if (typeof fn !== "function") throw new TypeError("Miou.call: expected a function (plain or generator)");
  checkOptions(options, "call", ["pin", "give", "orphans"]);
  return new CallOp(fn, options as CallOptions<unknown> | undefined) as unknown as Operation<Promise<Returned<F>>>;
}

/**
 * ⏸ Runs `fn` on every element of `xs`, spread round-robin over the workers other than the
 * caller's domain, and returns their outcomes in input order. A failing element does not
 * cancel the others.
 */
export function parallel<F extends (a: any) => unknown>(fn: F, xs: readonly Element<F>[]): Operation<Result<Produced<F>>[]> {
  suspending("parallel");
  if (typeof fn !== "function") throw new TypeError("Miou.parallel: expected a function (plain or generator) as first argument");
  if (!Array.isArray(xs)) throw new TypeError("Miou.parallel: expected an array as second argument");
  return new ParallelOp(fn, xs) as unknown as Operation<Result<Produced<F>>[]>;
}
