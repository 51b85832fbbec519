// Condition (README, "Mutex, Condition, Lazy"): wait releases and re-takes the mutex, signal wakes the longest
// waiter, broadcast all of them, and a cancelled waiter neither loses nor keeps a signal.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { attempt, output, virtualClock, yields } from "../helpers.js";


/** A task body that waits once on `c` holding `m`, then prints its name (still holding `m`). */
function waiter(m: Miou.Mutex, c: Miou.Condition, name: string, print: (line: string) => void, delay = 0) {
  return function* () {
    yield* yields(delay);
    yield* Miou.Mutex.protect(m, function* () {
      yield* Miou.Condition.wait(c, m);
      print(name);
    });
  };
}

test("wait lets the mutex go while it waits, and holds it again when it returns", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    let ready = false;
    const w = yield* Miou.async(function* () {
      yield* Miou.Mutex.protect(m, function* () {
        while (!ready) yield* Miou.Condition.wait(c, m);
        out.print("waiter is back");
      }); // protect checks that the waiter holds m here
    });
    yield* yields(3);
    yield* Miou.Mutex.lock(m); // would never return if wait kept m
    ready = true;
    Miou.Condition.signal(c);
    out.print("signalled");
    yield* yields(3); // the waiter cannot return while m is held
    out.print("unlocking");
    yield* Miou.Mutex.unlock(m);
    yield* Miou.await_exn(w);
  });
  assert.equal(out.lines, ["signalled", "unlocking", "waiter is back"]);
});

test("signal wakes one waiter per call, the one that has waited longest", async () => {
  const out = output();
  const seen = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    // They start waiting in the order c, b, a.
    const ps = [
      yield* Miou.async(waiter(m, c, "a", out.print, 4)),
      yield* Miou.async(waiter(m, c, "b", out.print, 2)),
      yield* Miou.async(waiter(m, c, "c", out.print, 0)),
    ];
    yield* yields(10);
    const seen: string[][] = [];
    for (let i = 0; i < 3; i++) {
      Miou.Condition.signal(c);
      yield* yields(5);
      seen.push([...out.lines]);
    }
    yield* Miou.await_all(ps);
    return seen;
  });
  assert.equal(seen, [["c"], ["c", "b"], ["c", "b", "a"]]);
});

test("broadcast wakes every waiter, in the order they came, each holding the mutex in turn", async () => {
  const out = output();
  const results = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const ps = [
      yield* Miou.async(waiter(m, c, "a", out.print, 4)),
      yield* Miou.async(waiter(m, c, "b", out.print, 2)),
      yield* Miou.async(waiter(m, c, "c", out.print, 0)),
    ];
    yield* yields(10);
    Miou.Condition.broadcast(c);
    return yield* Miou.await_all(ps);
  });
  assert.equal(out.lines, ["c", "b", "a"]);
  // protect throws a RangeError when a waiter comes back from wait without the mutex.
  assert.equal(results, [{ ok: true, value: undefined }, { ok: true, value: undefined }, { ok: true, value: undefined }]);
});

test("a signal or broadcast with no waiter is lost: a later wait still waits", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    Miou.Condition.signal(c);
    Miou.Condition.broadcast(c);
    const w = yield* Miou.async(waiter(m, c, "woken", out.print));
    yield* yields(6);
    out.print("still waiting");
    Miou.Condition.signal(c);
    yield* Miou.await_exn(w);
  });
  assert.equal(out.lines, ["still waiting", "woken"]);
});

test("signal is not a suspension point: a plain task body may call it", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const w = yield* Miou.async(waiter(m, c, "woken", out.print));
    yield* yields(3);
    yield* Miou.await_exn(yield* Miou.async(() => Miou.Condition.signal(c)));
    yield* Miou.await_exn(w);
  });
  assert.equal(out.lines, ["woken"]);
});

test("signal and broadcast work in the finally block of a cancelled task", async () => {
  const clock = virtualClock();
  const out = output();
  await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      const c = Miou.Condition.create();
      const w1 = yield* Miou.async(waiter(m, c, "w1", out.print));
      const w2 = yield* Miou.async(waiter(m, c, "w2", out.print));
      const w3 = yield* Miou.async(waiter(m, c, "w3", out.print));
      const p = yield* Miou.async(function* () {
        try {
          yield* clock.sleep(10);
        } finally {
          Miou.Condition.signal(c);
          out.print("after signal");
          Miou.Condition.broadcast(c);
          out.print("after broadcast");
        }
      });
      yield* yields(4);
      yield* Miou.cancel(p);
      yield* Miou.await_all([w1, w2, w3]);
    },
    { events: clock.events },
  );
  assert.equal(out.lines, ["after signal", "after broadcast", "w1", "w2", "w3"]);
});

test("wait without holding the mutex throws a RangeError", async () => {
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const free = (yield* attempt(() => Miou.Condition.wait(c, m))) as Error;
    yield* Miou.Mutex.lock(m);
    const other = (yield* Miou.await_exn(yield* Miou.async(() => attempt(() => Miou.Condition.wait(c, m))))) as Error;
    yield* Miou.Mutex.unlock(m);
    return { free, other };
  });
  assert.instance(got.free, RangeError);
  assert.match(got.free.message, /^Miou\.Condition\.wait: the mutex is not locked; lock it first/);
  assert.instance(got.other, RangeError);
  assert.match(got.other.message, /^Miou\.Condition\.wait: the mutex is held by task 1, not by the current task 2/);
});

test("values that are not conditions or mutexes are refused with a TypeError", async () => {
  const errors = (await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const bogus = {} as never;
    return [
      yield* attempt(() => Miou.Condition.wait(bogus, m)),
      yield* attempt(() => Miou.Condition.wait(c, bogus)),
      yield* attempt(function* () {
        Miou.Condition.signal(bogus);
      }),
      yield* attempt(function* () {
        Miou.Condition.broadcast(bogus);
      }),
    ];
  })) as Error[];
  assert.equal(
    errors.map((e) => [e instanceof TypeError, e.message]),
    [
      [true, "Miou.Condition.wait: expected a condition made by Miou.Condition.create()"],
      [true, "Miou.Condition.wait: expected a mutex made by Miou.Mutex.create()"],
      [true, "Miou.Condition.signal: expected a condition made by Miou.Condition.create()"],
      [true, "Miou.Condition.broadcast: expected a condition made by Miou.Condition.create()"],
    ],
  );
});

test("create outside a run, and wait outside a task, throw a TypeError", () => {
  assert.throws(() => Miou.Condition.create(), (e: Error) => e instanceof TypeError && /^Miou\.Condition\.create /.test(e.message));
  assert.throws(
    () => Miou.Condition.wait({} as never, {} as never),
    (e: Error) => e instanceof TypeError && /^Miou\.Condition\.wait suspends/.test(e.message),
  );
});

test("a condition is local to its domain: wait, signal and broadcast elsewhere throw a TypeError", async () => {
  const errors = (await Miou.run(function* () {
    const c = Miou.Condition.create();
    const outer = Miou.Mutex.create();
    return yield* Miou.await_promise(
      Miou.run(function* () {
        const m = Miou.Mutex.create();
        yield* Miou.Mutex.lock(m);
        const wait = yield* attempt(() => Miou.Condition.wait(c, m));
        yield* Miou.Mutex.unlock(m);
        const mutex = yield* attempt(() => Miou.Condition.wait(Miou.Condition.create(), outer));
        const signal = yield* attempt(function* () {
          Miou.Condition.signal(c);
        });
        const broadcast = yield* attempt(function* () {
          Miou.Condition.broadcast(c);
        });
        return [wait, mutex, signal, broadcast];
      }),
    );
  })) as Error[];
  for (const e of errors) assert.instance(e, TypeError);
  assert.match(errors[0]!.message, /^Miou\.Condition\.wait: this condition was created on domain 0 of another Miou\.run/);
  assert.match(errors[1]!.message, /^Miou\.Condition\.wait: this mutex was created on domain 0 of another Miou\.run/);
  assert.match(errors[2]!.message, /^Miou\.Condition\.signal: this condition was created on domain 0 of another Miou\.run/);
  assert.match(errors[3]!.message, /^Miou\.Condition\.broadcast: this condition was created/);
});

test("a waiter cancelled while it waits leaves the queue: the next signal goes to the next waiter", async () => {
  const out = output();
  const got = await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const a = yield* Miou.async(waiter(m, c, "a", out.print));
    const b = yield* Miou.async(waiter(m, c, "b", out.print));
    yield* yields(6);
    yield* Miou.cancel(a);
    Miou.Condition.signal(c);
    yield* Miou.await_exn(b);
    // a was cancelled without the mutex: protect left it alone, and it is free.
    return { a: yield* Miou.await_(a), free: yield* Miou.Mutex.try_lock(m) };
  });
  assert.equal(out.lines, ["b"]);
  assert.ok(!got.a.ok && got.a.error instanceof Miou.Cancelled);
  assert.is(got.free, true);
});

test("a waiter cancelled after a signal, while it waits for the mutex, passes the signal on", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const a = yield* Miou.async(waiter(m, c, "a", out.print));
    const b = yield* Miou.async(waiter(m, c, "b", out.print));
    yield* yields(6);
    yield* Miou.Mutex.lock(m);
    Miou.Condition.signal(c); // a now waits for m
    yield* Miou.cancel(a);
    yield* Miou.Mutex.unlock(m);
    yield* Miou.await_exn(b); // never returns unless the signal went on to b
    yield* Miou.await_(a);
  });
  assert.equal(out.lines, ["b"]);
});

test("a waiter cancelled just after it was handed the mutex passes the signal and the mutex on", async () => {
  const out = output();
  const free = await Miou.run(
    function* () {
      const m = Miou.Mutex.create();
      const c = Miou.Condition.create();
      const a = yield* Miou.async(waiter(m, c, "a", out.print));
      const b = yield* Miou.async(waiter(m, c, "b", out.print));
      yield* yields(6);
      yield* Miou.Mutex.lock(m);
      Miou.Condition.signal(c);
      yield* Miou.yield_();
      // With quanta 2 the unlock (which hands m to a) and the cancel are serviced in the
      // same turn: a holds m but has not run since.
      yield* Miou.Mutex.unlock(m);
      yield* Miou.cancel(a);
      yield* Miou.await_exn(b);
      yield* Miou.await_(a);
      return yield* Miou.Mutex.try_lock(m);
    },
    { quanta: 2 },
  );
  assert.equal(out.lines, ["b"]);
  assert.is(free, true);
});

test("a waiter woken by broadcast and cancelled before it returns wakes nobody else", async () => {
  const out = output();
  await Miou.run(function* () {
    const m = Miou.Mutex.create();
    const c = Miou.Condition.create();
    const a = yield* Miou.async(function* () {
      yield* Miou.Mutex.protect(m, function* () {
        yield* Miou.Condition.wait(c, m);
        out.print("a woke");
        yield* Miou.Condition.wait(c, m); // waits again, after the broadcast
        out.print("a woke again");
      });
    });
    const b = yield* Miou.async(waiter(m, c, "b", out.print));
    yield* yields(6);
    Miou.Condition.broadcast(c); // a gets m at once, b waits for it
    yield* Miou.yield_();
    // a has woken and waited again, which handed m to b; b has not run since.
    yield* Miou.cancel(b);
    yield* yields(6);
    out.print("signal");
    Miou.Condition.signal(c);
    yield* Miou.await_exn(a);
    yield* Miou.await_(b);
  });
  assert.equal(out.lines, ["a woke", "signal", "a woke again"]);
});

for (const quanta of [1, 2, 3]) {
  test(`a bounded buffer: producers wait while it is full, consumers while it is empty (quanta ${quanta})`, async () => {
    const capacity = 2;
    const consumed: string[] = [];
    let largest = 0;
    await Miou.run(
      function* () {
        const m = Miou.Mutex.create();
        const notFull = Miou.Condition.create();
        const notEmpty = Miou.Condition.create();
        const buffer: string[] = [];
        let closed = false;
        const producer = (name: string) =>
          function* () {
            for (let k = 0; k < 5; k++) {
              yield* Miou.Mutex.protect(m, function* () {
                while (buffer.length === capacity) yield* Miou.Condition.wait(notFull, m);
                buffer.push(`${name}${k}`);
                largest = Math.max(largest, buffer.length);
                Miou.Condition.signal(notEmpty);
              });
            }
          };
        const consumer = function* () {
          for (;;) {
            const item = yield* Miou.Mutex.protect(m, function* () {
              while (buffer.length === 0 && !closed) yield* Miou.Condition.wait(notEmpty, m);
              const item = buffer.shift();
              Miou.Condition.signal(notFull);
              return item;
            });
            if (item === undefined) return;
            consumed.push(item);
            yield* Miou.yield_();
          }
        };
        const producers = [yield* Miou.async(producer("a")), yield* Miou.async(producer("b")), yield* Miou.async(producer("c"))];
        const consumers = [yield* Miou.async(consumer), yield* Miou.async(consumer)];
        yield* Miou.await_all(producers);
        yield* Miou.Mutex.protect(m, () => {
          closed = true;
          Miou.Condition.broadcast(notEmpty);
        });
        for (const r of yield* Miou.await_all(consumers)) assert.ok(r.ok);
      },
      { quanta },
    );
    assert.is(largest, capacity, "the buffer filled up but never overflowed");
    assert.is(consumed.length, 15);
    assert.equal([...consumed].sort(), ["a", "b", "c"].flatMap((p) => [0, 1, 2, 3, 4].map((k) => `${p}${k}`)).sort());
    for (const p of ["a", "b", "c"])
      assert.equal(
        consumed.filter((x) => x.startsWith(p)),
        [0, 1, 2, 3, 4].map((k) => `${p}${k}`),
      );
  });
}

test.run();
