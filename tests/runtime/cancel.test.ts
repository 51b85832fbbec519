// cancel (rule 4 in runtime/RULES.md; README, "Cancelling").
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output, virtualClock } from "../helpers.js";

function* spin(): Generator<unknown, never, unknown> {
  for (;;) yield* Miou.yield_();
}

test("cancel instead of await: the child's finally runs before cancel returns", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      try {
        yield* spin();
      } finally {
        out.print("child cleaned up");
      }
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
    out.print("cancel returned");
  });
  assert.equal(out.lines, ["child cleaned up", "cancel returned"]);
});

test("the whole subtree unwinds, children before parents", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      const q = yield* Miou.async(function* () {
        try {
          yield* spin();
        } finally {
          out.print("grandchild");
        }
      });
      try {
        yield* Miou.await_exn(q);
      } finally {
        out.print("child");
      }
    });
    for (let i = 0; i < 4; i++) yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.equal(out.lines, ["grandchild", "child"]);
});

test("a cancelled child awaits as Cancelled, even one that had returned", async () => {
  const r = await Miou.run(function* () {
    const done = yield* Miou.async(() => "value");
    yield* Miou.yield_();
    const state = Miou.Promise.state(done);
    yield* Miou.cancel(done);
    const after = yield* Miou.await_(done);
    return [state, Miou.Promise.state(done), after.ok, (after as { error: unknown }).error instanceof Miou.Cancelled];
  });
  assert.equal(r, ["Finished", "Finished", false, true]);
});

test("a child that had failed, then cancelled, awaits as Cancelled too", async () => {
  const r = await Miou.run(function* () {
    const p = yield* Miou.async(() => {
      throw new Error("failed first");
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
    const after = yield* Miou.await_(p);
    return [Miou.Promise.state(p), (after as { error: unknown }).error instanceof Miou.Cancelled];
  });
  assert.equal(r, ["Exited", true]);
});

test("a not-yet-started child never runs; cancelling twice is harmless", async () => {
  let ran = false;
  // With 2 quanta, main has `async` and `cancel` serviced in one turn: the child never got one.
  const r = await Miou.run(
    function* () {
      const p = yield* Miou.async(() => {
        ran = true;
      });
      yield* Miou.cancel(p);
      yield* Miou.cancel(p);
      return Miou.Promise.state(p);
    },
    { quanta: 2 },
  );
  assert.is(r, "Exited");
  assert.not.ok(ran);
});

test("a ⏸ call while unwinding raises Cancelled at once; enclosing finally blocks still run", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      try {
        try {
          yield* spin();
        } finally {
          out.print("inner finally starts");
          yield* Miou.yield_(); // raises Cancelled here: the rest of this block is skipped
          out.print("never printed");
        }
      } finally {
        out.print("outer finally");
      }
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.equal(out.lines, ["inner finally starts", "outer finally"]);
});

test("a task cancelled while suspended in a syscall: select is told its uid", async () => {
  const clock = virtualClock();
  const r = await Miou.run(
    function* () {
      const p = yield* Miou.async(() => clock.sleep(100));
      yield* Miou.yield_();
      yield* Miou.yield_();
      yield* Miou.cancel(p);
      yield* clock.sleep(1); // the next select hears of the cancelled sleeper
      return clock.now();
    },
    { events: clock.events },
  );
  assert.is(r, 1, "the cancelled 100 s sleep did not hold the clock");
  assert.is(clock.cancelledUids.length, 1);
  assert.is(clock.pending(), 0);
});

test("a task that keeps catching Cancelled cannot go on: every ⏸ call raises it again", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      for (let i = 0; i < 3; i++) {
        try {
          yield* spin();
        } catch (e) {
          out.print((e as Error).name);
        }
      }
      out.print("gave up");
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.equal(out.lines, ["Miou.Cancelled", "Miou.Cancelled", "Miou.Cancelled", "gave up"]);
});

test.run();
