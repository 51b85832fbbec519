// async (README, "Scheduling"): a concurrent child on the current domain.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("returns a handle at once; the child runs later, on the same domain", async () => {
  const r = await Miou.run(function* () {
    let ran = false;
    const p = yield* Miou.async(() => {
      ran = true;
      return Miou.Domain.self();
    });
    const before = ran;
    return [before, yield* Miou.await_exn(p)];
  });
  assert.equal(r, [false, 0]);
});

test("a plain body returning a generator object is driven as that generator", async () => {
  function* gen(): Generator<unknown, string, unknown> {
    yield* Miou.yield_();
    return "driven";
  }
  const r = await Miou.run(function* () {
    return yield* Miou.await_exn(yield* Miou.async(() => gen()));
  });
  assert.is(r, "driven");
});

test("children get increasing uids in creation order", async () => {
  const r = await Miou.run(function* () {
    const ps = [yield* Miou.async(() => 0), yield* Miou.async(() => 0), yield* Miou.async(() => 0)];
    yield* Miou.await_all(ps);
    return ps.map(Miou.Promise.uid);
  });
  assert.equal(r, [2, 3, 4]);
});

test("a body that is not a function is a TypeError at the call", async () => {
  const r = await Miou.run(function* () {
    try {
      yield* Miou.async(42 as never);
    } catch (e) {
      return e;
    }
  });
  assert.instance(r, TypeError);
  assert.match((r as Error).message, "Miou.async");
});

test("a handle that is not a Miou promise is a TypeError naming the function", async () => {
  const r = await Miou.run(function* () {
    try {
      yield* Miou.await_exn({} as Miou.Promise<number>);
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(r as string, "Miou.await_exn: expected a Miou promise");
});

test.run();
