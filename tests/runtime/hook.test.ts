// Hooks (README, "Scheduling"): functions a domain runs before every step.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("a hook runs before every step; removing it is idempotent", async () => {
  let calls = 0;
  const r = await Miou.run(function* () {
    const h = yield* Miou.Hook.add(() => void (calls += 1));
    for (let i = 0; i < 5; i++) yield* Miou.yield_();
    yield* Miou.Hook.remove(h);
    const after = calls;
    yield* Miou.Hook.remove(h);
    yield* Miou.yield_();
    return [after, calls];
  });
  assert.is(r[0], 6, "before each of the 5 yields' turns and the first remove's");
  assert.is(r[1], r[0], "no call once removed");
});

test("a hook that calls a ⏸ function gets the TypeError and is removed", async () => {
  let tries = 0;
  const reported: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void reported.push(args);
  try {
    await Miou.run(function* () {
      yield* Miou.Hook.add(() => {
        tries += 1;
        Miou.yield_();
      });
      for (let i = 0; i < 3; i++) yield* Miou.yield_();
    });
  } finally {
    console.error = original;
  }
  assert.is(tries, 1);
  assert.is(reported.length, 1);
});

test("removing a hook of another domain is a TypeError (here: another run's dom0)", async () => {
  let foreign: Miou.Hook | undefined;
  await Miou.run(function* () {
    foreign = yield* Miou.Hook.add(() => undefined);
    yield* Miou.Hook.remove(foreign);
  });
  const r = await Miou.run(function* () {
    try {
      yield* Miou.Hook.remove(foreign!);
    } catch (e) {
      return e;
    }
  });
  assert.instance(r, TypeError);
  assert.match((r as Error).message, "does not belong to the current domain");
});

test("Hook.add refuses a generator function, Hook.remove anything Hook.add did not make, at the call", async () => {
  const r = await Miou.run(function* () {
    const errors: string[] = [];
    for (const call of [() => Miou.Hook.add(function* () {}), () => Miou.Hook.remove(null as never), () => Miou.Hook.remove({} as never)])
      try {
        call();
      } catch (e) {
        errors.push((e as Error).message);
      }
    return errors;
  });
  assert.is(r.length, 3);
  assert.match(r[0]!, /^Miou\.Hook\.add: a hook must be a plain function/);
  assert.match(r[1]!, /^Miou\.Hook\.remove: expected a hook returned by Miou\.Hook\.add/);
  assert.match(r[2]!, /^Miou\.Hook\.remove: expected a hook returned by Miou\.Hook\.add/);
});

test.run();
