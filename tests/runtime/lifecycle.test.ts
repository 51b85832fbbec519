// The task lifecycle, one test per row of the table at the top of runtime/core/lifecycle.ts:
// each drives a task through the public API and reads its phase from the handle (the handle is
// the task record). Timing is stated by turns of the scheduler, never by the clock.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { ABORTED, AWAY, DONE, DRAINING, GONE, LEAVING, PARKED, READY, SPAWNED, STEPPING, UNWINDING, WOKEN } from "../../runtime/core/task.js";
import { spinner } from "../domains/_portable.mjs";
import { rejection } from "../helpers.js";

/** The phase of the task behind a handle. */
const phase = (p: Miou.Promise<unknown>): number => (p as unknown as { phase: number }).phase;
const probe = () => new Int32Array(new SharedArrayBuffer(64));

test("SPAWNED → STEPPING: a child waits in the queue, then its body runs", async () => {
  const seen: number[] = [];
  await Miou.run(function* () {
    let p: Miou.Promise<void> | null = null;
    p = yield* Miou.async(() => void seen.push(phase(p!)));
    seen.unshift(phase(p));
    yield* Miou.await_exn(p);
  });
  assert.equal(seen, [SPAWNED, STEPPING]);
});

test("STEPPING → READY → STEPPING: a task that yields is back in the queue with its operation", async () => {
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

test("STEPPING → PARKED → WOKEN → STEPPING: a task parked on a syscall, woken, then resumed", async () => {
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

test("PARKED → READY → STEPPING: a task parked on await_ is retried when its child settles", async () => {
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

test("STEPPING → DONE: a task that returns settles, returned", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => 1);
    yield* Miou.await_exn(p);
    assert.equal([phase(p), Miou.Promise.state(p)], [DONE, "Finished"]);
  });
});

test("STEPPING → DONE: a task that throws settles, failed", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => {
      throw new Error("boom");
    });
    const r = yield* Miou.await_(p);
    assert.equal([phase(p), r.ok], [DONE, false]);
  });
});

test("STEPPING → ABORTED: a task that returns with a child ends the run", async () => {
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

test("PARKED → UNWINDING → GONE: a cancelled task runs its finally block, then leaves", async () => {
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

test("SPAWNED → UNWINDING → GONE: a child cancelled before its first turn never runs", async () => {
  let ran = false;
  await Miou.run(function* () {
    const p = yield* Miou.async(() => void (ran = true));
    yield* Miou.cancel(p); // in the same turn (quanta: 2): the child is still queued
    assert.is(phase(p), GONE);
  }, { quanta: 2 });
  assert.is(ran, false);
});

test("WOKEN → UNWINDING: the wait's one teardown runs when the task was woken but not resumed", async () => {
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

test("ABORTED, DONE → (same): cancelling a settled child only detaches it", async () => {
  await Miou.run(function* () {
    const p = yield* Miou.async(() => 1);
    while (phase(p) !== DONE) yield* Miou.yield_();
    yield* Miou.cancel(p);
    assert.is(phase(p), DONE);
    const r = yield* Miou.await_(p);
    assert.is(r.ok ? "ok" : (r.error as Error).name, "Miou.Cancelled");
  });
});

test("AWAY → DONE: a stand-in for a task on another domain settles when that domain reports", async () => {
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

test("AWAY → LEAVING → GONE: a cancelled stand-in waits for the other domain, then leaves", async () => {
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

test("STEPPING → DRAINING → DONE: a failed task settles once its child on another domain is gone", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.async(function* () {
        yield* Miou.call(spinner(p, 0));
        while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
        throw new Error("fails");
      });
      while (phase(t) !== DRAINING && phase(t) !== DONE) yield* Miou.yield_();
      const draining = phase(t);
      const r = yield* Miou.await_(t);
      return [draining, phase(t), r.ok, Atomics.load(p, 0)];
    },
    { domains: 1 },
  );
  assert.equal(v, [DRAINING, DONE, false, 2]);
});

test("DRAINING → LEAVING → GONE: a draining task that is cancelled leaves instead of settling", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.async(function* () {
        yield* Miou.call(spinner(p, 0));
        while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
        throw new Error("fails");
      });
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

test("ABORTED → LEAVING → GONE: an aborted task with a child on another domain leaves once it is gone", async () => {
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

test.run();
