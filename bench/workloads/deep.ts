/**
 * deep: a task recurses through suspending functions, N levels deep, and suspends once (a
 * yield) at each level before going one level deeper. One operation is one suspension, taken
 * with every enclosing level still waiting for its callee.
 *
 * In generator style each level is a `yield*` around the next, and V8 resumes a suspension by
 * re-entering every level of the chain, so a suspension costs O(depth) there (Effection the
 * same). The compiled protocol keeps the levels on the task's own stack and resumes only the
 * innermost one: its cost per suspension must not grow with depth, which the 100,000-level
 * row checks. That row leaves out the peers whose cost grows with depth.
 */
import * as Miou from "miou/gen";
import { Effect } from "effect";
import { run as effectionRun, type Operation } from "effection";
import { effectionYield } from "../support.js";
import { expect, type Case, type PeerName, type Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";


function* deepGen(n: number): Generator<unknown, number, unknown> {
  yield* Miou.yield_();
  return n === 0 ? 0 : 1 + (yield* deepGen(n - 1));
}


async function deepNative(n: number): Promise<number> {
  await null;
  return n === 0 ? 0 : 1 + (await deepNative(n - 1));
}

const deepEffect = (n: number): Effect.Effect<number> =>
  Effect.gen(function* () {
    yield* Effect.yieldNow;
    return n === 0 ? 0 : 1 + (yield* deepEffect(n - 1));
  });

function* deepEffection(n: number): Operation<number> {
  yield* effectionYield();
  return n === 0 ? 0 : 1 + (yield* deepEffection(n - 1));
}

const runs: Record<PeerName, (n: number) => Promise<number>> = {
  "miou-gen": (n) => Miou.run(() => deepGen(n)),
  "miou-compiled": async (n) => {
    const P = compiled();
    return Miou.run(() => P.deep(n));
  },
  native: deepNative,
  effect: (n) => Effect.runPromise(deepEffect(n)),
  effection: async (n) => effectionRun(() => deepEffection(n)),
};

/**
 * The workload at one depth. A sample runs the recursion `repeat` times, so that a shallow
 * one still lasts long enough for the JIT to settle during the warm-up samples.
 */
function deep(levels: number, repeat: number, peers: Partial<Record<PeerName, Partial<Case>>>): Workload {
  const cases: Partial<Record<PeerName, Case>> = {};
  for (const [peer, options] of Object.entries(peers) as [PeerName, Partial<Case>][]) {
    const run = runs[peer];
    cases[peer] = {
      ...options,
      run: async () => {
        // levels n..0 each suspend once
        for (let k = 0; k < repeat; k++) expect("deep levels", await run(levels - 1), levels - 1);
        return levels * repeat;
      },
    };
  }
  return {
    name: `deep-${levels / 1000}k`,
    operation: `one suspension inside a ${levels.toLocaleString("en")}-level recursion`,
    note:
      levels >= 10_000
        ? "Generator style (`yield*`) resumes every level of the chain at each suspension, and V8's stack overflows at this depth; the compiled protocol resumes only the innermost frame."
        : undefined,
    measure: "time",
    prepare: buildPrograms,
    setup: loadPrograms,
    peers: cases,
  };
}

const slow = { iterations: 3 };

export default [
  deep(1_000, 20, { "miou-gen": slow, "miou-compiled": {}, native: {}, effect: slow, effection: slow }),
  deep(10_000, 5, { "miou-gen": slow, "miou-compiled": {}, native: {}, effect: slow, effection: slow }),
  deep(100_000, 1, { "miou-compiled": {}, native: {}, effect: slow }),
];
