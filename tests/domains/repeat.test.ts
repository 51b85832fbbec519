// 100 runs in a row of call, await_one and await_first: none fails, and no worker is left over
// (workers are kept for later runs: the thread count stops growing once the pool is warm).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync } from "node:fs";
import * as Miou from "miou/gen";

const threads = () => readdirSync("/proc/self/task").length;

function* round(): Generator<unknown, number[], unknown> {
  const a = yield* Miou.call(function* () {
    yield* Miou.yield_();
    return Miou.Domain.self();
  });
  const b = yield* Miou.call(() => Miou.Domain.self());
  const one = yield* Miou.await_one([a, b]);
  const rest = yield* Miou.await_all([a, b]);
  const c = yield* Miou.call(function* () {
    for (;;) yield* Miou.yield_();
  });
  const d = yield* Miou.call(() => 7);
  const first = yield* Miou.await_first([c, d]);
  if (!one.ok || !first.ok) throw new Error("a round failed");
  return [one.value as number, ...rest.map((r) => (r.ok ? (r.value as number) : -1)), first.value as number];
}

test("100 runs of call/await_one/await_first: all succeed, and the thread count stays put", async () => {
  // Warms the pool: both workers started.
  await Miou.run(
    function* () {
      return yield* Miou.parallel((x: number) => x, [1, 2]);
    },
    { domains: 2 },
  );
  const before = threads();
  for (let i = 0; i < 100; i++) {
    const v = await Miou.run(round, { domains: 2, seed: i });
    assert.ok(v.slice(0, 3).every((d) => d === 1 || d === 2), `run ${i}: ${v}`);
    assert.is(v[3], 7);
  }
  // At most as many: a thread another test file started may end meanwhile (V8 and libuv threads
  // and earlier files' workers live in this process too), but none of these runs may leave one.
  const after = threads();
  assert.ok(after <= before, `no thread was started or left behind by the 100 runs: ${before} before, ${after} after`);
});

test.run();
