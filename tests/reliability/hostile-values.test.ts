// Values the scheduler touches for the user, made hostile: revoked Proxies, throwing getters,
// a `select` that returns nonsense, an events record without `interrupt`. Each must become an
// error in the task that produced it (or a rejected run), with full teardown.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output, rejection } from "../helpers.js";

/** A revoked Proxy: any inspection of it (instanceof, property reads) throws a TypeError. */
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A Proxy whose every trap throws. */
function trapping(): object {
  const boom = () => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: boom, getPrototypeOf: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, defineProperty: boom });
}

/** An object whose properties throw when read. */
function getters(): object {
  const o = {};
  for (const key of ["next", "throw", "then", Symbol.for("miou.op.v1")])
    Object.defineProperty(o, key, {
      get() {
        throw new Error("getter");
      },
    });
  return o;
}

const hostile: [string, () => unknown][] = [
  ["a revoked Proxy", revoked],
  ["a trapping Proxy", trapping],
  ["an object with throwing getters", getters],
];

for (const [name, make] of hostile) {
  test(`protect runs finally and on_cancellation when the body throws ${name}`, async () => {
    const out = output();
    const thrown = make();
    const e = await Miou.run(function* () {
      try {
        yield* Miou.protect(
          () => {
            throw thrown;
          },
          { finally: (c) => out.print(`finally ${c}`), on_cancellation: () => out.print("on_cancellation") },
        );
      } catch (e) {
        return { e }; // boxed: a JavaScript promise resolved with a Proxy reads its `then`
      }
      return null;
    });
    assert.ok(e?.e === thrown);
    assert.equal(out.lines, ["finally false"]);
  });

  test(`a task that yields ${name} gets a TypeError at that yield; the run goes on`, async () => {
    const out = output();
    const y = make();
    const v = await Miou.run(function* () {
      const p = yield* Miou.async(function* () {
        yield* Miou.Ownership.own(Miou.Ownership.create(0, () => out.print("finalised")));
        yield y;
      });
      const r = yield* Miou.await_(p);
      return r.ok ? "resolved" : (r.error as Error).constructor.name + ": " + (r.error as Error).message;
    });
    assert.match(v, /^TypeError: a Miou task yielded/);
    assert.equal(out.lines, ["finalised"]);
  });

  test(`a task body that returns ${name} resolves with it (not a frame)`, async () => {
    const y = make();
    const v = await Miou.run(function* () {
      const p = yield* Miou.async(() => y);
      return yield* Miou.await_(p);
    });
    assert.ok(v.ok && v.value === y);
  });

  test(`the run rejects with ${name} thrown by the root, after teardown`, async () => {
    const out = output();
    const thrown = make();
    let e: unknown = null;
    await Miou.run(function* () {
      yield* Miou.Ownership.own(Miou.Ownership.create(0, () => out.print("finalised")));
      yield* Miou.yield_();
      throw thrown;
    }).then(
      () => undefined,
      (x: unknown) => void (e = x),
    );
    assert.ok(e === thrown);
    assert.equal(out.lines, ["finalised"]);
  });
}

/** A run whose event source `select` returns `result`, with a task parked on a syscall. */
function runWithSelect(result: () => unknown, out: { print(l: string): void }) {
  return Miou.run(
    function* () {
      yield* Miou.Ownership.own(Miou.Ownership.create(0, () => out.print("finalised")));
      const s = yield* Miou.syscall("never");
      yield* Miou.suspend(s);
      out.print("resumed");
    },
    { events: () => ({ select: () => result() as Miou.Signal[], interrupt() {} }) },
  );
}

const selectResults: [string, () => unknown][] = [
  ["42", () => 42],
  ["[42]", () => [42]],
  ["a promise of 42", () => Promise.resolve(42)],
  ["a promise of [null]", () => Promise.resolve([null])],
  ["a revoked Proxy", revoked],
  ["[a trapping Proxy]", () => [trapping()]],
];

for (const [name, result] of selectResults) {
  test(`a select that returns ${name} ends the run with a TypeError naming select, after teardown`, async () => {
    const out = output();
    const e = await rejection(runWithSelect(result, out));
    assert.instance(e, TypeError);
    assert.match(e.message, /events\.select/);
    assert.equal(out.lines, ["finalised"]);
  });
}

test("a select that throws a non-Error: the run's error says select threw, not the root task", async () => {
  const out = output();
  const e = await rejection(
    runWithSelect(() => {
      throw "nope";
    }, out),
  );
  assert.match(e.message, /select/);
  assert.not.match(e.message, /root task/);
  assert.is((e as Error & { cause?: unknown }).cause, "nope");
  assert.equal(out.lines, ["finalised"]);
});

test("a trace callback that throws a non-Error: the run's error says trace threw, not the root task", async () => {
  const e = await rejection(
    Miou.run(() => 1, {
      trace: () => {
        throw Symbol("t");
      },
    }),
  );
  assert.match(e.message, /trace/);
  assert.not.match(e.message, /root task/);
});

test("an events record without interrupt is refused by run, before anything runs", async () => {
  const out = output();
  let thrown: unknown = null;
  try {
    await Miou.run(() => out.print("ran"), { events: () => ({ select: () => [] }) as unknown as Miou.Events });
  } catch (e) {
    thrown = e;
  }
  assert.instance(thrown, TypeError);
  assert.match((thrown as Error).message, /Miou\.run: .*interrupt/);
  assert.equal(out.lines, []);
});

test("an events record without select is refused by run, before anything runs", async () => {
  let thrown: unknown = null;
  try {
    await Miou.run(() => 1, { events: () => ({ interrupt() {} }) as unknown as Miou.Events });
  } catch (e) {
    thrown = e;
  }
  assert.instance(thrown, TypeError);
  assert.match((thrown as Error).message, /Miou\.run: .*select/);
});

test("a hook that throws a revoked Proxy is removed and the run goes on", async () => {
  const errors: unknown[] = [];
  const saved = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    const v = await Miou.run(function* () {
      yield* Miou.Hook.add(() => {
        throw revoked();
      });
      yield* Miou.yield_();
      yield* Miou.yield_();
      return "done";
    });
    assert.is(v, "done");
  } finally {
    console.error = saved;
  }
  assert.is(errors.length, 1);
});

test("a finaliser that throws a trapping Proxy is reported; the others still run", async () => {
  const out = output();
  const saved = console.error;
  console.error = () => {};
  try {
    await rejection(
      Miou.run(function* () {
        yield* Miou.Ownership.own(Miou.Ownership.create(0, () => out.print("a")));
        yield* Miou.Ownership.own(
          Miou.Ownership.create(0, () => {
            throw trapping();
          }),
        );
        yield* Miou.Ownership.own(Miou.Ownership.create(0, () => out.print("c")));
        throw new Error("fail");
      }),
    );
  } finally {
    console.error = saved;
  }
  assert.equal(out.lines.sort(), ["a", "c"]);
});

test.run();
