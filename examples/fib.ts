/**
 * Naive Fibonacci numbers computed on the worker domains with `Miou.parallel`.
 *
 *     npx miou run examples/fib.ts 30 31 32 33
 *
 * `fib` is a module-level function, so it is portable: each worker loads this module once and
 * runs `fib` there. The code after `await Miou.run(...)` runs only on the main thread.
 */
import * as Miou from "miou";

/** CPU-bound on purpose: no scheduling point, just work for a core. */
function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const inputs = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [27, 28, 29, 30];

const results = await Miou.run(() => {
  // One element per task, spread round-robin over the workers; outcomes in input order.
  const outcomes = Miou.parallel(fib, inputs);
  return outcomes.map((r) => {
    if (!r.ok) throw r.error;
    return r.value;
  });
});

inputs.forEach((n, i) => console.log(`fib(${n}) = ${results[i]}`));
