// await_one and await_first (README, "Awaiting"): random choice among the finished, by the seed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

const race = (seed: number, first: boolean) =>
  Miou.run(
    function* () {
      const a = yield* Miou.async(() => 1);
      const b = yield* Miou.async(() => 2);
      if (first) return (yield* Miou.await_first([a, b])) as { ok: true; value: number };
      const r = yield* Miou.await_one([a, b]);
      yield* Miou.await_all([a, b]);
      return r as { ok: true; value: number };
    },
    { seed },
  );

test("await_first over two tasks returning 1 and 2 gives both values over repeated runs", async () => {
  const seen = new Set<number>();
  for (let seed = 0; seen.size < 2 && seed < 200; seed++) seen.add((await race(seed, true)).value);
  assert.equal([...seen].sort(), [1, 2]);
});

test("await_one likewise, and the same seed always makes the same choice", async () => {
  const seen = new Set<number>();
  for (let seed = 0; seed < 40; seed++) {
    const v = (await race(seed, false)).value;
    assert.is((await race(seed, false)).value, v, `seed ${seed} replays`);
    seen.add(v);
  }
  assert.is(seen.size, 2);
});

test("a value is preferred over an error among the finished", async () => {
  for (let seed = 0; seed < 20; seed++) {
    const r = await Miou.run(
      function* () {
        const bad = yield* Miou.async(() => {
          throw new Error("x");
        });
        const good = yield* Miou.async(() => "good");
        return yield* Miou.await_first([bad, good]);
      },
      { seed },
    );
    assert.equal(r, { ok: true, value: "good" });
  }
});

test("await_one leaves the losers as children; await_first cancels them", async () => {
  const e = await Miou.run(function* () {
    const a = yield* Miou.async(() => 1);
    const b = yield* Miou.async(function* () {
      for (;;) yield* Miou.yield_();
    });
    yield* Miou.await_one([a, b]);
    return "forgot b";
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
  let cleaned = false;
  const r = await Miou.run(function* () {
    const a = yield* Miou.async(function* () {
      yield* Miou.yield_();
      return "a";
    });
    const b = yield* Miou.async(function* () {
      try {
        for (;;) yield* Miou.yield_();
      } finally {
        cleaned = true;
      }
    });
    return yield* Miou.await_first([a, b]);
  });
  assert.equal(r, { ok: true, value: "a" });
  assert.ok(cleaned, "the loser's finally ran before await_first returned");
});

test("await_first waits for the first to finish when none has", async () => {
  const r = await Miou.run(function* () {
    const slow = yield* Miou.async(function* () {
      for (let i = 0; i < 10; i++) yield* Miou.yield_();
      return "slow";
    });
    const quick = yield* Miou.async(function* () {
      yield* Miou.yield_();
      return "quick";
    });
    return yield* Miou.await_first([slow, quick]);
  });
  assert.equal(r, { ok: true, value: "quick" });
});

test("an empty list is a RangeError naming the function", async () => {
  const r = await Miou.run(function* () {
    try {
      yield* Miou.await_one([]);
    } catch (e) {
      return e;
    }
  });
  assert.instance(r, RangeError);
  assert.match((r as Error).message, "Miou.await_one");
});

test.run();
