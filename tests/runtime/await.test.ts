// await_, await_exn, await_all (README, "Awaiting").
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("await_ gives a Result; await_exn the value or the error", async () => {
  const r = await Miou.run(function* () {
    const ok = yield* Miou.async(() => 1);
    const bad = yield* Miou.async(() => {
      throw new RangeError("bad");
    });
    const a = yield* Miou.await_(ok);
    const b = yield* Miou.await_(bad);
    return [a, b.ok, (b as { error: Error }).error.message];
  });
  assert.equal(r, [{ ok: true, value: 1 }, false, "bad"]);
});

test("await_exn rethrows the child's own error object", async () => {
  const boom = new TypeError("boom");
  const r = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      throw boom;
    });
    try {
      yield* Miou.await_exn(p);
    } catch (e) {
      return e;
    }
  });
  assert.is(r, boom);
});

test("awaiting twice gives the same result", async () => {
  const r = await Miou.run(function* () {
    const p = yield* Miou.async(() => "v");
    return [yield* Miou.await_exn(p), yield* Miou.await_exn(p)];
  });
  assert.equal(r, ["v", "v"]);
});

test("a generator body is driven; its return value is the task's", async () => {
  const r = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      return "from a generator";
    });
    return yield* Miou.await_exn(p);
  });
  assert.is(r, "from a generator");
});

test("await_all awaits in order; a failure does not stop the others", async () => {
  const r = await Miou.run(function* () {
    const ps = [
      yield* Miou.async(() => 1),
      yield* Miou.async(() => {
        throw new Error("two");
      }),
      yield* Miou.async(function* () {
        yield* Miou.yield_();
        return 3;
      }),
    ];
    return (yield* Miou.await_all(ps)).map((x) => (x.ok ? x.value : (x.error as Error).message));
  });
  assert.equal(r, [1, "two", 3]);
});

test("await_all of nothing is nothing", async () => {
  assert.equal(
    await Miou.run(function* () {
      return yield* Miou.await_all([]);
    }),
    [],
  );
});

test("an awaiting parent that is cancelled raises Cancelled at the wait", async () => {
  const r = await Miou.run(function* () {
    let seen: unknown;
    const parent = yield* Miou.async(function* () {
      const child = yield* Miou.async(function* () {
        for (;;) yield* Miou.yield_();
      });
      try {
        yield* Miou.await_(child);
      } catch (e) {
        seen = e;
        throw e;
      }
    });
    yield* Miou.yield_();
    yield* Miou.yield_();
    yield* Miou.cancel(parent);
    return seen;
  });
  assert.instance(r, Miou.Cancelled);
});

test.run();
