// Lazy (README, "Mutex, Condition, Lazy"): computed once, by the first task that forces it; concurrent forcers
// wait and share the outcome; a task forcing what it is computing gets a RangeError.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { attempt, output, virtualClock, yields } from "../helpers.js";


test("from_val: force returns the value itself", async () => {
  const v = { answer: 42 };
  const got = await Miou.run(function* () {
    const l = Miou.Lazy.from_val(v);
    return [yield* Miou.Lazy.force(l), yield* Miou.Lazy.force(l)];
  });
  assert.is(got[0], v);
  assert.is(got[1], v);
});

test("from_fun with a plain function: computed at the first force, and only once", async () => {
  let calls = 0;
  const got = await Miou.run(function* () {
    const l = Miou.Lazy.from_fun(() => ({ n: ++calls }));
    const before = calls;
    const first = yield* Miou.Lazy.force(l);
    const second = yield* Miou.Lazy.force(l);
    return { before, first, same: first === second };
  });
  assert.equal(got, { before: 0, first: { n: 1 }, same: true });
  assert.is(calls, 1);
});

test("the function runs in the forcing task: it may suspend and have children", async () => {
  const v = await Miou.run(function* () {
    const l = Miou.Lazy.from_fun(function* () {
      const child = yield* Miou.async(() => 20);
      yield* Miou.yield_();
      return (yield* Miou.await_exn(child)) + 1;
    });
    return (yield* Miou.Lazy.force(l)) * 2;
  });
  assert.is(v, 42);
});

test("several tasks forcing at once: one computes, the others wait and get the same value", async () => {
  const out = output();
  let calls = 0;
  const values = await Miou.run(function* () {
    const l = Miou.Lazy.from_fun(function* () {
      calls += 1;
      out.print("computing");
      yield* yields(5); // the other forcers arrive meanwhile
      out.print("computed");
      return { calls };
    });
    const forcer = (name: string) =>
      function* () {
        const v = yield* Miou.Lazy.force(l);
        out.print(`${name} got it`);
        return v;
      };
    const ps = [];
    for (const name of ["a", "b", "c", "d"]) ps.push(yield* Miou.async(forcer(name)));
    return (yield* Miou.await_all(ps)).map((r) => (r.ok ? r.value : r.error));
  });
  assert.is(calls, 1);
  for (const v of values) assert.is(v, values[0]);
  assert.equal(out.lines.slice(0, 2), ["computing", "computed"]);
  assert.equal([...out.lines.slice(2)].sort(), ["a got it", "b got it", "c got it", "d got it"]);
});

test("an error is kept: every force, concurrent or later, rethrows the same error object", async () => {
  const boom = new Error("boom");
  let calls = 0;
  const got = await Miou.run(function* () {
    const l = Miou.Lazy.from_fun(function* () {
      calls += 1;
      yield* yields(3);
      throw boom;
    });
    const forcer = () => attempt(() => Miou.Lazy.force(l));
    const ps = [yield* Miou.async(forcer), yield* Miou.async(forcer), yield* Miou.async(forcer)];
    const concurrent = (yield* Miou.await_all(ps)).map((r) => (r.ok ? r.value : "failed"));
    const later = yield* attempt(() => Miou.Lazy.force(l));
    return { concurrent, later };
  });
  assert.is(calls, 1);
  assert.equal(got.concurrent, [boom, boom, boom]);
  for (const e of got.concurrent) assert.is(e, boom);
  assert.is(got.later, boom);
});

test("a task forcing a lazy value it is already forcing gets a RangeError", async () => {
  const got = await Miou.run(function* () {
    const direct: Miou.Lazy<unknown> = Miou.Lazy.from_fun(function* () {
      return yield* attempt(() => Miou.Lazy.force(direct));
    });
    const inner = (yield* Miou.Lazy.force(direct)) as Error;
    // Through another lazy value, and left uncaught: the error becomes the outcome.
    let calls = 0;
    const a: Miou.Lazy<number> = Miou.Lazy.from_fun(function* () {
      calls += 1;
      return yield* Miou.Lazy.force(b);
    });
    const b: Miou.Lazy<number> = Miou.Lazy.from_fun(function* () {
      return yield* Miou.Lazy.force(a);
    });
    const first = (yield* attempt(() => Miou.Lazy.force(a))) as Error;
    const again = yield* attempt(() => Miou.Lazy.force(a));
    return { inner, first, again, calls };
  });
  assert.instance(got.inner, RangeError);
  assert.match(got.inner.message, /^Miou\.Lazy\.force: the current task is already forcing this lazy value/);
  assert.instance(got.first, RangeError);
  assert.is(got.again, got.first);
  assert.is(got.calls, 1);
});

test("a waiting forcer that is cancelled stops waiting; the others still get the value", async () => {
  const clock = virtualClock();
  let calls = 0;
  const got = await Miou.run(
    function* () {
      const l = Miou.Lazy.from_fun(function* () {
        calls += 1;
        yield* clock.sleep(10);
        return "value";
      });
      const forcer = function* () {
        return yield* Miou.Lazy.force(l);
      };
      const computing = yield* Miou.async(forcer);
      const cancelled = yield* Miou.async(forcer);
      const waiting = yield* Miou.async(forcer);
      yield* yields(4); // computing sleeps, the other two wait
      yield* Miou.cancel(cancelled);
      const cancelledAt = clock.now();
      const [r1, r2, r3] = yield* Miou.await_all([computing, cancelled, waiting]);
      return { cancelledAt, r1, r2, r3 };
    },
    { events: clock.events },
  );
  assert.is(got.cancelledAt, 0);
  assert.equal(got.r1, { ok: true, value: "value" });
  assert.ok(!got.r2.ok && got.r2.error instanceof Miou.Cancelled);
  assert.equal(got.r3, { ok: true, value: "value" });
  assert.is(calls, 1);
});

test("if the computing task is cancelled, the lazy value keeps Cancelled as its error", async () => {
  const clock = virtualClock();
  let calls = 0;
  const got = await Miou.run(
    function* () {
      const l = Miou.Lazy.from_fun(function* () {
        calls += 1;
        yield* clock.sleep(10);
        return "value";
      });
      const computing = yield* Miou.async(function* () {
        return yield* Miou.Lazy.force(l);
      });
      const waiting = yield* Miou.async(() => attempt(() => Miou.Lazy.force(l)));
      yield* yields(4);
      yield* Miou.cancel(computing);
      const waiter = yield* Miou.await_exn(waiting);
      const later = yield* attempt(() => Miou.Lazy.force(l));
      return { waiter, later };
    },
    { events: clock.events },
  );
  assert.instance(got.waiter, Miou.Cancelled);
  assert.is(got.later, got.waiter);
  assert.is(calls, 1);
});

test("misuse: not a lazy value, not a function, outside a run or a task: TypeError", async () => {
  const inRun = (await Miou.run(function* () {
    return [yield* attempt(() => Miou.Lazy.force({} as never)), yield* attempt(function* () {
      Miou.Lazy.from_fun(42 as never);
    })];
  })) as Error[];
  assert.instance(inRun[0], TypeError);
  assert.is(inRun[0]!.message, "Miou.Lazy.force: expected a lazy value made by Miou.Lazy.from_val or Miou.Lazy.from_fun");
  assert.instance(inRun[1], TypeError);
  assert.is(inRun[1]!.message, "Miou.Lazy.from_fun: expected a function (plain or generator)");
  const outside = (f: () => unknown, re: RegExp) => assert.throws(f, (e: Error) => e instanceof TypeError && re.test(e.message));
  outside(() => Miou.Lazy.from_val(1), /^Miou\.Lazy\.from_val /);
  outside(() => Miou.Lazy.from_fun(() => 1), /^Miou\.Lazy\.from_fun /);
  outside(() => Miou.Lazy.force({} as never), /^Miou\.Lazy\.force suspends/);
});

test("a lazy value is local to its domain: forcing it from another domain throws a TypeError", async () => {
  let calls = 0;
  const errors = (await Miou.run(function* () {
    const forced = Miou.Lazy.from_val(1);
    const unforced = Miou.Lazy.from_fun(() => ++calls);
    return yield* Miou.await_promise(
      Miou.run(function* () {
        return [yield* attempt(() => Miou.Lazy.force(forced)), yield* attempt(() => Miou.Lazy.force(unforced))];
      }),
    );
  })) as Error[];
  for (const e of errors) {
    assert.instance(e, TypeError);
    assert.match(e.message, /^Miou\.Lazy\.force: this lazy value was created on domain 0 of another Miou\.run/);
  }
  assert.is(calls, 0);
});

test.run();
