/**
 * How `miou` gives `miou/gen`'s function objects their direct-style types, derived from the
 * generator-style ones. In direct style a ⏸ call such as `await_exn(p)` is declared to return
 * what `yield* await_exn(p)` returns; the transformer makes that true by compiling the call into
 * a suspension, and without it the call throws a `TypeError` saying how to enable it. This file
 * is the one place that promise is stated: every helper returns its argument itself (so both
 * entry points hand out the very same objects) and no other file re-types a function.
 *
 * @example
 * ```ts
 * // runtime/index.ts: the type is `Suspending<<T>(p: Promise<T>) => T>`, generics kept.
 * export const await_exn = suspends(direct(gen.await_exn));
 * ```
 */
import type { Suspending } from "./brand.js";
import type { Operation } from "./types.js";

type AnyFunction = (...a: never[]) => unknown;

/**
 * A ⏸ function read in direct style: `(...a) => Operation<T>` becomes `(...a) => T`. The compiler
 * carries the function's own type parameters over (inference of generic function arguments), so
 * `<T>(p: Promise<T>) => Operation<T>` becomes `<T>(p: Promise<T>) => T`.
 */
export function direct<A extends unknown[], T>(op: (...a: A) => Operation<T>): (...a: A) => T;
export function direct(op: AnyFunction): AnyFunction {
  return op;
}

/**
 * Adds the ⏸ brand the transformer recognises. A separate step from `direct`: a branded result
 * type is not a plain function type, and the compiler would then erase the type parameters.
 */
export function suspends<F>(fn: F): Suspending<F>;
export function suspends<F>(fn: F): F {
  return fn;
}

/** `D` with its type parameters erased, and its result read through `Op`: what `miou/gen`'s function must accept and return. */
type Erased<D extends AnyFunction, R> = (...a: Parameters<D>) => R;

/**
 * A ⏸ function whose direct-style signature differs beyond its result: the functions it takes
 * are written `() => T` where `miou/gen` takes either style (`F` and `Returned<F>`). `D` is the
 * direct-style type; the compiler checks `op` against it with type parameters erased (same
 * parameters, an `Operation` of the same result), and `tests/types/api-types.ts` pins `D` itself.
 */
export function suspendsAs<D extends AnyFunction>(op: Erased<D, Operation<ReturnType<D>>>): D;
export function suspendsAs(op: AnyFunction): AnyFunction {
  return op;
}

/** The same for a plain function that takes suspending ones (`run`, `Lazy.from_fun`): same parameters, same result. */
export function plainAs<D extends AnyFunction>(fn: Erased<D, ReturnType<D>>): D;
export function plainAs(fn: AnyFunction): AnyFunction {
  return fn;
}

/**
 * `ns` itself (one of `miou/gen`'s frozen namespaces), typed as what `build` makes of it. `build`
 * must give every member of `ns` and nothing else, each the very same function (through the
 * helpers above): checked here, once, when the module loads, so the direct-style namespace is
 * `miou/gen`'s object and its members' types and TSDoc are `build`'s.
 */
export function view<N extends object, D extends object>(ns: N, build: (ns: N) => D): D;
export function view(ns: object, build: (ns: object) => object): object {
  const own = new Map(Object.entries(ns));
  const built = Object.entries(build(ns));
  if (built.length !== own.size || built.some(([k, v]) => own.get(k) !== v))
    throw new Error(`miou: a direct-style namespace must hand out miou/gen's own members (${[...own.keys()].join(", ")})`);
  return ns;
}
