// run: options, seeds, what it resolves and rejects with, and the ⏸ guard.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { rejection } from "../helpers.js";

test("Hello World: a plain body's value", async () => {
  assert.is(await Miou.run(() => "Hello World"), "Hello World");
});

test("the root task is uid 1 and uids restart with every run", async () => {
  for (let i = 0; i < 2; i++) {
    const uids = await Miou.run(function* () {
      const p = yield* Miou.async(() => 0);
      yield* Miou.await_(p);
      return Miou.Promise.uid(p);
    });
    assert.is(uids, 2);
  }
});

test("a rejected run carries its seed, non-enumerable; seed() reads it inside", async () => {
  let inside = "";
  const e = await rejection(
    Miou.run(
      function* () {
        inside = Miou.seed();
        throw new Error("x");
      },
      { seed: 1234 },
    ),
  );
  assert.is(e.seed, "1234");
  assert.is(inside, "1234");
  assert.not.ok(Object.keys(e).includes("seed"));
});

test("without a seed each run draws a fresh one", async () => {
  const seeds = new Set<string>();
  for (let i = 0; i < 5; i++) seeds.add(await Miou.run(() => Miou.seed()));
  assert.is(seeds.size, 5);
});

test("a non-object rejection is wrapped in an Error whose cause is the value", async () => {
  const e = await rejection(
    Miou.run(() => {
      throw "plain string";
    }),
  );
  assert.instance(e, Error);
  assert.is(e.cause, "plain string");
  assert.type(e.seed, "string");
});

test("bad options are rejected at once with errors that say what to pass", () => {
  assert.throws(() => Miou.run(() => 1, { quanta: 0 }), (e: Error) => e instanceof RangeError && /quanta/.test(e.message));
  assert.throws(() => Miou.run(() => 1, { domains: -1 }), (e: Error) => e instanceof RangeError && /domains/.test(e.message));
  assert.throws(() => Miou.run(() => 1, { seed: {} as never }), TypeError);
  assert.throws(() => Miou.run(42 as never), (e: Error) => e instanceof TypeError && /main/.test(e.message));
});

test("a ⏸ call outside any task is a TypeError naming the transformer and yield*", () => {
  assert.throws(
    () => Miou.yield_(),
    (e: Error) => e instanceof TypeError && /outside a running task/.test(e.message) && /miou\/transformer/.test(e.message) && /yield\*/.test(e.message),
  );
});

test("a ⏸ call from a plain task body is a TypeError, never a silent no-op", async () => {
  const e = await rejection(Miou.run(() => Miou.await_all([])));
  assert.instance(e, TypeError);
  assert.match(e.message, "from a plain function the runtime runs as a task body");
});

test("yielding something that is not an operation is a TypeError in the task", async () => {
  const r = await Miou.run(function* () {
    try {
      yield 42;
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(r as string, "yielded number");
});

test("a deadlock (every task waits, nothing outside can wake one) rejects instead of hanging", async () => {
  const e = await rejection(
    Miou.run(function* () {
      const m = Miou.Mutex.create();
      const c = Miou.Condition.create();
      yield* Miou.Mutex.lock(m);
      yield* Miou.Condition.wait(c, m); // no one is left to signal it
    }),
  );
  assert.match(e.message, "deadlock");
  assert.type(e.seed, "string");
});

test("runs nest: a task may await another run's promise", async () => {
  const r = await Miou.run(function* () {
    const inner = yield* Miou.await_promise(Miou.run(() => "inner"));
    return `outer saw ${inner}`;
  });
  assert.is(r, "outer saw inner");
});

test("Domain.self is 0 on dom0; Domain.all lists the workers the run was given", async () => {
  const r = await Miou.run(() => [Miou.Domain.self(), Miou.Domain.available(), Miou.Domain.all()], { domains: 2 });
  assert.equal(r, [0, 2, [1, 2]]);
});

test.run();
