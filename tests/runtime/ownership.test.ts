// Ownership (README, "Ownership"): resources owned by tasks, finalised when a task dies.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output } from "../helpers.js";

test("a task that fails has its resources finalised; the run rejects with its error", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      const r = Miou.Ownership.create("socket", (v) => out.print(`closed ${v}`));
      yield* Miou.Ownership.own(r);
      throw new Error("p");
    });
    return yield* Miou.await_exn(p);
  }).catch((e: unknown) => e as Error);
  assert.is((e as Error).message, "p");
  assert.equal(out.lines, ["closed socket"]);
});

test("returning while owning a resource: finalisers run, then Resource_leaked ends the run", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.Ownership.own(Miou.Ownership.create(1, () => out.print("finalised")));
    });
    yield* Miou.await_(p);
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Resource_leaked);
  assert.equal(out.lines, ["finalised"]);
});

test("released or disowned resources are not finalised again", async () => {
  const out = output();
  await Miou.run(function* () {
    const a = Miou.Ownership.create("a", (v) => out.print(v));
    const b = Miou.Ownership.create("b", (v) => out.print(v));
    yield* Miou.Ownership.own(a);
    yield* Miou.Ownership.own(b);
    yield* Miou.Ownership.release(a);
    yield* Miou.Ownership.disown(b);
  });
  assert.equal(out.lines, ["a"]);
});

test("a cancelled task's resources are finalised", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.Ownership.own(Miou.Ownership.create("r", (v) => out.print(`finalised ${v}`)));
      for (;;) yield* Miou.yield_();
    });
    yield* Miou.yield_();
    yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.equal(out.lines, ["finalised r"]);
});

test("check, disown and release of a resource the task does not own raise Not_owner", async () => {
  const r = await Miou.run(function* () {
    const res = Miou.Ownership.create(0, () => undefined);
    const names: string[] = [];
    for (const op of [Miou.Ownership.check, Miou.Ownership.disown, Miou.Ownership.release, Miou.Ownership.transfer]) {
      const p = yield* Miou.async(function* () {
        try {
          yield* op(res);
        } catch (e) {
          return (e as Error).name;
        }
      });
      names.push((yield* Miou.await_exn(p)) as string);
    }
    return names;
  });
  assert.equal(r, ["Miou.Not_owner", "Miou.Not_owner", "Miou.Not_owner", "Miou.Not_owner"]);
});

test("owning twice is a TypeError; transfer from the root task is a TypeError", async () => {
  const r = await Miou.run(function* () {
    const res = Miou.Ownership.create(0, () => undefined);
    yield* Miou.Ownership.own(res);
    const errors: string[] = [];
    for (const op of [Miou.Ownership.own, Miou.Ownership.transfer]) {
      try {
        yield* op(res);
      } catch (e) {
        errors.push(`${(e as Error).constructor.name}: ${(e as Error).message}`);
      }
    }
    yield* Miou.Ownership.disown(res);
    return errors;
  });
  assert.is(r.length, 2);
  assert.match(r[0]!, /^TypeError: Miou.Ownership.own: the current promise already holds/);
  assert.match(r[1]!, /^TypeError: Miou.Ownership.transfer: the current promise has no parent/);
});

test("give moves a resource to the child; transfer moves it back to the parent", async () => {
  const out = output();
  await Miou.run(function* () {
    const res = Miou.Ownership.create("conn", (v) => out.print(`closed ${v}`));
    yield* Miou.Ownership.own(res);
    const child = yield* Miou.async(
      function* () {
        yield* Miou.Ownership.check(res); // the child owns it now
        yield* Miou.Ownership.transfer(res);
      },
      { give: [res] },
    );
    yield* Miou.await_exn(child);
    yield* Miou.Ownership.check(res); // back with the parent
    yield* Miou.Ownership.release(res);
  });
  assert.equal(out.lines, ["closed conn"]);
});

test("Ownership.value reads the value; a finaliser that throws is reported, not fatal", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      const r = Miou.Ownership.create({ n: 7 }, () => {
        throw new Error("finaliser failed");
      });
      yield* Miou.Ownership.own(r);
      out.print(String(Miou.Ownership.value(r).n));
      throw new Error("task failed");
    });
    return yield* Miou.await_exn(p);
  }).catch((e: unknown) => e as Error);
  assert.is((e as Error).message, "task failed");
  assert.equal(out.lines, ["7"]);
});

test.run();
