// protect (README, "Cancelling").
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output } from "../helpers.js";

const handlers = (out: ReturnType<typeof output>) => ({
  on_cancellation: () => out.print("on_cancellation"),
  finally: (cancelled: boolean) => out.print(`finally ${cancelled}`),
});

test("a body that returns: finally(false), and its value", async () => {
  const out = output();
  const v = await Miou.run(function* () {
    return yield* Miou.protect(function* () {
      yield* Miou.yield_();
      return 5;
    }, handlers(out));
  });
  assert.is(v, 5);
  assert.equal(out.lines, ["finally false"]);
});

test("a body that fails: finally(false), and the error again", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    return yield* Miou.protect(() => {
      throw new Error("body");
    }, handlers(out));
  }).catch((e: unknown) => e as Error);
  assert.is((e as Error).message, "body");
  assert.equal(out.lines, ["finally false"]);
});

test("a cancelled body: finally(true), then on_cancellation, then Cancelled", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      try {
        yield* Miou.protect(function* () {
          for (;;) yield* Miou.yield_();
        }, handlers(out));
      } catch (e) {
        out.print((e as Error).name);
        throw e;
      }
    });
    yield* Miou.yield_();
    yield* Miou.cancel(p);
  });
  assert.equal(out.lines, ["finally true", "on_cancellation", "Miou.Cancelled"]);
});

test("an error in finally is raised as an Error whose cause is the original", async () => {
  const original = new Error("in finally");
  const e = await Miou.run(function* () {
    return yield* Miou.protect(() => 1, {
      on_cancellation: () => undefined,
      finally: () => {
        throw original;
      },
    });
  }).catch((e: unknown) => e as Error);
  assert.is((e as Error).cause, original);
  assert.match((e as Error).message, "Miou.protect: finally");
});

test("handlers must be functions", async () => {
  const e = await Miou.run(function* () {
    return yield* Miou.protect(() => 1, {} as never);
  }).catch((e: unknown) => e);
  assert.instance(e, TypeError);
});

test.run();
