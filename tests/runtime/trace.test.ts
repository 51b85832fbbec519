// Trace (README, "Tracing"): the events `run({ trace })` receives, and `Trace.toChrome`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { rejection, virtualClock } from "../helpers.js";

type Body = Parameters<typeof Miou.run>[0];

async function traced(main: Body, options: Miou.RunOptions = {}) {
  const events: Miou.TraceEvent[] = [];
  let outcome: { ok: boolean; value: unknown };
  try {
    outcome = { ok: true, value: await Miou.run(main, { ...options, trace: (e) => events.push(e) }) };
  } catch (e) {
    outcome = { ok: false, value: e };
  }
  return { events, outcome, kinds: events.map((e) => `${e.task}:${e.kind}`) };
}

/** The trace's grammar: each task's events are `spawn (turn)* end`, a turn closed exactly once. */
function wellFormed(events: readonly Miou.TraceEvent[]): void {
  const state = new Map<number, "idle" | "running" | "unwinding" | "ended">();
  for (const e of events) {
    const s = state.get(e.task);
    const where = `task ${e.task}: ${e.kind} while ${s ?? "unborn"}`;
    if (e.kind === "spawn") assert.is(s, undefined, where);
    else assert.ok(s !== undefined && s !== "ended", where);
    if (e.kind === "resume") assert.is(s, "idle", where);
    if (["yield", "suspend", "resolve", "fail"].includes(e.kind)) assert.is(s, "running", where);
    if (e.kind === "cancel") assert.is(s, "idle", where);
    if (e.kind === "cancelled") assert.is(s, "unwinding", where);
    const next =
      e.kind === "resume" ? "running"
      : e.kind === "cancel" ? "unwinding"
      : ["resolve", "fail", "cancelled"].includes(e.kind) ? "ended"
      : e.kind === "yield" || e.kind === "suspend" || e.kind === "spawn" ? "idle"
      : s!;
    state.set(e.task, next);
  }
  for (const [task, s] of state) assert.is(s, "ended", `task ${task} never ended`);
}

test("async, yield_, await: the order of spawn, resume, yield, suspend and resolve", async () => {
  const { kinds, events } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      return 1;
    });
    return yield* Miou.await_exn(p);
  });
  assert.equal(kinds, [
    "1:spawn",
    "1:resume", "1:yield", //          the body runs to `async`
    "1:resume", "2:spawn", "1:yield", // `async` serviced: the child exists; on to `await_exn`
    "2:resume", "2:yield", //          the child's first turn, to `yield_`
    "1:resume", "1:suspend", //        `await_exn`: the child runs, the root parks
    "2:resume", "2:resolve", //        `yield_` serviced, the child returns and wakes the root
    "1:resume", "1:resolve",
  ]);
  wellFormed(events);
});

test("parent is the creating task's uid, absent for the root; domain is 0", async () => {
  const { events } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      const q = yield* Miou.async(() => 3);
      return yield* Miou.await_exn(q);
    });
    return yield* Miou.await_exn(p);
  });
  const parents = new Map(events.map((e) => [e.task, e.parent]));
  assert.equal([...parents], [[1, undefined], [2, 1], [3, 2]]);
  assert.ok(events.every((e) => e.domain === 0 && !("parent" in e && e.parent === undefined)));
  assert.ok(events.every((e, i) => i === 0 || e.time >= events[i - 1]!.time), "time never goes back");
});

test("quanta: a turn services up to `quanta` operations, and one that services yield_ ends early", async () => {
  function* main() {
    const r = Miou.Ownership.create<unknown>(0, () => {});
    yield* Miou.Ownership.own(r);
    yield* Miou.Ownership.check(r);
    yield* Miou.Ownership.release(r);
    yield* Miou.yield_();
    yield* Miou.yield_();
    return 0;
  }
  const turns = (kinds: string[]) => kinds.filter((k) => k === "1:resume").length;
  const one = await traced(main, { quanta: 1 });
  // Quanta 1: the first run, then one turn per operation (own, check, release, yield_, yield_).
  assert.is(turns(one.kinds), 6);
  const two = await traced(main, { quanta: 2 });
  // Quanta 2: first run; own + check; release + the first yield_, which ends that turn; the last yield_.
  assert.is(turns(two.kinds), 4);
  assert.equal(two.kinds.slice(-3), ["1:yield", "1:resume", "1:resolve"]);
  wellFormed(one.events);
  wellFormed(two.events);
});

test("cancel: the subtree is torn down, children first, with cancel then cancelled", async () => {
  const { kinds, events } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      const q = yield* Miou.async(function* () {
        for (;;) yield* Miou.yield_();
      });
      yield* Miou.await_(q);
    });
    for (let i = 0; i < 4; i++) yield* Miou.yield_();
    yield* Miou.cancel(p);
    return 0;
  });
  // The turn that services `cancel` tears the subtree down, then the root returns.
  assert.equal(kinds.slice(-6), ["1:resume", "3:cancel", "3:cancelled", "2:cancel", "2:cancelled", "1:resolve"]);
  wellFormed(events);
});

test("a task that never started is cancelled without a resume", async () => {
  const { kinds, events } = await traced(
    function* () {
      const p = yield* Miou.async(() => 1);
      yield* Miou.cancel(p); // quanta 2: serviced in the same turn as `async`, before the child runs
      return 0;
    },
    { quanta: 2 },
  );
  assert.equal(kinds.filter((k) => k.startsWith("2:")), ["2:spawn", "2:cancel", "2:cancelled"]);
  wellFormed(events);
});

test("fail: an error ends the task; a failing parent's children are cancelled before its fail", async () => {
  const { kinds, events, outcome } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.async(function* () {
        for (;;) yield* Miou.yield_();
      });
      yield* Miou.yield_();
      throw new Error("boom");
    });
    const r = yield* Miou.await_(p);
    return r.ok;
  });
  assert.equal(outcome, { ok: true, value: false });
  const end = kinds.indexOf("2:fail");
  assert.equal(kinds.slice(end - 2, end + 1), ["3:cancel", "3:cancelled", "2:fail"]);
  assert.equal(kinds.slice(-2), ["1:resume", "1:resolve"]);
  wellFormed(events);
});

test("a task ending with an uncatchable error reports fail, and what is left is cancelled", async () => {
  const { kinds, events, outcome } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.async(() => clockless());
      return 1; // forgot its child: Still_has_children
    });
    return yield* Miou.await_exn(p);
  });
  assert.not.ok(outcome.ok);
  assert.instance(outcome.value, Miou.Still_has_children);
  assert.ok(kinds.includes("2:fail"), kinds.join(" "));
  wellFormed(events);
});

function* clockless(): Generator<unknown, void, unknown> {
  for (;;) yield* Miou.yield_();
}

test("syscall and signal with a custom event source", async () => {
  const clock = virtualClock();
  const { kinds, events } = await traced(
    function* () {
      const p = yield* Miou.async(() => clock.sleep(5));
      yield* Miou.await_exn(p);
      return clock.now();
    },
    { events: clock.events },
  );
  assert.equal(kinds.filter((k) => k.startsWith("2:")), [
    "2:spawn",
    "2:resume", "2:yield", //                   to `syscall`
    "2:resume", "2:syscall", "2:yield", //      the token is made; on to `suspend`
    "2:resume", "2:suspend", //                 parked
    "2:signal", //                              the clock's select returns its signal
    "2:resume", "2:resolve",
  ]);
  wellFormed(events);
});

test("a syscall woken after its task was cancelled signals nothing", async () => {
  let token: Miou.Syscall | undefined;
  const { kinds, events } = await traced(function* () {
    const p = yield* Miou.async(function* () {
      token = yield* Miou.syscall("never");
      yield* Miou.suspend(token);
    });
    for (let i = 0; i < 4; i++) yield* Miou.yield_();
    yield* Miou.cancel(p);
    Miou.wake(token!);
    return 0;
  });
  assert.not.ok(kinds.includes("2:signal"), kinds.join(" "));
  assert.ok(kinds.includes("2:cancelled"));
  wellFormed(events);
});

test("a failing run rejects once its tasks' ends are all in the trace", async () => {
  const clock = virtualClock();
  const events: Miou.TraceEvent[] = [];
  const e = await rejection(
    Miou.run(
      function* () {
        yield* Miou.async(() => clock.sleep(1));
        yield* Miou.yield_();
        throw new Error("root fails");
      },
      { events: clock.events, trace: (x) => events.push(x) },
    ),
  );
  assert.is(e.message, "root fails");
  assert.equal(events.slice(-3).map((x) => `${x.task}:${x.kind}`), ["2:cancel", "2:cancelled", "1:fail"]);
  wellFormed(events);
});

test("a trace callback that throws ends the run with its error, after the teardown", async () => {
  for (const [kind, nth] of [["spawn", 2], ["signal", 3], ["resume", 9], ["yield", 7]] as const) {
    let started = false;
    let cleaned = false;
    let n = 0;
    const e = await rejection(
      Miou.run(
        function* () {
          const p = yield* Miou.async(function* () {
            started = true;
            try {
              for (;;) yield* Miou.await_promise(Promise.resolve(0));
            } finally {
              cleaned = true;
            }
          });
          return yield* Miou.await_exn(p);
        },
        { trace: (ev) => { if (ev.kind === kind && ++n === nth) throw new Error(`trace broke at ${kind}`); } },
      ),
    );
    assert.is(e.message, `trace broke at ${kind}`);
    assert.type(e.seed, "string");
    assert.is(cleaned, started, `a task that started was torn down (${kind})`);
    assert.is(started, kind !== "spawn");
  }
});

// ---- Trace.toChrome -------------------------------------------------------------------------

const at = (time: number, task: number, kind: Miou.TraceKind, parent?: number): Miou.TraceEvent =>
  parent === undefined ? { time, domain: 0, task, kind } : { time, domain: 0, task, parent, kind };

test("toChrome: life and run slices in microseconds, instants, names", () => {
  const { traceEvents } = Miou.Trace.toChrome([
    at(1.0, 1, "spawn"), at(1.5, 1, "resume"), at(2.0, 2, "spawn", 1), at(2.5, 1, "yield"),
    at(3.0, 2, "resume", 1), at(3.25, 2, "syscall", 1), at(3.5, 2, "suspend", 1),
    at(4.0, 1, "resume"), at(4.5, 1, "suspend"), at(5.0, 2, "signal", 1),
    at(5.5, 2, "resume", 1), at(6.0, 2, "resolve", 1), at(6.5, 1, "resume"), at(7.0, 1, "resolve"),
  ]);
  const x = (tid: number) => traceEvents.filter((e) => e.ph === "X" && e.tid === tid).map((e) => [e.name, e.ts, e.dur]);
  assert.equal(x(1), [["task 1", 0, 6000], ["run", 500, 1000], ["run", 3000, 500], ["run", 5500, 500]]);
  assert.equal(x(2), [["task 2", 1000, 4000], ["run", 2000, 500], ["run", 4500, 500]]);
  const instants = traceEvents.filter((e) => e.ph === "i").map((e) => [e.name, e.tid, e.ts, e.s]);
  assert.equal(instants, [["syscall", 2, 2250, "t"], ["signal", 2, 4000, "t"]]);
  const names = traceEvents.filter((e) => e.name === "thread_name").map((e) => [e.pid, e.tid, e.args!.name]);
  assert.equal(names, [[0, 1, "task 1"], [0, 2, "task 2 (child of 1)"]]);
  assert.ok(traceEvents.some((e) => e.ph === "M" && e.name === "process_name" && e.pid === 0));
});

test("toChrome: a cancelled task's cleanup is an unwind slice; a task cut short ends with the trace", () => {
  const { traceEvents } = Miou.Trace.toChrome([
    at(0, 1, "spawn"), at(1, 2, "spawn", 1), at(2, 2, "resume", 1), at(3, 2, "suspend", 1),
    at(4, 2, "cancel", 1), at(6, 2, "cancelled", 1), at(9, 1, "resume"),
  ]);
  const x = (tid: number) => traceEvents.filter((e) => e.ph === "X" && e.tid === tid).map((e) => [e.name, e.ts, e.dur]);
  assert.equal(x(2), [["task 2", 1000, 5000], ["run", 2000, 1000], ["unwind", 4000, 2000]]);
  assert.equal(x(1), [["task 1", 0, 9000], ["run", 9000, 0]]);
  assert.ok(traceEvents.some((e) => e.ph === "i" && e.name === "cancel" && e.tid === 2 && e.ts === 4000));
  assert.equal(Miou.Trace.toChrome([]), { traceEvents: [] });
});

test("toChrome of a real run: valid JSON, one track per task, slices nested in each life", async () => {
  const clock = virtualClock();
  const { events } = await traced(
    function* () {
      const sleepers = [];
      for (let i = 0; i < 5; i++) sleepers.push(yield* Miou.async(() => clock.sleep(i)));
      const failing = yield* Miou.async(function* () {
        yield* Miou.yield_();
        throw new Error("no");
      });
      yield* Miou.await_(failing);
      yield* Miou.cancel(sleepers.pop()!);
      yield* Miou.await_all(sleepers);
      return 0;
    },
    { events: clock.events },
  );
  const json = JSON.parse(JSON.stringify(Miou.Trace.toChrome(events))) as Miou.ChromeTrace;
  const tasks = new Set(events.map((e) => e.task));
  const slices = json.traceEvents.filter((e) => e.ph === "X");
  for (const e of slices) assert.ok(e.ts! >= 0 && e.dur! >= 0, JSON.stringify(e));
  const lives = slices.filter((e) => e.cat === "task");
  assert.equal(lives.map((e) => e.tid).sort((a, b) => a - b), [...tasks].sort((a, b) => a - b));
  const named = json.traceEvents.filter((e) => e.name === "thread_name").map((e) => e.tid);
  assert.equal(new Set(named).size, tasks.size);
  for (const life of lives) {
    const inner = slices.filter((e) => e.tid === life.tid && e !== life);
    assert.ok(inner.length > 0);
    for (const e of inner) assert.ok(e.ts! >= life.ts! && e.ts! + e.dur! <= life.ts! + life.dur! + 1e-9);
    inner.forEach((e, i) => i === 0 || assert.ok(e.ts! >= inner[i - 1]!.ts! + inner[i - 1]!.dur! - 1e-9, "turns do not overlap"));
  }
  const instants = new Set(json.traceEvents.filter((e) => e.ph === "i").map((e) => e.name));
  assert.equal([...instants].sort(), ["cancel", "signal", "syscall"]);
});

test.run();
