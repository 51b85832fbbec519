// call and parallel on worker domains (rule 6 in runtime/RULES.md; README, "Domains: parallel tasks"): placement, errors,
// Domain.self/available/all on every domain, and real parallelism.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { attempt } from "../helpers.js";
import { rendezvous } from "./_portable.mjs";

test("call runs its task on a worker domain and returns its value", async () => {
  const v = await Miou.run(
    function* () {
      const p = yield* Miou.call(function* () {
        yield* Miou.yield_();
        return { on: Miou.Domain.self(), answer: 6 * 7 };
      });
      return yield* Miou.await_exn(p);
    },
    { domains: 1 },
  );
  assert.equal(v, { on: 1, answer: 42 });
});

test("call picks a worker other than the caller's domain, at random from the seed", async () => {
  const picks = (seed: number) =>
    Miou.run(
      function* () {
        const out: number[][] = [];
        for (let i = 0; i < 12; i++) {
          const p = yield* Miou.call(function* () {
            // from a worker: the nested call never targets its own domain
            const q = yield* Miou.call(() => Miou.Domain.self());
            return [Miou.Domain.self(), yield* Miou.await_exn(q)];
          });
          out.push(yield* Miou.await_exn(p));
        }
        return out;
      },
      { domains: 3, seed },
    );
  const a = await picks(7);
  assert.equal(await picks(7), a, "the same seed makes the same choices");
  for (const [outer, inner] of a) {
    assert.ok(outer! >= 1 && outer! <= 3, "never dom0");
    assert.ok(inner! >= 1 && inner! <= 3 && inner !== outer, "never the caller's own domain");
  }
  assert.ok(new Set(a.map(([d]) => d)).size > 1, "more than one worker is chosen over 12 calls");
  assert.not.equal(await picks(8), a, "another seed, other choices");
});

test("call({ pin }) runs on that domain; a pin that is dom0, the caller's own or unknown is a RangeError", async () => {
  const v = await Miou.run(
    function* () {
      const p = yield* Miou.call(() => Miou.Domain.self(), { pin: 2 });
      const on = yield* Miou.await_exn(p);
      const zero = yield* attempt(() => Miou.call(() => 0, { pin: 0 }));
      const far = yield* attempt(() => Miou.call(() => 0, { pin: 3 }));
      const q = yield* Miou.call(
        function* () {
          try {
            yield* Miou.call(() => 0, { pin: 1 });
            return "no error";
          } catch (e) {
            return e instanceof RangeError ? "RangeError" : String(e);
          }
        },
        { pin: 1 },
      );
      return { on, zero, far, own: yield* Miou.await_exn(q) };
    },
    { domains: 2 },
  );
  assert.is(v.on, 2);
  assert.instance(v.zero, RangeError);
  assert.match((v.zero as Error).message, /does not exist or is the actual domain/);
  assert.instance(v.far, RangeError);
  assert.is(v.own, "RangeError");
});

test("No_domain_available: with domains 0, and from the only worker", async () => {
  const none = await Miou.run(
    function* () {
      return [yield* attempt(() => Miou.call(() => 1)), yield* attempt(() => Miou.parallel((x: number) => x, []))];
    },
    { domains: 0 },
  );
  for (const e of none) assert.instance(e, Miou.No_domain_available);
  const only = await Miou.run(
    function* () {
      const p = yield* Miou.call(function* () {
        const names: string[] = [];
        for (const make of [() => Miou.call(() => 1), () => Miou.parallel((x: number) => x, [])]) {
          try {
            yield* make();
            names.push("no error");
          } catch (e) {
            names.push((e as Error).name);
          }
        }
        return names;
      });
      return yield* Miou.await_exn(p);
    },
    { domains: 1 },
  );
  assert.equal(only, ["Miou.No_domain_available", "Miou.No_domain_available"]);
});

test("parallel: round-robin over the eligible workers in Domain.all order, results in input order", async () => {
  const v = await Miou.run(
    function* () {
      const fromDom0 = yield* Miou.parallel((x: number) => [x * x, Miou.Domain.self()], [0, 1, 2, 3, 4, 5, 6]);
      const p = yield* Miou.call(
        function* () {
          return yield* Miou.parallel((x: number) => [x, Miou.Domain.self()], [0, 1, 2, 3]);
        },
        { pin: 2 },
      );
      const empty = yield* Miou.parallel((x: number) => x, []);
      return { fromDom0, fromWorker: yield* Miou.await_exn(p), empty };
    },
    { domains: 3 },
  );
  assert.equal(
    v.fromDom0.map((r) => (r.ok ? r.value : r.error)),
    [0, 1, 2, 3, 4, 5, 6].map((x) => [x * x, (x % 3) + 1]),
  );
  assert.equal(
    v.fromWorker.map((r) => (r.ok ? r.value : r.error)),
    [[0, 1], [1, 3], [2, 1], [3, 3]],
  );
  assert.equal(v.empty, []);
});

test("parallel: a failing element is an error in its slot and does not cancel the others", async () => {
  const v = await Miou.run(
    function* () {
      return yield* Miou.parallel(function* (x: number) {
        yield* Miou.yield_();
        if (x === 1) throw new TypeError(`bad ${x}`);
        return x;
      }, [0, 1, 2]);
    },
    { domains: 2 },
  );
  assert.equal(v[0], { ok: true, value: 0 });
  assert.equal(v[2], { ok: true, value: 2 });
  assert.is(v[1]!.ok, false);
  assert.instance((v[1] as { error: unknown }).error, TypeError);
});

test("Domain.self, available and all are right on every domain", async () => {
  const v = await Miou.run(
    function* () {
      const here = [Miou.Domain.self(), Miou.Domain.available(), Miou.Domain.all()];
      const there = yield* Miou.parallel(() => [Miou.Domain.self(), Miou.Domain.available(), Miou.Domain.all()], [0, 1, 2]);
      return [here, ...there.map((r) => (r.ok ? r.value : r.error))];
    },
    { domains: 3 },
  );
  assert.equal(v, [
    [0, 3, [1, 2, 3]],
    [1, 3, [1, 2, 3]],
    [2, 3, [1, 2, 3]],
    [3, 3, [1, 2, 3]],
  ]);
});

test("two workers run at the same time: each sees the other running through shared memory", async () => {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const v = await Miou.run(
    function* () {
      const a = yield* Miou.call(rendezvous(flags, 0), { pin: 1 });
      const b = yield* Miou.call(rendezvous(flags, 1), { pin: 2 });
      return [yield* Miou.await_exn(a), yield* Miou.await_exn(b)];
    },
    { domains: 2 },
  );
  assert.equal(v, [true, true]);
});

test("a function that is not self-contained fails with an error saying so (miou/gen)", async () => {
  const outside = 41;
  const r = await Miou.run(
    function* () {
      const p = yield* Miou.call(() => outside + 1);
      return yield* Miou.await_(p);
    },
    { domains: 1 },
  );
  assert.is(r.ok, false);
  const e = (r as { error: Error }).error;
  assert.instance(e, TypeError);
  assert.match(e.message, /outside/);
  assert.match(e.message, /self-contained/);
});

test.run();
