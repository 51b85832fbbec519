// Rule 2: only the direct parent may await or cancel a task.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("awaiting a sibling raises Not_a_child in the caller, catchably", async () => {
  const r = await Miou.run(function* () {
    const a = yield* Miou.async(() => 1);
    const b = yield* Miou.async(function* () {
      try {
        return yield* Miou.await_exn(a);
      } catch (e) {
        return e;
      }
    });
    const caught = yield* Miou.await_exn(b);
    yield* Miou.await_(a);
    return caught;
  });
  assert.instance(r, Miou.Not_a_child);
  assert.is((r as unknown as Error).name, "Miou.Not_a_child");
});

for (const [name, use] of [
  ["await_", (p: Miou.Promise<number>) => Miou.await_(p)],
  ["await_exn", (p: Miou.Promise<number>) => Miou.await_exn(p)],
  ["await_one", (p: Miou.Promise<number>) => Miou.await_one([p])],
  ["await_first", (p: Miou.Promise<number>) => Miou.await_first([p])],
  ["await_all", (p: Miou.Promise<number>) => Miou.await_all([p])],
  ["cancel", (p: Miou.Promise<number>) => Miou.cancel(p)],
] as const) {
  test(`${name} of a grandchild raises Not_a_child`, async () => {
    const got = await Miou.run(function* () {
      let grandchild: Miou.Promise<number> | undefined;
      const child = yield* Miou.async(function* () {
        grandchild = yield* Miou.async(() => 1);
        yield* Miou.yield_();
        yield* Miou.yield_();
        return yield* Miou.await_exn(grandchild);
      });
      yield* Miou.yield_(); // the child starts
      yield* Miou.yield_(); // the child's async is serviced: the grandchild exists
      let caught: unknown;
      try {
        yield* use(grandchild!);
      } catch (e) {
        caught = e;
      }
      yield* Miou.await_exn(child);
      return caught;
    });
    assert.instance(got, Miou.Not_a_child);
  });
}

test("a task cannot cancel itself through its own promise", async () => {
  const r = await Miou.run(function* () {
    let self: Miou.Promise<unknown> | undefined;
    self = yield* Miou.async(function* () {
      yield* Miou.yield_();
      try {
        yield* Miou.cancel(self!);
      } catch (e) {
        return (e as Error).name;
      }
      return "cancelled itself";
    });
    return yield* Miou.await_exn(self);
  });
  assert.is(r, "Miou.Not_a_child");
});

test.run();
