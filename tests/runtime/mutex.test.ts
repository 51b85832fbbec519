// Mutex (README, "Mutex, Condition, Lazy"): one holder at a time, FIFO hand-off, clear errors on misuse,
// and an unlock that works while a cancelled task unwinds.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { attempt, output, virtualClock, yields } from "../helpers.js";


/** A task body that waits `delay` turns, locks `m`, prints its name and unlocks. */
function locker(m: Miou.Mutex, name: string, print: (line: string) => void, delay = 0) {
  return function* () {
    yield* yields(delay);
    yield* Miou.Mutex.lock(m);
    print(name);
    yield* Miou.Mutex.unlock(m);
  };
}

/** A critical section that spans scheduling points, entered with lock/unlock or with protect. */
const sections = {
  "lock and unlock": function* (m: Miou.Mutex, body: () => Generator<unknown, void, unknown>) {
    yield* Miou.Mutex.lock(m);
    yield* body();
    yield* Miou.Mutex.unlock(m);
  },
  protect: (m: Miou.Mutex, body: () => Generator<unknown, void, unknown>) => Miou.Mutex.protect(m, body),
};

for (const [how, section] of Object.entries(sections)) {
  test(`${how} admit one task at a time into the critical section, in the order they asked`, async () => {
    const out = output();
    await Miou.run(function* () {
      const m = Miou.Mutex.create();
      const worker = (name: string) =>
        function* () {
          yield* section(m, function* () {
            out.print(`in ${name}`);
            yield* yields(3);
            out.print(`out ${name}`);
          });
        };
      yield* Miou.await_all([yield* Miou.async(worker("a")), yield* Miou.async(worker("b")), yield* Miou.async(worker("c"))]);
    });
    assert.equal(out.lines, ["in a", "out a", "in b", "out b", "in c", "out c"]);
  });
}

test("waiters get the mutex in the order they asked for it, not the order they were created", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    // a asks last, c first: each yields a different number of times before locking.
    const ps = [
      yield* Miou.async(locker(m, "a", out.print, 4)),
      yield* Miou.async(locker(m, "b", out.print, 2)),
      yield* Miou.async(locker(m, "c", out.print, 0)),
    ];
    yield* yields(10); // all three are queued
    assert.equal(out.lines, []);
    yield* Miou.Mutex.unlock(m);
    yield* Miou.await_all(ps);
  });
  assert.equal(out.lines, ["c", "b", "a"]);
});

test("unlock hands the mutex to the first waiter: the unlocking task cannot take it back first", async () => {
  const out = output();
  const again = await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      yield* Miou.Mutex.lock(m);
      const w = yield* Miou.async(locker(m, "waiter", out.print));
      yield* yields(3); // w waits for m
      // With quanta 2, unlock and try_lock are serviced in the same turn, before w runs again.
      yield* Miou.Mutex.unlock(m);
      const taken = yield* Miou.Mutex.try_lock(m);
      yield* Miou.Mutex.lock(m); // behind w
      out.print("unlocker");
      yield* Miou.Mutex.unlock(m);
      yield* Miou.await_exn(w);
      return taken;
    },
    { quanta: 2 },
  );
  assert.is(again, false);
  assert.equal(out.lines, ["waiter", "unlocker"]);
});

test("try_lock takes a free mutex and returns true; false when any task holds it", async () => {
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const first = yield* Miou.Mutex.try_lock(m);
    const byOther = yield* Miou.await_exn(yield* Miou.async(function* () {
      return yield* Miou.Mutex.try_lock(m);
    }));
    const bySelf = yield* Miou.Mutex.try_lock(m);
    yield* Miou.Mutex.unlock(m); // throws unless the first try_lock took the mutex
    const afterUnlock = yield* Miou.Mutex.try_lock(m);
    yield* Miou.Mutex.unlock(m);
    return { first, byOther, bySelf, afterUnlock };
  });
  assert.equal(got, { first: true, byOther: false, bySelf: false, afterUnlock: true });
});

test("locking a mutex the task already holds throws a RangeError (not re-entrant)", async () => {
  const e = (await Miou.run(function* () {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    const e = yield* attempt(() => Miou.Mutex.lock(m));
    yield* Miou.Mutex.unlock(m);
    return e;
  })) as Error;
  assert.instance(e, RangeError);
  assert.match(e.message, /^Miou\.Mutex\.lock: .*already holds this mutex.*unlock it before locking it again/);
});

test("unlocking a free mutex throws a RangeError", async () => {
  const e = (await Miou.run(function* () {
    return yield* attempt(() => Miou.Mutex.unlock(Miou.Mutex.create()));
  })) as Error;
  assert.instance(e, RangeError);
  assert.match(e.message, /^Miou\.Mutex\.unlock: the mutex is not locked; lock it first/);
});

test("unlocking a mutex another task holds throws a RangeError and leaves it held", async () => {
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    const e = yield* Miou.await_exn(yield* Miou.async(() => attempt(() => Miou.Mutex.unlock(m))));
    const free = yield* Miou.await_exn(yield* Miou.async(function* () {
      return yield* Miou.Mutex.try_lock(m);
    }));
    yield* Miou.Mutex.unlock(m);
    return { e: e as Error, free };
  });
  assert.instance(got.e, RangeError);
  assert.match(got.e.message, /^Miou\.Mutex\.unlock: the mutex is held by task 1, not by the current task 2; only the task holding/);
  assert.is(got.free, false);
});

test("a value that is not a mutex is refused with a TypeError", async () => {
  const errors = (await Miou.run(function* () {
    const bogus = {} as Miou.Mutex;
    return [
      yield* attempt(() => Miou.Mutex.lock(bogus)),
      yield* attempt(() => Miou.Mutex.unlock(bogus)),
      yield* attempt(() => Miou.Mutex.try_lock(bogus)),
      yield* attempt(() => Miou.Mutex.protect(bogus, () => 1)),
    ];
  })) as Error[];
  for (const [i, name] of ["lock", "unlock", "try_lock", "protect"].entries()) {
    assert.instance(errors[i], TypeError);
    assert.is(errors[i]!.message, `Miou.Mutex.${name}: expected a mutex made by Miou.Mutex.create()`);
  }
});

test("create outside a run, and lock outside a task, throw a TypeError", () => {
  assert.throws(() => Miou.Mutex.create(), (e: Error) => e instanceof TypeError && /^Miou\.Mutex\.create /.test(e.message));
  assert.throws(
    () => Miou.Mutex.lock({} as Miou.Mutex),
    (e: Error) => e instanceof TypeError && /^Miou\.Mutex\.lock suspends/.test(e.message),
  );
});

test("a mutex is local to its domain: a task of another domain gets a TypeError", async () => {
  const e = (await Miou.run(function* () {
    const m = Miou.Mutex.create();
    // A nested run has domains of its own.
    return yield* Miou.await_promise(Miou.run(() => attempt(() => Miou.Mutex.lock(m))));
  })) as Error;
  assert.instance(e, TypeError);
  assert.match(e.message, /^Miou\.Mutex\.lock: this mutex was created on domain 0 of another Miou\.run.*local to the domain/);
});

test("a waiter cancelled in the queue leaves it: the mutex goes to the next one", async () => {
  const out = output();
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    yield* Miou.Mutex.lock(m);
    const w1 = yield* Miou.async(locker(m, "w1", out.print));
    const w2 = yield* Miou.async(locker(m, "w2", out.print));
    yield* yields(3); // both wait
    yield* Miou.cancel(w1);
    yield* Miou.Mutex.unlock(m);
    yield* Miou.await_exn(w2);
    const r1 = yield* Miou.await_(w1);
    const free = yield* Miou.Mutex.try_lock(m);
    return { r1, free };
  });
  assert.equal(out.lines, ["w2"]);
  assert.ok(!got.r1.ok && got.r1.error instanceof Miou.Cancelled);
  assert.is(got.free, true);
});

test("a waiter cancelled just after the mutex was handed to it passes it on", async () => {
  const out = output();
  const free = await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      yield* Miou.Mutex.lock(m);
      const w1 = yield* Miou.async(locker(m, "w1", out.print));
      const w2 = yield* Miou.async(locker(m, "w2", out.print));
      yield* yields(4); // both wait
      // With quanta 2 the unlock and the cancel are serviced in the same turn: w1 holds the
      // mutex but has not run since.
      yield* Miou.Mutex.unlock(m);
      yield* Miou.cancel(w1);
      yield* Miou.await_exn(w2);
      return yield* Miou.Mutex.try_lock(m);
    },
    { quanta: 2 },
  );
  assert.equal(out.lines, ["w2"]);
  assert.is(free, true);
});

test("unlock completes in the finally block of a cancelled task, without a scheduling point", async () => {
  const clock = virtualClock();
  const got = await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      let after = false;
      const p = yield* Miou.async(function* () {
        yield* Miou.Mutex.lock(m);
        try {
          yield* clock.sleep(10);
        } finally {
          yield* Miou.Mutex.unlock(m);
          after = true; // skipped if unlock were a scheduling point
        }
      });
      yield* yields(3); // p holds m and sleeps
      yield* Miou.cancel(p);
      return { after, free: yield* Miou.Mutex.try_lock(m) };
    },
    { events: clock.events },
  );
  assert.equal(got, { after: true, free: true });
});

test("protect runs a plain or generator function under the lock and returns its value", async () => {
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const plain = yield* Miou.Mutex.protect(m, () => 1);
    const gen = yield* Miou.Mutex.protect(m, function* () {
      const other = yield* Miou.async(function* () {
      return yield* Miou.Mutex.try_lock(m);
    });
      return (yield* Miou.await_exn(other)) ? "not held" : "held";
    });
    return { plain, gen, free: yield* Miou.Mutex.try_lock(m) };
  });
  assert.equal(got, { plain: 1, gen: "held", free: true });
});

test("protect unlocks when the function throws, and rethrows the same error", async () => {
  const boom = new Error("boom");
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const e = yield* attempt(() =>
      Miou.Mutex.protect(m, function* () {
        yield* Miou.yield_();
        throw boom;
      }),
    );
    return { e, free: yield* Miou.Mutex.try_lock(m) };
  });
  assert.is(got.e, boom);
  assert.is(got.free, true);
});

test("protect unlocks when its task is cancelled: the next waiter gets the mutex", async () => {
  const clock = virtualClock();
  const out = output();
  const r = await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      const holder = yield* Miou.async(function* () {
        yield* Miou.Mutex.protect(m, () => clock.sleep(10));
      });
      const waiter = yield* Miou.async(function* () {
        yield* Miou.Mutex.protect(m, () => out.print("waiter"));
      });
      yield* yields(4); // holder sleeps holding m, waiter waits for it
      yield* Miou.cancel(holder);
      yield* Miou.await_exn(waiter);
      return yield* Miou.await_(holder);
    },
    { events: clock.events },
  );
  assert.equal(out.lines, ["waiter"]);
  assert.ok(!r.ok && r.error instanceof Miou.Cancelled);
  assert.is(clock.now(), 0);
});

test("protect: a function that unlocks the mutex itself is a RangeError, unless it threw", async () => {
  const boom = new Error("boom");
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const returned = yield* attempt(() => Miou.Mutex.protect(m, () => Miou.Mutex.unlock(m)));
    const threw = yield* attempt(() =>
      Miou.Mutex.protect(m, function* () {
        yield* Miou.Mutex.unlock(m);
        throw boom;
      }),
    );
    const notFn = yield* attempt(() => Miou.Mutex.protect(m, 1 as never));
    return { returned: returned as Error, threw, notFn: notFn as Error, free: yield* Miou.Mutex.try_lock(m) };
  });
  assert.instance(got.returned, RangeError);
  assert.match(got.returned.message, /^Miou\.Mutex\.protect: the function released the mutex itself/);
  assert.is(got.threw, boom);
  assert.instance(got.notFn, TypeError);
  assert.is(got.free, true);
});

test.run();
