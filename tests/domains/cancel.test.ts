// Cancellation across domains (rule 4 in runtime/RULES.md; README, "Domains: parallel tasks"): `cancel`
// returns once the remote subtree is torn down, finally blocks included; a failing task takes
// its children on other workers down; uncatchable errors on workers end the run after every
// domain is cleaned up; a worker stuck in one step is replaced.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { rejection } from "../helpers.js";
import { blockingEvents, failingParent, forgetful, leaky, parked, sleeper, spinner, stuck } from "./_portable.mjs";

const probe = () => new Int32Array(new SharedArrayBuffer(64));

test("cancel returns once the task on the worker has unwound, its finally block included", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(spinner(p, 0));
      while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
      yield* Miou.cancel(t);
      const after = Atomics.load(p, 0);
      const r = yield* Miou.await_(t);
      return { after, error: r.ok ? null : (r.error as Error).name };
    },
    { domains: 1 },
  );
  assert.equal(v, { after: 2, error: "Miou.Cancelled" });
});

test("cancelling a parent cancels its children on other workers before cancel returns", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const outer = yield* Miou.async(function* () {
        const a = yield* Miou.call(spinner(p, 0), { pin: 1 });
        const b = yield* Miou.call(spinner(p, 1), { pin: 2 });
        yield* Miou.await_all([a, b]);
      });
      while (Atomics.load(p, 0) === 0 || Atomics.load(p, 1) === 0) yield* Miou.yield_();
      yield* Miou.cancel(outer);
      return [Atomics.load(p, 0), Atomics.load(p, 1)];
    },
    { domains: 2 },
  );
  assert.equal(v, [2, 2]);
});

test("a task failing on a worker cancels its child on another worker; awaiting it sees the error after the teardown", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(failingParent(p), { pin: 1 });
      const r = yield* Miou.await_(t);
      return { message: r.ok ? null : (r.error as Error).message, child: Atomics.load(p, 0) };
    },
    { domains: 2 },
  );
  assert.equal(v, { message: "parent fails", child: 2 });
});

test("await_first cancels the losers on other workers before it returns", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const slow = yield* Miou.call(spinner(p, 0), { pin: 1 });
      const fast = yield* Miou.call(function* () {
        yield* Miou.yield_();
        return "fast";
      }, { pin: 2 });
      while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
      const r = yield* Miou.await_first([slow, fast]);
      return { r, loser: Atomics.load(p, 0) };
    },
    { domains: 2 },
  );
  assert.equal(v, { r: { ok: true, value: "fast" }, loser: 2 });
});

test("a task waiting on a JavaScript promise on a worker is cancelled promptly", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(sleeper(p, 0));
      while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
      yield* Miou.cancel(t);
      return Atomics.load(p, 0);
    },
    { domains: 1 },
  );
  assert.is(v, 2);
});

test("a portable events is made on each worker's own thread; a worker blocked in its select is woken to cancel", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const a = yield* Miou.call(parked(p, 1), { pin: 1 });
      const b = yield* Miou.call(parked(p, 2), { pin: 2 });
      while (Atomics.load(p, 9) === 0 || Atomics.load(p, 10) === 0) yield* Miou.yield_();
      // both workers are now blocked in their own select
      yield* Miou.cancel(a);
      yield* Miou.cancel(b);
      return [Atomics.load(p, 9), Atomics.load(p, 10)];
    },
    { domains: 2, events: blockingEvents(p) },
  );
  assert.equal(v, [2, 2]);
  const threads = [Atomics.load(p, 4), Atomics.load(p, 5), Atomics.load(p, 6)];
  assert.is(threads[0], 0, "dom0's event source is made on the main thread");
  assert.ok(threads[1]! > 0 && threads[2]! > 0 && threads[1] !== threads[2], `each worker makes its own: ${threads}`);
  assert.ok(Atomics.load(p, 1) > 0 && Atomics.load(p, 2) > 0, "each worker's select was called");
});

test("an events that is not portable is called only for dom0", async () => {
  const asked: number[] = [];
  await Miou.run(
    function* () {
      const t = yield* Miou.call(() => Miou.Domain.self());
      return yield* Miou.await_exn(t);
    },
    {
      domains: 1,
      events: (d) => {
        asked.push(d);
        return { select: () => [], interrupt: () => undefined };
      },
    },
  );
  assert.equal(asked, [0]);
});

test("Still_has_children on a worker makes the run reject, after the forgotten child is torn down", async () => {
  const p = probe();
  const e = await rejection(
    Miou.run(
      function* () {
        const t = yield* Miou.call(forgetful(p), { pin: 1 });
        return yield* Miou.await_(t);
      },
      { domains: 2 },
    ),
  );
  assert.instance(e, Miou.Still_has_children);
  assert.is(Atomics.load(p, 0), 2, "the child on the other worker unwound before run rejected");
});

test("Resource_leaked on a worker makes the run reject; the finaliser ran", async () => {
  const p = probe();
  const e = await rejection(
    Miou.run(
      function* () {
        const t = yield* Miou.call(leaky(p));
        return yield* Miou.await_(t);
      },
      { domains: 1 },
    ),
  );
  assert.instance(e, Miou.Resource_leaked);
  assert.is(Atomics.load(p, 0), 1);
});

test("an error on dom0 tears down the tasks on workers before run rejects", async () => {
  const p = probe();
  const e = await rejection(
    Miou.run(
      function* () {
        yield* Miou.call(spinner(p, 0), { pin: 1 });
        yield* Miou.call(spinner(p, 1), { pin: 2 });
        while (Atomics.load(p, 0) === 0 || Atomics.load(p, 1) === 0) yield* Miou.yield_();
        throw new Error("dom0 fails");
      },
      { domains: 2 },
    ),
  );
  assert.is(e.message, "dom0 fails");
  assert.equal([Atomics.load(p, 0), Atomics.load(p, 1)], [2, 2]);
});

test("a worker whose task never reaches a scheduling point is terminated by cancel, and replaced", async () => {
  const p = probe();
  const v = await Miou.run(
    function* () {
      const t = yield* Miou.call(stuck(p));
      while (Atomics.load(p, 0) === 0) yield* Miou.yield_();
      yield* Miou.cancel(t);
      const r = yield* Miou.await_(t);
      const again = yield* Miou.call(() => Miou.Domain.self());
      return { r: r.ok ? "ok" : (r.error as Error).name, again: yield* Miou.await_exn(again) };
    },
    { domains: 1 },
  );
  assert.equal(v, { r: "Miou.Cancelled", again: 1 });
});

test.run();
