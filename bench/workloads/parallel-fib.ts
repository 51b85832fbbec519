/**
 * parallel-fib: naive recursive fib over eight inputs, spread over the worker domains with
 * `Miou.parallel`, once on one worker domain (`run({ domains: 1 })`: every element goes to the
 * single worker) and once on two. Both rows do the same work and check every result; the
 * speed-up (time on one domain / time on two) is a target. One operation is one element.
 *
 * The inputs come in equal pairs, so that `parallel`'s round-robin (element i to worker
 * i mod 2) gives both workers the same load. The native peer is raw `worker_threads`: one or
 * two threads running the same function text, each element posted round-robin the same way.
 *
 * Workers start at the first sample of a measuring process and are kept for later runs: the
 * untimed warm-up samples start them and let their JIT settle, so the timed samples see warm
 * workers.
 */
import * as Miou from "miou/gen";
import { fibElement } from "../self-contained.mjs";
import { RawWorker } from "../threads.js";
import { expect, type Workload } from "../workload.js";

const INPUTS = [34, 34, 33, 33, 32, 32, 31, 31];

function fibFast(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

const EXPECTED = INPUTS.map(fibFast);

function check(values: readonly unknown[]): number {
  expect("parallel-fib elements", values.length, INPUTS.length);
  values.forEach((v, i) => expect(`fib(${INPUTS[i]})`, v, EXPECTED[i]));
  return INPUTS.length;
}

function* mainGen(): Generator<unknown, unknown[], unknown> {
  const results = yield* Miou.parallel(fibElement, INPUTS);
  return results.map((r) => (r.ok ? r.value : r.error));
}

function parallelFib(domains: 1 | 2): Workload {
  let workers: RawWorker[] | null = null;
  return {
    name: `parallel-fib-${domains}`,
    operation: `one fib element of ${INPUTS.length} (fib ${INPUTS.join(", ")}) by naive recursion, on ${domains === 1 ? "one worker domain" : "two worker domains"}`,
    note:
      domains === 1
        ? "Miou: `Miou.parallel` in a run with `domains: 1`; native: one raw worker thread running the same function text. Miou's element function crosses by its source text, which the worker evaluates again (in strict mode) for each element."
        : "The same elements on two workers (`domains: 2`; native: two raw threads). Miou's speed-up over the row above is a target; the native peer's is what the machine allowed during the run (a busy core takes it from both).",
    measure: "time",
    teardown: async () => {
      for (const w of workers ?? []) await w.terminate();
    },
    peers: {
      "miou-gen": { run: async () => check(await Miou.run(mainGen, { domains })) },
      native: {
        run: async () => {
          const pool = (workers ??= Array.from({ length: domains }, () => new RawWorker(fibElement.toString())));
          return check(await Promise.all(INPUTS.map((n, i) => pool[i % domains]!.request(n))));
        },
      },
    },
  };
}

export default [parallelFib(1), parallelFib(2)];
