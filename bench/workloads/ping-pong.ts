/**
 * ping-pong: two tasks each yield to the scheduler 1,000,000 times, so they alternate. One
 * operation is one yield.
 *
 * Natively a yield is `await null` (one microtask turn); in Effect `Effect.yieldNow`; in
 * Effection an action that settles at once (see `effectionYield`).
 */
import * as Miou from "miou/gen";
import { Effect, Fiber } from "effect";
import { run as effectionRun, spawn } from "effection";
import { effectionYield } from "../support.js";
import { expect, type Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";

const N = 1_000_000;

function* playerGen(n: number): Generator<unknown, number, unknown> {
  let i = 0;
  for (; i < n; i++) yield* Miou.yield_();
  return i;
}

function* mainGen(n: number): Generator<unknown, number, unknown> {
  const a = yield* Miou.async(() => playerGen(n));
  const b = yield* Miou.async(() => playerGen(n));
  return (yield* Miou.await_exn(a)) + (yield* Miou.await_exn(b));
}



async function playerNative(n: number): Promise<number> {
  let i = 0;
  for (; i < n; i++) await null;
  return i;
}

async function mainNative(n: number): Promise<number> {
  const a = playerNative(n);
  const b = playerNative(n);
  return (await a) + (await b);
}

const playerEffect = (n: number) =>
  Effect.gen(function* () {
    let i = 0;
    for (; i < n; i++) yield* Effect.yieldNow;
    return i;
  });

const mainEffect = (n: number) =>
  Effect.gen(function* () {
    const a = yield* Effect.forkChild(playerEffect(n));
    const b = yield* Effect.forkChild(playerEffect(n));
    return (yield* Fiber.join(a)) + (yield* Fiber.join(b));
  });

function* playerEffection(n: number) {
  let i = 0;
  for (; i < n; i++) yield* effectionYield();
  return i;
}

function* mainEffection(n: number) {
  const a = yield* spawn(() => playerEffection(n));
  const b = yield* spawn(() => playerEffection(n));
  return (yield* a) + (yield* b);
}

/** Runs `n` yields per player and reports the 2n operations. */
const checked = (run: (n: number) => Promise<number>, n = N) => async () => {
  expect("ping-pong yields", await run(n), 2 * n);
  return 2 * n;
};

const workload: Workload = {
  name: "ping-pong",
  operation: "one yield to the scheduler (2 tasks x 1,000,000)",
  note:
    "Natively a yield is `await null`; Effect: `Effect.yieldNow`; Effection: an action that settles at once (`sleep(0)` would measure a timer).",
  measure: "time",
  prepare: buildPrograms,
  setup: loadPrograms,
  peers: {
    "miou-gen": { run: checked((n) => Miou.run(() => mainGen(n))) },
    "miou-compiled": { run: checked(async (n) => { const P = compiled(); return Miou.run(() => P.pingPong(n)); }) },
    native: { run: checked(mainNative) },
    effect: { run: checked((n) => Effect.runPromise(mainEffect(n))), iterations: 3 },
    effection: { run: checked(async (n) => effectionRun(() => mainEffection(n))), iterations: 3 },
  },
};
export default workload;
