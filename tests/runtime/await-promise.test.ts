// await_promise: JavaScript promises seen from tasks, built on syscall/suspend/wake.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

const later = <T>(ms: number, v: T) => new Promise<T>((resolve) => setTimeout(() => resolve(v), ms));

test("returns the value; throws the rejection", async () => {
  const r = await Miou.run(function* () {
    const v = yield* Miou.await_promise(later(1, "v"));
    try {
      yield* Miou.await_promise(Promise.reject(new Error("no")));
    } catch (e) {
      return [v, (e as Error).message];
    }
  });
  assert.equal(r, ["v", "no"]);
});

test("other tasks run while one waits on a promise", async () => {
  const r = await Miou.run(function* () {
    let spins = 0;
    const waiter = yield* Miou.async(function* () {
      return yield* Miou.await_promise(later(5, "done"));
    });
    const spinner = yield* Miou.async(function* () {
      while (Miou.Promise.state(waiter) === "Running") {
        spins += 1;
        yield* Miou.yield_();
      }
    });
    const v = yield* Miou.await_exn(waiter);
    yield* Miou.await_exn(spinner);
    return [v, spins > 1];
  });
  assert.equal(r, ["done", true]);
});

test("a cancelled waiter stops at once; a later rejection is never unhandled", async () => {
  let unhandled = 0;
  const onUnhandled = () => void (unhandled += 1);
  process.on("unhandledRejection", onUnhandled);
  try {
    let reject: ((e: Error) => void) | undefined;
    const pending = new Promise<never>((_, r) => (reject = r));
    const r = await Miou.run(function* () {
      const p = yield* Miou.async(function* () {
        yield* Miou.await_promise(pending);
      });
      yield* Miou.yield_();
      yield* Miou.yield_();
      yield* Miou.cancel(p);
      return Miou.Promise.state(p);
    });
    reject!(new Error("too late"));
    await later(5, undefined);
    assert.is(r, "Exited");
    assert.is(unhandled, 0);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

test("a waiting run keeps no timer of its own: the process would exit when the promise does", async () => {
  const before = process.getActiveResourcesInfo().filter((k) => k === "Timeout").length;
  const r = await Miou.run(function* () {
    return yield* Miou.await_promise(Promise.resolve(3));
  });
  assert.is(r, 3);
  assert.is(process.getActiveResourcesInfo().filter((k) => k === "Timeout").length, before);
});

test("many tasks awaiting one promise: the cancelled ones drop out, the others get its value", async () => {
  let resolve!: (v: number) => void;
  const shared = new Promise<number>((r) => (resolve = r));
  const r = await Miou.run(function* () {
    const ps: Miou.Promise<number>[] = [];
    for (let i = 0; i < 6; i++)
      ps.push(
        yield* Miou.async(function* () {
          return (yield* Miou.await_promise(shared)) + i;
        }),
      );
    for (let i = 0; i < 4; i++) yield* Miou.yield_();
    for (let i = 0; i < 6; i += 2) yield* Miou.cancel(ps[i]!);
    resolve(10);
    const out: (number | string)[] = [];
    for (const p of ps) {
      const o = yield* Miou.await_(p);
      out.push(o.ok ? o.value : (o.error as Error).name);
    }
    return out;
  });
  assert.equal(r, ["Miou.Cancelled", 11, "Miou.Cancelled", 13, "Miou.Cancelled", 15]);
});

test.run();
