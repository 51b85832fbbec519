// yield_ (README, "Scheduling"): a scheduling point and a cancellation point, nothing else.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output } from "../helpers.js";

test("every task queued before the yielding one runs first", async () => {
  const out = output();
  await Miou.run(function* () {
    const ps = [];
    for (const name of ["a", "b", "c"]) ps.push(yield* Miou.async(() => out.print(name)));
    out.print("main before yield");
    yield* Miou.yield_();
    out.print("main after yield");
    yield* Miou.await_all(ps);
  });
  // a and b ran at main's scheduling points; c was queued before main's yield.
  assert.equal(out.lines, ["a", "b", "main before yield", "c", "main after yield"]);
});

test("a loop of yield_ is cancellable: the canonical busy task", async () => {
  let spins = 0;
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      for (;;) {
        spins += 1;
        yield* Miou.yield_();
      }
    });
    for (let i = 0; i < 10; i++) yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.ok(spins >= 9 && spins <= 11, `spun ${spins} times`);
});

test("a long busy run still lets the event loop in: a timer fires while tasks spin", async () => {
  let fired = false;
  setTimeout(() => (fired = true), 1);
  const spins = await Miou.run(function* () {
    let n = 0;
    while (!fired) {
      n += 1;
      yield* Miou.yield_();
    }
    return n;
  });
  assert.ok(fired);
  assert.ok(spins > 0);
});

test("an operation yielded twice throws a TypeError naming it at the second yield*", async () => {
  const r = await Miou.run(function* () {
    const op = Miou.yield_();
    yield* op;
    try {
      yield* op;
      return "completed silently";
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(r, /^Miou\.yield_: this operation was already performed/);
});

test.run();
