// The cost of cancelling n tasks, in operations (never wall time), run in its own process
// from the runtime's source, whose wait lists count the links they touch:
//   node --import tsx tests/reliability/_cancel-cost.ts <scenario> <n>
// Prints one JSON line: { scenario, n, links, steps } for the cancellations alone, where
// `links` counts wait-list links touched and `steps` counts task turns (trace `resume`s).
import * as Miou from "../../runtime/entry/node/gen.js";
import { waitListWork } from "../../runtime/core/wait-list.js";

type Scenario = (n: number) => Generator<unknown, void, unknown>;

let steps = 0;
/** Starts counting: only the cancellations are measured. */
function start(): void {
  steps = 0;
  waitListWork.links = 0;
}
let measured = { links: 0, steps: 0 };
function stop(): void {
  measured = { links: waitListWork.links, steps };
}

/** Lets every child reach the wait it will be cancelled in. */
function* settle(): Generator<unknown, void, unknown> {
  for (let i = 0; i < 4; i++) yield* Miou.yield_();
}

/** Newest first: a waiter searched for from the front of its queue is found last. */
function* cancelAll(ps: Miou.Promise<unknown>[]): Generator<unknown, void, unknown> {
  start();
  for (let i = ps.length - 1; i >= 0; i--) yield* Miou.cancel(ps[i]!);
  stop();
}

const scenarios: Record<string, Scenario> = {
  /** n tasks queued on a mutex the parent holds, cancelled one by one. */
  *mutex(n) {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    const ps: Miou.Promise<unknown>[] = [];
    for (let i = 0; i < n; i++)
      ps.push(
        yield* Miou.async(function* () {
          yield* Miou.Mutex.lock(m);
        }),
      );
    yield* settle();
    yield* cancelAll(ps);
    yield* Miou.Mutex.unlock(m);
  },
  /** n tasks waiting on a condition, cancelled one by one. */
  *condition(n) {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const ps: Miou.Promise<unknown>[] = [];
    for (let i = 0; i < n; i++)
      ps.push(
        yield* Miou.async(function* () {
          yield* Miou.Mutex.protect(m, () => Miou.Condition.wait(c, m));
        }),
      );
    yield* settle();
    yield* cancelAll(ps);
  },
  /** n tasks waiting for a lazy value another task is computing, cancelled one by one. */
  *lazy(n) {
    const l = Miou.Lazy.from_fun(function* () {
      const s = yield* Miou.syscall("never");
      yield* Miou.suspend(s);
    });
    const force = function* () {
      yield* Miou.Lazy.force(l);
    };
    const forcer = yield* Miou.async(force);
    yield* settle();
    const ps: Miou.Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) ps.push(yield* Miou.async(force));
    yield* settle();
    yield* cancelAll(ps);
    yield* Miou.cancel(forcer);
  },
  /** n busy siblings (each yields in a loop), cancelled one by one: each cancel is a scheduling point. */
  *"busy-one-by-one"(n) {
    const ps: Miou.Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) ps.push(yield* Miou.async(busy));
    yield* settle();
    yield* cancelAll(ps);
  },
  /** n busy siblings under one task, cancelled at once by cancelling that task. */
  *"busy-group"(n) {
    const group = yield* Miou.async(function* () {
      for (let i = 0; i < n; i++) yield* Miou.async(busy);
      for (;;) yield* Miou.yield_();
    });
    for (let i = 0; i < 4; i++) yield* Miou.yield_();
    start();
    yield* Miou.cancel(group);
    stop();
  },
};

function* busy(): Generator<unknown, void, unknown> {
  for (;;) yield* Miou.yield_();
}

const [name = "", nText = "0"] = process.argv.slice(2);
const scenario = scenarios[name];
const n = Number(nText);
if (scenario === undefined || !(n > 0)) throw new Error(`_cancel-cost.ts: usage: <${Object.keys(scenarios).join("|")}> <n>`);
await Miou.run(() => scenario(n), {
  trace: (e) => {
    if (e.kind === "resume") steps += 1;
  },
});
console.log(JSON.stringify({ scenario: name, n, ...measured }));
