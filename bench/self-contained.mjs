/**
 * Functions the domain workloads send to worker domains in generator style (`miou/gen`), where
 * a function crosses by its source text and must be self-contained (README, "Domains: parallel tasks").
 *
 * They live in plain JavaScript because tsx, which runs the bench, compiles TypeScript with
 * esbuild's `keepNames`: a named local function such as the recursive `fib` below comes out
 * followed by `__name(fib, "fib")`, a helper that exists in the module but not on the worker,
 * so the source would no longer be self-contained. Node loads `.mjs` files as they are. Types:
 * `self-contained.d.mts`.
 */

/** fib(n) by naive recursion: CPU only, about 1.6x the time of fib(n - 1). */
export const fibElement = (n) => {
  function fib(k) {
    return k < 2 ? k : fib(k - 1) + fib(k - 2);
  }
  return fib(n);
};

/** A task that does nothing. */
export const nothing = () => undefined;
