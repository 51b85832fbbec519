// Rule 1: a task must await or cancel all its children before it returns.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { rejection, virtualClock } from "../helpers.js";

test("a forgotten child ends the run with Still_has_children", async () => {
  const e = await rejection(
    Miou.run(function* () {
      yield* Miou.async(() => 1);
      return "forgot";
    }),
  );
  assert.instance(e, Miou.Still_has_children);
  assert.is(e.name, "Miou.Still_has_children");
  assert.type(e.seed, "string");
});

test("Still_has_children cannot be caught by the parent: the run rejects", async () => {
  const e = await rejection(
    Miou.run(function* () {
      const p = yield* Miou.async(function* () {
        yield* Miou.async(() => 1); // the child forgets its own child
        return 1;
      });
      const r = yield* Miou.await_(p);
      return r.ok;
    }),
  );
  assert.instance(e, Miou.Still_has_children);
});

test("a child returning a promise of its own child still has that child", async () => {
  const e = await rejection(
    Miou.run(function* () {
      const p = yield* Miou.async(function* () {
        return yield* Miou.async(() => 1);
      });
      return yield* Miou.await_exn(yield* Miou.await_exn(p));
    }),
  );
  assert.instance(e, Miou.Still_has_children);
});

test("an awaited or cancelled child discharges the obligation", async () => {
  const v = await Miou.run(function* () {
    const a = yield* Miou.async(() => 1);
    const b = yield* Miou.async(function* () {
      for (;;) yield* Miou.yield_();
    });
    yield* Miou.cancel(b);
    return yield* Miou.await_exn(a);
  });
  assert.is(v, 1);
});

test("a failing task may forget its children: they are cancelled", async () => {
  const clock = virtualClock();
  let finalised = false;
  const e = await rejection(
    Miou.run(
      function* () {
        yield* Miou.async(function* () {
          try {
            yield* clock.sleep(10);
          } finally {
            finalised = true;
          }
        });
        yield* Miou.yield_(); // the child starts and sleeps
        throw new Error("parent fails");
      },
      { events: clock.events },
    ),
  );
  assert.is(e.message, "parent fails");
  assert.ok(finalised);
  assert.is(clock.now(), 0, "the run did not wait for the sleeping child");
});

test("the seed document's failing parent: its sleeping child never delays the run", async () => {
  const clock = virtualClock();
  const e = await rejection(
    Miou.run(
      function* () {
        yield* Miou.async(() => clock.sleep(1));
        throw new Error("failed");
      },
      { events: clock.events },
    ),
  );
  assert.is(e.message, "failed");
  assert.is(clock.now(), 0);
});

test.run();
