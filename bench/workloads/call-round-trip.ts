/**
 * call-round-trip: the latency of `Miou.call` to a warm worker domain. A run with one worker
 * domain makes 2,000 calls in a row, each a task that does nothing, awaiting each before the
 * next. One operation is one round trip: the `spawn` message out, the task's run on the worker,
 * the `settled` message back, the caller resumed.
 *
 * The native peer is the cheapest round trip Node has: `postMessage` of a number to a raw
 * worker thread that echoes it, awaiting each reply before the next post, 2,000 in a row.
 * Both start their worker during the untimed warm-up samples, so the timed ones are warm.
 */
import * as Miou from "miou/gen";
import { nothing } from "../self-contained.mjs";
import { RawWorker } from "../threads.js";
import { expect, type Workload } from "../workload.js";

const N = 2_000;

function* callsGen(): Generator<unknown, number, unknown> {
  let done = 0;
  for (let i = 0; i < N; i++) {
    const p = yield* Miou.call(nothing);
    if ((yield* Miou.await_exn(p)) === undefined) done += 1;
  }
  return done;
}

let echo: RawWorker | null = null;

async function echoes(): Promise<number> {
  const w = (echo ??= new RawWorker("(m) => m"));
  let done = 0;
  for (let i = 0; i < N; i++) if ((await w.request(i)) === i) done += 1;
  return done;
}

const checked = (run: () => Promise<number>) => async () => {
  expect("round trips", await run(), N);
  return N;
};

const workload: Workload = {
  name: "call-round-trip",
  operation: `one round trip to a warm worker: \`Miou.call\` of a task that does nothing, then \`await_exn\` (${N.toLocaleString("en")} in a row, \`domains: 1\`)`,
  note: "Native: `postMessage` of a number to a raw worker thread that echoes it, awaiting the reply before the next post.",
  measure: "time",
  teardown: async () => {
    await echo?.terminate();
  },
  peers: {
    "miou-gen": { run: checked(() => Miou.run(callsGen, { domains: 1 })) },
    native: { run: checked(echoes) },
  },
};
export default workload;
