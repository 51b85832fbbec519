/**
 * ring: 1,000 tasks pass a token around 100 times. Task i waits for the token, then hands it
 * to task i+1; task 0 starts with it. One operation is one hand-off (100,000 in all).
 *
 * Each peer passes the token through its own suspension primitive, with no lock or condition:
 * Miou's `syscall`/`suspend`/`wake`, a promise's resolver, an Effect latch, an Effection
 * action. A baton is a one-token mailbox: a token given before its owner waits is kept.
 */
import * as Miou from "miou/gen";
import { Effect, Fiber, Latch } from "effect";
import { action, run as effectionRun, spawn, type Operation, type Task } from "effection";
import { expect, type Workload } from "../workload.js";
import { buildPrograms, compiled, loadPrograms } from "../direct/build.js";

const TASKS = 1_000;
const ROUNDS = 100;

interface Baton<W> {
  waiting: W | null;
  full: boolean;
}

function batons<W>(): Baton<W>[] {
  return Array.from({ length: TASKS }, () => ({ waiting: null, full: false }));
}

/**
 * Passing the token on, counted; `give` is the peer's way to put it in a baton. In every peer,
 * task i > 0 takes then passes, and task 0 passes first and takes last, so every token given
 * is taken and the run ends with no task waiting.
 */
function members<W>(bs: Baton<W>[], give: (b: Baton<W>) => void) {
  let passes = 0;
  const pass = (i: number) => {
    passes += 1;
    give(bs[(i + 1) % TASKS]!);
  };
  return { pass, passes: () => passes };
}

// ---- Miou ------------------------------------------------------------------------------------

function giveMiou(b: Baton<Miou.Syscall>): void {
  const s = b.waiting;
  if (s === null) b.full = true;
  else {
    b.waiting = null;
    Miou.wake(s);
  }
}

function* takeGen(b: Baton<Miou.Syscall>): Generator<unknown, void, unknown> {
  if (b.full) return void (b.full = false);
  const s = yield* Miou.syscall();
  if (b.full) return void (b.full = false); // given while the syscall was being made
  b.waiting = s;
  yield* Miou.suspend(s);
}

function* ringGen(): Generator<unknown, number, unknown> {
  const bs = batons<Miou.Syscall>();
  const m = members(bs, giveMiou);
  const ps: Miou.Promise<void>[] = [];
  for (let i = 0; i < TASKS; i++)
    ps.push(
      yield* Miou.async(function* () {
        for (let r = 0; r < ROUNDS; r++) {
          if (i > 0) yield* takeGen(bs[i]!);
          m.pass(i);
          if (i === 0) yield* takeGen(bs[i]!);
        }
      }),
    );
  for (const p of ps) yield* Miou.await_exn(p);
  return m.passes();
}



// ---- native ----------------------------------------------------------------------------------

function giveCallback(b: Baton<() => void>): void {
  const w = b.waiting;
  if (w === null) b.full = true;
  else {
    b.waiting = null;
    w();
  }
}

function takeNative(b: Baton<() => void>): Promise<void> | undefined {
  if (b.full) return void (b.full = false);
  return new Promise<void>((resolve) => (b.waiting = resolve));
}

async function ringNative(): Promise<number> {
  const bs = batons<() => void>();
  const m = members(bs, giveCallback);
  const member = async (i: number) => {
    for (let r = 0; r < ROUNDS; r++) {
      if (i > 0) await takeNative(bs[i]!);
      m.pass(i);
      if (i === 0) await takeNative(bs[i]!);
    }
  };
  const ps: Promise<void>[] = [];
  for (let i = 0; i < TASKS; i++) ps.push(member(i));
  for (const p of ps) await p;
  return m.passes();
}

// ---- Effect and Effection --------------------------------------------------------------------

// Effect resumes a callback's fiber inside the caller, so a chain of 1,000 hand-offs made with
// `Effect.callback` nests 1,000 fibers on the JavaScript stack and overflows it. A latch
// opened from a fiber resumes its waiter through Effect's scheduler instead: the idiomatic
// hand-off between fibers.
const takeLatch = (l: Latch.Latch) =>
  Effect.gen(function* () {
    yield* l.await;
    yield* l.close;
  });

const ringEffect = Effect.gen(function* () {
  const ls: Latch.Latch[] = [];
  for (let i = 0; i < TASKS; i++) ls.push(yield* Latch.make(false));
  let passes = 0;
  const fs: Fiber.Fiber<void>[] = [];
  for (let i = 0; i < TASKS; i++)
    fs.push(
      yield* Effect.forkChild(
        Effect.gen(function* () {
          for (let r = 0; r < ROUNDS; r++) {
            if (i > 0) yield* takeLatch(ls[i]!);
            passes += 1;
            yield* ls[(i + 1) % TASKS]!.open;
            if (i === 0) yield* takeLatch(ls[i]!);
          }
        }),
      ),
    );
  for (const f of fs) yield* Fiber.join(f);
  return passes;
});

const takeEffection = (b: Baton<() => void>): Operation<void> =>
  action<void>((resolve) => {
    if (b.full) {
      b.full = false;
      resolve();
    } else b.waiting = resolve;
    return () => (b.waiting = null);
  });

function* ringEffection() {
  const bs = batons<() => void>();
  const m = members(bs, giveCallback);
  const ts: Task<void>[] = [];
  for (let i = 0; i < TASKS; i++)
    ts.push(
      yield* spawn(function* () {
        for (let r = 0; r < ROUNDS; r++) {
          if (i > 0) yield* takeEffection(bs[i]!);
          m.pass(i);
          if (i === 0) yield* takeEffection(bs[i]!);
        }
      }),
    );
  for (const t of ts) yield* t;
  return m.passes();
}

const checked = (run: () => Promise<number>) => async () => {
  expect("ring hand-offs", await run(), TASKS * ROUNDS);
  return TASKS * ROUNDS;
};

const workload: Workload = {
  name: "ring",
  operation: "one hand-off of the token (1,000 tasks x 100 rounds)",
  note:
    "A Miou hand-off through the suspension API is three scheduling points (`syscall`, `suspend`, and the woken task's turn), each a trip through the run queue; a native one is one microtask. Effect uses a latch: its callbacks resume a fiber inside the caller, which overflows the stack across 1,000 fibers.",
  measure: "time",
  prepare: buildPrograms,
  setup: loadPrograms,
  peers: {
    "miou-gen": { run: checked(() => Miou.run(ringGen)) },
    "miou-compiled": {
      run: checked(async () => {
        const P = compiled();
        const bs = batons<Miou.Syscall>();
        const m = members(bs, giveMiou);
        await Miou.run(() => P.ring(bs, m.pass, ROUNDS));
        return m.passes();
      }),
    },
    native: { run: checked(ringNative) },
    effect: { run: checked(() => Effect.runPromise(ringEffect)), iterations: 3 },
    effection: { run: checked(async () => effectionRun(ringEffection)), iterations: 3 },
  },
};
export default workload;
