// Rule 5: background tasks go through an orphans collector.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("care hands back finished children, 'pending' while none is, undefined when empty", async () => {
  const r = await Miou.run(function* () {
    const o = Miou.orphans<number>();
    const seen: unknown[] = [yield* Miou.care(o)];
    yield* Miou.async(() => 1, { orphans: o });
    yield* Miou.async(
      function* () {
        for (let i = 0; i < 5; i++) yield* Miou.yield_();
        return 2;
      },
      { orphans: o },
    );
    seen.push(Miou.length(o));
    for (;;) {
      const p = yield* Miou.care(o);
      if (p === undefined) break;
      if (p === "pending") {
        seen.push("pending");
        yield* Miou.yield_();
        continue;
      }
      seen.push(yield* Miou.await_exn(p));
    }
    return seen.filter((x, i, all) => x !== "pending" || all[i - 1] !== "pending");
  });
  assert.equal(r, [undefined, 2, 1, "pending", 2]);
});

test("a child handed back by care must still be awaited", async () => {
  const e = await Miou.run(function* () {
    const o = Miou.orphans();
    yield* Miou.async(() => 1, { orphans: o });
    yield* Miou.yield_();
    yield* Miou.care(o); // handed back, never awaited
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
});

test("take removes the newest child, finished or not", async () => {
  const r = await Miou.run(function* () {
    const o = Miou.orphans<string>();
    yield* Miou.async(() => "old", { orphans: o });
    yield* Miou.async(() => "new", { orphans: o });
    const newest = (yield* Miou.take(o))!;
    const oldest = (yield* Miou.take(o))!;
    return [yield* Miou.await_exn(newest), yield* Miou.await_exn(oldest), yield* Miou.take(o)];
  });
  assert.equal(r, ["new", "old", undefined]);
});

test("get waits for a finished child and returns its outcome; undefined on an empty collector", async () => {
  const r = await Miou.run(function* () {
    const o = Miou.orphans<string>();
    const empty = yield* Miou.get(o);
    yield* Miou.async(
      function* () {
        yield* Miou.yield_();
        return "x";
      },
      { orphans: o },
    );
    return [empty, yield* Miou.get(o), Miou.length(o)];
  });
  assert.equal(r, [undefined, { ok: true, value: "x" }, 0]);
});

test("async with another task's collector: the child exists before the check fails", async () => {
  // As in Miou: the TypeError reaches the caller after the child was created, so a caller that
  // catches it and returns still has that child.
  const e = await Miou.run(function* () {
    const o = Miou.orphans();
    yield* Miou.care(o); // main claims it
    const p = yield* Miou.async(function* () {
      try {
        yield* Miou.async(() => 1, { orphans: o });
      } catch (e) {
        return e;
      }
    });
    return yield* Miou.await_(p);
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
});

test("using another task's collector is a TypeError naming the owner", async () => {
  const r = await Miou.run(function* () {
    const o = Miou.orphans();
    yield* Miou.care(o);
    const p = yield* Miou.async(function* () {
      try {
        yield* Miou.care(o);
      } catch (e) {
        return e;
      }
    });
    return yield* Miou.await_exn(p);
  });
  assert.instance(r, TypeError);
  assert.match((r as Error).message, /owned by another promise \(task 1\)/);
});

test.run();
