/**
 * spawn-join: a parent spawns 100,000 children that each return a number, then awaits them one
 * by one, in order. One operation is one child: its creation, its run and its join.
 *
 * The native peer calls an async function per child and awaits its promise; the children are
 * the same trivial closure everywhere.
 */
import * as Miou from "miou/gen";
import { Effect, Fiber } from "effect";
import { run as effectionRun, spawn, type Operation, type Task } from "effection";
import { expect, type Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";

const N = 100_000;
const SUM = (N * (N - 1)) / 2;

function* parentGen(): Generator<unknown, number, unknown> {
  const ps: Miou.Promise<number>[] = new Array(N);
  for (let i = 0; i < N; i++) ps[i] = yield* Miou.async(() => i);
  let sum = 0;
  for (let i = 0; i < N; i++) sum += yield* Miou.await_exn(ps[i]!);
  return sum;
}


async function parentNative(): Promise<number> {
  const ps: Promise<number>[] = new Array(N);
  for (let i = 0; i < N; i++) ps[i] = (async () => i)();
  let sum = 0;
  for (let i = 0; i < N; i++) sum += await ps[i]!;
  return sum;
}

const parentEffect = Effect.gen(function* () {
  const fs: Fiber.Fiber<number>[] = new Array(N);
  for (let i = 0; i < N; i++) fs[i] = yield* Effect.forkChild(Effect.sync(() => i));
  let sum = 0;
  for (let i = 0; i < N; i++) sum += yield* Fiber.join(fs[i]!);
  return sum;
});

function* parentEffection(): Operation<number> {
  const ts: Task<number>[] = new Array(N);
  for (let i = 0; i < N; i++)
    ts[i] = yield* spawn(function* () {
      return i;
    });
  let sum = 0;
  for (let i = 0; i < N; i++) sum += yield* ts[i]!;
  return sum;
}

const checked = (run: () => Promise<number>) => async () => {
  expect("spawn-join sum", await run(), SUM);
  return N;
};

const workload: Workload = {
  name: "spawn-join",
  operation: "spawn one child, run it, await it (100,000 children)",
  note:
    "In Miou a child is three turns of the scheduler (the parent's `async`, the child's run, the parent's `await_exn`) and a task record that lives until it is awaited; a native child is a promise.",
  measure: "time",
  prepare: buildPrograms,
  setup: loadPrograms,
  peers: {
    "miou-gen": { run: checked(() => Miou.run(parentGen)) },
    "miou-compiled": { run: checked(async () => { const P = compiled(); return Miou.run(() => P.spawnJoin(N)); }) },
    native: { run: checked(parentNative) },
    effect: { run: checked(() => Effect.runPromise(parentEffect)), iterations: 3 },
    // Effection spends about 0.2 ms per spawned task: two samples of 100,000 take most of a minute.
    effection: { run: checked(async () => effectionRun(parentEffection)), iterations: 2, warmup: 0 },
  },
};
export default workload;
