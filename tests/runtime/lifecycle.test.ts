// The task lifecycle, one test per row of the table at the top of runtime/core/lifecycle.ts,
// each named after its row ("FROM → TO, event: ..."; the last test checks that every row has
// one): each drives a task through the public API and reads its phase from the handle (the
// handle is the task record). Timing is stated by turns of the scheduler, never by the clock;
// a child on another domain that must stay until the test lets it go is `held`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { ABORTED, AWAY, DONE, DRAINING, GONE, LEAVING, PARKED, READY, SPAWNED, STEPPING, UNWINDING, WOKEN } from "../../runtime/core/task.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { held, spinner } from "../domains/_portable.mjs";
import { rejection } from "../helpers.js";

/** The phase of the task behind a handle. */
const phase = (p: Miou.Promise<unknown>): number => (p as unknown as { phase: number }).phase;
const probe = () => new Int32Array(new SharedArrayBuffer(64));
/** Lets a `held` task's domain finish tearing it down. */
const release = (p: Int32Array, i: number): void => {
  Atomics.store(p, i, 1);
  Atomics.notify(p, i);
};
const uidOf = (p: Miou.Promise<unknown>): number => (p as unknown as { uid: number }).uid;

test("SPAWNED → STEPPING, its turn: a child waits in the queue, then its body runs", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(() => void seen.push(phase(p!)));
    seen.unshift(phase(p));
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [SPAWNED, STEPPING]);
});

test("STEPPING → READY, quanta used up, or `yield_`: a task that yields is back in the queue with its operation", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      seen.push(phase(p!));
    });
    yield* Miou.yield_(); // the child runs up to its yield
    seen.push(phase(p));
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [READY, STEPPING]);
});

test("PARKED → WOKEN, `wake`: a task parked on a syscall, woken, then resumed", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let s: Miou.Syscall | null = null;
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(function* () {
      s = yield* Miou.syscall("test");
      yield* Miou.suspend(s);
      seen.push(phase(p!));
    });
    while (s === null || phase(p) !== PARKED) yield* Miou.yield_();
    seen.push(phase(p));
    Miou.wake(s);
    seen.push(phase(p));
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [PARKED, WOKEN, STEPPING]);
});

test("PARKED → READY, `retry`: a task parked on await_ is retried when its child settles", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let a: Miou.Promise<void> | null = null;
    a = yield* Miou.async(function* () {
      const b = yield* Miou.async(function* () {
        while (phase(a!) !== PARKED) yield* Miou.yield_();
      });
      yield* Miou.await_exn(b);
      seen.push(phase(a!));
    });
    while (phase(a) !== PARKED) yield* Miou.yield_();
    seen.push(phase(a));
    while (phase(a) === PARKED) yield* Miou.yield_();
    seen.push(phase(a));
    yield* Miou.await_exn(a);
  });
  assert.equal(seen, [PARKED, READY, STEPPING]);
});

test("STEPPING → DONE, its code returns: it settles, returned", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => 1);
    yield* Miou.await_exn(p);
    assert.equal([phase(p), Miou.Promise.state(p)], [DONE, "Finished"]);
  });
});

test("STEPPING → DONE, its code throws: it settles, failed", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => {
      throw new Error("boom");
    });
    const r = yield* Miou.await_(p);
    assert.equal([phase(p), r.ok], [DONE, false]);
  });
});

test("STEPPING → ABORTED, returns with children or resources: a task that returns with a child ends the run", async () => {
  let p: Miou.Promise<void> | null = null;
  const e = await rejection(
    Miou.run(function* () {
      p = yield* Miou.async(function* () {
        yield* Miou.async(() => undefined);
      });
      yield* Miou.await_(p);
    }),
  );
  assert.is(e.name, "Miou.Still_has_children");
  assert.is(phase(p!), ABORTED);
});

test("UNWINDING → GONE, its frames ended: a cancelled task runs its finally block, then leaves", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(function* () {
      try {
        const s = yield* Miou.syscall("never");
        yield* Miou.suspend(s);
      } finally {
        seen.push(phase(p!));
      }
    });
    while (phase(p) !== PARKED) yield* Miou.yield_();
    yield* Miou.cancel(p);
    seen.push(phase(p));
  });
  assert.equal(seen, [UNWINDING, GONE]);
});

test("SPAWNED ... PARKED → UNWINDING, cancelled: a child cancelled before its first turn never runs", async () => {
  let ran = false;
  await Miou.run(function* () {
    const p = yield* Miou.async(() => void (ran = true));
    yield* Miou.cancel(p); // in the same turn (quanta: 2): the child is still queued
    assert.is(phase(p), GONE);
  }, { quanta: 2 });
  assert.is(ran, false);
});

test("SPAWNED ... PARKED → UNWINDING, cancelled: the wait's one teardown runs when the task was woken but not resumed", async () => {
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    const p = yield* Miou.async(function* () {
      yield* Miou.Mutex.lock(m);
      yield* Miou.Mutex.unlock(m);
    });
    while (phase(p) !== PARKED) yield* Miou.yield_();
    // Unlock and cancel in one turn (quanta: 2): the child is handed the mutex, WOKEN, and
    // cancelled before it resumes.
    yield* Miou.Mutex.unlock(m);
    assert.is(phase(p), WOKEN);
    yield* Miou.cancel(p);
    // The teardown passed the mutex on: it is free, not held by a dead task.
    assert.is(yield* Miou.Mutex.try_lock(m), true);
    yield* Miou.Mutex.unlock(m);
  }, { quanta: 2 });
});

test("ABORTED, DONE, GONE → (same), cancelled: cancelling a settled child only detaches it", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => 1);
    while (phase(p) !== DONE) yield* Miou.yield_();
    yield* Miou.cancel(p);
    assert.is(phase(p), DONE);
    const r = yield* Miou.await_(p);
    assert.is(r.ok ? "ok" : (r.error as Error).name, "Miou.Cancelled");
  });
});

test("AWAY → DONE, its domain reports the outcome: the stand-in for a task on another domain settles", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(() => 7);
      const before = phase(t);
      const r = yield* Miou.await_exn(t);
      return [before, phase(t), r];
    },
    { domains: 1 },
  );
  assert.equal(v, [AWAY, DONE, 7]);
  assert.is(p[0], 0);
});

test("AWAY → LEAVING, cancelled: a cancelled stand-in waits for the other domain, then leaves", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(spinner(p, 0));
      while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
      const seen: number[] = [];
      const watcher = yield* Miou.async(function* () {
        while (phase(t) !== GONE) {
          if (seen[seen.length - 1] !== phase(t)) seen.push(phase(t));
          yield* Miou.yield_();
        }
      });
      yield* Miou.cancel(t);
      yield* Miou.await_exn(watcher);
      return [...seen, phase(t), Atomics.load(p, 0)];
    },
    { domains: 1 },
  );
  assert.equal(v, [AWAY, LEAVING, GONE, 2]);
});

/** A task body that starts a child on another domain, waits until it runs, then throws. */
function failsWithChildAway(p: Int32Array) {
  return function* () {
    yield* Miou.call(spinner(p, 0));
    while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
    throw new Error("fails");
  };
}

test("DRAINING → DONE, its last child is gone: a failed task settles once its child on another domain is gone", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.async(failsWithChildAway(p));
      while (phase(t) !== DRAINING && phase(t) !== DONE) yield* Miou.yield_();
      const draining = phase(t);
      const r = yield* Miou.await_(t);
      return [draining, phase(t), r.ok, Atomics.load(p, 0)];
    },
    { domains: 1 },
  );
  assert.equal(v, [DRAINING, DONE, false, 2]);
});

test("DRAINING → LEAVING, cancelled: a draining task that is cancelled leaves instead of settling", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.async(failsWithChildAway(p));
      while (phase(t) !== DRAINING) yield* Miou.yield_();
      const seen: number[] = [];
      const watcher = yield* Miou.async(function* () {
        while (phase(t) !== GONE) {
          if (seen[seen.length - 1] !== phase(t)) seen.push(phase(t));
          yield* Miou.yield_();
        }
      });
      yield* Miou.cancel(t);
      yield* Miou.await_exn(watcher);
      return [...seen, phase(t)];
    },
    { domains: 1 },
  );
  assert.equal(v, [DRAINING, LEAVING, GONE]);
});

test("ABORTED → LEAVING, cancelled, children on other domains: an aborted task with a child on another domain leaves once it is gone", async () => {
  const p = probe();
  let t: Miou.Promise<void> | null = null;
  const e = await rejection(
    Miou.run(
      function* () {
        t = yield* Miou.async(function* () {
          yield* Miou.call(spinner(p, 0));
          while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
        });
        yield* Miou.await_(t);
      },
      { domains: 1 },
    ),
  );
  assert.is(e.name, "Miou.Still_has_children");
  assert.equal([phase(t!), Atomics.load(p, 0)], [GONE, 2]);
});
test("READY, WOKEN → STEPPING, its turn: a yielded task and a woken one run again at their turn", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let s: Miou.Syscall | null = null;
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      seen.push(phase(p!));
      s = yield* Miou.syscall("test");
      yield* Miou.suspend(s);
      seen.push(phase(p!));
    });
    while (phase(p) !== READY) yield* Miou.yield_();
    seen.push(phase(p));
    while (s === null || phase(p) !== PARKED) yield* Miou.yield_();
    Miou.wake(s);
    seen.push(phase(p));
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [READY, STEPPING, WOKEN, STEPPING]);
});

test("STEPPING → PARKED, an op returns `PARK`: the task leaves the queue until something wakes it", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let s: Miou.Syscall | null = null;
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(function* () {
      s = yield* Miou.syscall("test");
      seen.push(phase(p!));
      yield* Miou.suspend(s);
    });
    for (let turn = 0; turn < 3; turn++) yield* Miou.yield_(); // it stays parked, turn after turn
    seen.push(phase(p));
    Miou.wake(s!);
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [STEPPING, PARKED]);
});

test("STEPPING → DRAINING, throws, children on other domains left: it has failed, but does not settle yet", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.async(function* () {
        yield* Miou.call(held(p, 0));
        while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
        throw new Error("fails");
      });
      while (phase(t) !== DRAINING) yield* Miou.yield_();
      for (let turn = 0; turn < 3; turn++) yield* Miou.yield_(); // its child there is held
      const draining = phase(t);
      release(p, 1);
      const r = yield* Miou.await_(t);
      return [draining, r.ok ? "ok" : (r.error as Error).message, Atomics.load(p, 0)];
    },
    { domains: 1 },
  );
  assert.equal(v, [DRAINING, "fails", 2]);
});

/**
 * A task with a child on another domain (held there until released) is cancelled while parked:
 * its phase in its `finally`, seen by a sibling before the release, and once its cancel returned.
 */
async function leaving(): Promise<number[]> {
  const p = probe();
  return Miou.run(
    function* () {
      const seen: number[] = [];
      let t: Miou.Promise<void> | null = null;
      t = yield* Miou.async(function* () {
        yield* Miou.call(held(p, 0));
        while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
        try {
          yield* Miou.suspend(yield* Miou.syscall("never"));
        } finally {
          seen.push(phase(t!));
        }
      });
      while (phase(t) !== PARKED) yield* Miou.yield_();
      const sibling = yield* Miou.async(function* () {
        while (phase(t!) !== LEAVING) yield* Miou.yield_();
        for (let turn = 0; turn < 3; turn++) yield* Miou.yield_(); // its child there is held
        seen.push(phase(t!));
        release(p, 1);
      });
      yield* Miou.cancel(t);
      seen.push(phase(t), Atomics.load(p, 0));
      yield* Miou.await_exn(sibling);
      return seen;
    },
    { domains: 1 },
  );
}

test("UNWINDING → LEAVING, ended, children on other domains left: its frames have ended, it stays until they are gone", async () => {
  const seen = await leaving();
  assert.equal(seen.slice(0, 2), [UNWINDING, LEAVING]);
});

test("LEAVING → GONE, its last child is gone: it leaves its parent, whose cancel returns only then", async () => {
  const seen = await leaving();
  assert.equal(seen.slice(1), [LEAVING, GONE, 2]);
});

test("ABORTED, DONE, GONE → (same), cancelled: cancelling a child already gone changes nothing", async () => {
  const cancels: number[] = [];
  await Miou.run(
    function* () {
      const p = yield* Miou.async(function* () {
        yield* Miou.suspend(yield* Miou.syscall("never"));
      });
      while (phase(p) !== PARKED) yield* Miou.yield_();
      yield* Miou.cancel(p);
      yield* Miou.cancel(p);
      assert.is(phase(p), GONE);
    },
    { trace: (e) => void (e.kind === "cancel" && cancels.push(e.task)) },
  );
  assert.is(cancels.length, 1);
});

test("LEAVING → LEAVING, cancelled: nothing happens, it is already on its way", async () => {
  const p = probe();
  const cancels = new Map<number, number>();
  let l: Miou.Promise<void> | null = null;
  const v = await Miou.run(
    function* () {
      const parent = yield* Miou.async(function* () {
        l = yield* Miou.async(function* () {
          yield* Miou.call(held(p, 0));
          while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
          yield* Miou.suspend(yield* Miou.syscall("never"));
        });
        while (phase(l) !== PARKED) yield* Miou.yield_();
        yield* Miou.cancel(l); // l leaves once its child there is gone: held
      });
      while (l === null || phase(l) !== LEAVING) yield* Miou.yield_();
      const seen = [phase(l)];
      const watcher = yield* Miou.async(function* () {
        while (phase(parent) !== LEAVING) yield* Miou.yield_();
        seen.push(phase(l!));
        release(p, 1);
      });
      yield* Miou.cancel(parent); // its subtree holds l, LEAVING: cancelled again
      yield* Miou.await_exn(watcher);
      seen.push(phase(l), Atomics.load(p, 0));
      return seen;
    },
    { domains: 1, trace: (e) => void (e.kind === "cancel" && cancels.set(e.task, (cancels.get(e.task) ?? 0) + 1)) },
  );
  assert.equal(v, [LEAVING, LEAVING, GONE, 2]);
  assert.is(cancels.get(uidOf(l!)), 1, "l was torn down once");
});

test("every row of the lifecycle table has a test named after it", () => {
  const root = join(import.meta.dirname, "..", "..");
  const table = readFileSync(join(root, "runtime", "core", "lifecycle.ts"), "utf8");
  const rows = [...table.matchAll(/^ \* \| ([A-Z][^|]*?)\s*\| ([^|]*?)\s*\| ([^|]*?)\s*\|/gm)].map(([, from, event, to]) => `${from} → ${to}, ${event}`);
  assert.ok(rows.length >= 20, `the table's rows were found (${rows.length})`);
  const titles = [...readFileSync(import.meta.filename, "utf8").matchAll(/^test\("([^"]*)"/gm)].map(([, t]) => t!);
  assert.equal(rows.filter((row) => !titles.some((t) => t.startsWith(`${row}:`))), []);
});

test.run();
