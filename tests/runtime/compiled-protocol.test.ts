// The compiled protocol (runtime/PROTOCOL.md), written by hand as the transformer will emit it:
// raw `yield` of operations, frames pushed by yielding generator objects, call-site ids.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { at, registerSites } from "miou/compiled";

// Sites of this "module": name, line, column triples (positions in an imagined app.ts).
const $s = registerSites("app.ts", ["depth", 3, 10, "middle", 7, 12, "outer", 11, 3]);

function* depth(n: number): Generator<unknown, number, unknown> {
  if (n === 0) return 0;
  yield Miou.yield_(); // one suspension at every level
  return 1 + ((yield at(depth(n - 1), $s + 0)) as number);
}

test("a 100,000-deep recursion of suspending functions: no stack overflow", async () => {
  const r = await Miou.run(() => depth(100_000));
  assert.is(r, 100_000);
});

test("compiled frames and generator-style frames call each other", async () => {
  function* compiled(x: number): Generator<unknown, number, unknown> {
    yield Miou.yield_();
    return x * 2;
  }
  function* handWritten(x: number): Generator<unknown, number, unknown> {
    const y = yield* compiled(x); // hand-written delegates to compiled with yield*
    yield* Miou.yield_();
    return y + 1;
  }
  function* compiledCaller(): Generator<unknown, number, unknown> {
    return (yield at(handWritten(20), 0)) as number; // compiled calls hand-written: a frame push
  }
  assert.is(await Miou.run(compiledCaller), 41);
});

test("errors cross frames: a throw in a callee is caught by a caller frame", async () => {
  function* thrower(): Generator<unknown, never, unknown> {
    yield Miou.yield_();
    throw new Error("deep");
  }
  function* catcher(): Generator<unknown, string, unknown> {
    try {
      yield at(thrower(), $s + 1);
    } catch (e) {
      return `caught ${(e as Error).message}`;
    }
    return "not caught";
  }
  assert.is(await Miou.run(catcher), "caught deep");
});

function* failing(): Generator<unknown, never, unknown> {
  yield Miou.yield_();
  throw new Error("failed deep down");
}
function* middle(): Generator<unknown, unknown, unknown> {
  return yield at(failing(), $s + 1);
}
function* outer(): Generator<unknown, unknown, unknown> {
  return yield at(middle(), $s + 2);
}

test("a stack shows the suspended callers, innermost first, at their .ts positions", async () => {
  const e = (await Miou.run(outer).catch((e: unknown) => e)) as Error;
  const lines = e.stack!.split("\n");
  const i = lines.indexOf("    at middle (app.ts:7:12)");
  assert.ok(i > 0, e.stack);
  assert.is(lines[i + 1], "    at outer (app.ts:11:3)");
  assert.ok(lines.slice(0, i).some((l) => l.includes("failing")), "the native frame of the throw comes first");
});

test("a stack 10,000 frames deep lists all of them", async () => {
  function* down(n: number): Generator<unknown, never, unknown> {
    if (n === 0) {
      yield Miou.yield_();
      throw new Error("bottom");
    }
    return (yield at(down(n - 1), $s + 0)) as never;
  }
  const e = (await Miou.run(() => down(10_000)).catch((e: unknown) => e)) as Error;
  const frames = e.stack!.split("\n").filter((l) => l === "    at depth (app.ts:3:10)");
  assert.is(frames.length, 10_000);
});

test("an error the runtime raises for an operation names the operation's own site", async () => {
  function* nosy(p: Miou.Promise<number>): Generator<unknown, unknown, unknown> {
    return yield at(Miou.await_exn(p), $s + 1);
  }
  const e = (await Miou.run(function* () {
    const a = yield* Miou.async(() => 1);
    const b = yield* Miou.async(() => nosy(a));
    const r = yield* Miou.await_(b);
    yield* Miou.await_(a);
    return r;
  })) as { ok: false; error: Error };
  assert.instance(e.error, Miou.Not_a_child);
  assert.match(e.error.stack!, "    at middle (app.ts:7:12)");
});

test("an operation of another copy of miou is refused with an error naming the copy", async () => {
  const foreign = { [Symbol.for("miou.op.v1")]: { name: "miou@0.0.1 in /elsewhere" } };
  const r = await Miou.run(function* () {
    try {
      yield foreign;
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(r as string, "another copy of miou (miou@0.0.1 in /elsewhere)");
});

test.run();
