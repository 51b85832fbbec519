/**
 * memory: the heap a parked task costs. 100,000 tasks each park (Miou: in `suspend` on a
 * syscall of their own), and the live heap is measured before and after, with full
 * collections; the result is bytes per parked task: the task record, its frames, and the token
 * that can wake it.
 *
 * Every parked task stays reachable, as it must to be woken: a native task awaits a promise
 * whose resolver is kept, and the others are held by their runtime. The array of handles is
 * made before the first measurement, so it is not counted. Every peer's child body is one
 * shared function: in V8 a closure that has run carries a few hundred bytes of its own
 * (measured: 64 bytes before its first call, about 300 after), which would measure the
 * closures, not the runtimes.
 */
import * as Miou from "miou/gen";
import { Effect, Fiber } from "effect";
import { run as effectionRun, sleep, spawn, suspend, type Task } from "effection";
import { liveHeap } from "../support.js";
import type { Case, Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";

const N = 100_000;
/** Effection spends about 0.1 ms and tens of kilobytes per task: a tenth of the tasks is enough. */
const N_EFFECTION = 10_000;

/** Children that have counted themselves just before parking. */
let parked = 0;

function* childGen(): Generator<unknown, void, unknown> {
  const s = yield* Miou.syscall();
  parked += 1;
  yield* Miou.suspend(s);
}

function* parkedGen(n: number): Generator<unknown, number, unknown> {
  const ps: Miou.Promise<void>[] = new Array(n);
  parked = 0;
  const before = liveHeap();
  for (let i = 0; i < n; i++) ps[i] = yield* Miou.async(childGen);
  // Once every child counted itself, one more turn lets the last `suspend`s be serviced.
  while (parked < n) yield* Miou.yield_();
  yield* Miou.yield_();
  const bytes = (liveHeap() - before) / n;
  for (const p of ps) yield* Miou.cancel(p);
  return bytes;
}



async function childNative(wakers: (() => void)[], i: number): Promise<void> {
  await new Promise<void>((resolve) => (wakers[i] = resolve));
}

async function parkedNative(n: number): Promise<number> {
  const ps: Promise<void>[] = new Array(n);
  const wakers: (() => void)[] = new Array(n);
  const before = liveHeap();
  for (let i = 0; i < n; i++) ps[i] = childNative(wakers, i);
  const bytes = (liveHeap() - before) / n;
  for (const wake of wakers) wake();
  for (const p of ps) await p;
  return bytes;
}

const childEffect = Effect.gen(function* () {
  parked += 1;
  return yield* Effect.never;
});

const parkedEffect = (n: number) =>
  Effect.gen(function* () {
    const fs: Fiber.Fiber<never>[] = new Array(n);
    parked = 0;
    const before = liveHeap();
    for (let i = 0; i < n; i++) fs[i] = yield* Effect.forkChild(childEffect);
    while (parked < n) yield* Effect.yieldNow;
    yield* Effect.yieldNow;
    const bytes = (liveHeap() - before) / n;
    yield* Fiber.interruptAll(fs);
    return bytes;
  });

function* childEffection() {
  parked += 1;
  yield* suspend();
}

function* parkedEffection(n: number) {
  const ts: Task<void>[] = new Array(n);
  parked = 0;
  const before = liveHeap();
  for (let i = 0; i < n; i++) ts[i] = yield* spawn(childEffection);
  // Effection runs a parent before its children: the parent waits on a timer to let them run.
  while (parked < n) yield* sleep(0);
  yield* sleep(0);
  const bytes = (liveHeap() - before) / n;
  for (const t of ts) yield* t.halt();
  return bytes;
}

const few = (run: (n: number) => Promise<number>, n = N): Case => ({ run: () => run(n), iterations: 3 });

const workload: Workload = {
  name: "memory",
  operation: "live heap per parked task (100,000 parked; Effection 10,000)",
  note:
    "Each peer's child body is one shared function, so closures are not counted.",
  measure: "bytes",
  prepare: buildPrograms,
  setup: loadPrograms,
  peers: {
    "miou-gen": few((n) => Miou.run(() => parkedGen(n))),
    "miou-compiled": few(async (n) => {
      const P = compiled();
      return Miou.run(() => P.parked(n, liveHeap));
    }),
    native: few(parkedNative),
    effect: few((n) => Effect.runPromise(parkedEffect(n))),
    effection: few(async (n) => effectionRun(() => parkedEffection(n)), N_EFFECTION),
  },
};
export default workload;
