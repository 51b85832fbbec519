// The step order (README, "Scheduling"): FIFO per domain, each ⏸ call one scheduling point, hooks
// before every step. These pin Miou's documented orderings.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output, virtualClock } from "../helpers.js";

test("a child starts only at its parent's next scheduling point (World, then Hello)", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(() => out.print("Hello"));
    out.print("World");
    yield* Miou.await_exn(p);
  });
  assert.equal(out.lines, ["World", "Hello"]);
});

test("yield_ lets the child that waited longer run first (Hello, then World)", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(() => out.print("Hello"));
    yield* Miou.yield_();
    out.print("World");
    yield* Miou.await_exn(p);
  });
  assert.equal(out.lines, ["Hello", "World"]);
});

test("a parent failing before its next scheduling point: the child never runs", async () => {
  const clock = virtualClock();
  let ran = false;
  await Miou.run(
    function* () {
      yield* Miou.async(function* () {
        ran = true;
        yield* clock.sleep(1);
      });
      throw new Error("no");
    },
    { events: clock.events },
  ).catch(() => undefined);
  assert.not.ok(ran);
  assert.is(clock.now(), 0);
});

test("two hooks, a yield_ and two removals print h1 h2 h1 h1 h1 (README, 'Differences from OCaml Miou')", async () => {
  const out = output();
  await Miou.run(function* () {
    const h1 = yield* Miou.Hook.add(() => out.print("h1"));
    const h2 = yield* Miou.Hook.add(() => {
      out.print("h2");
      throw new Error("h2 fails and is removed");
    });
    yield* Miou.yield_();
    yield* Miou.Hook.remove(h2);
    yield* Miou.Hook.remove(h1);
  });
  assert.equal(out.lines, ["h1", "h2", "h1", "h1", "h1"]);
});

test("tasks interleave one operation at a time, in FIFO order", async () => {
  const out = output();
  await Miou.run(function* () {
    const worker = (name: string) =>
      function* () {
        for (let i = 0; i < 3; i++) {
          out.print(`${name}${i}`);
          yield* Miou.yield_();
        }
      };
    const a = yield* Miou.async(worker("a"));
    const b = yield* Miou.async(worker("b"));
    yield* Miou.await_all([a, b]);
  });
  // main's second `async` is serviced at its next turn, after `a` has had its first: so `a`
  // runs twice before `b` starts, then the two alternate.
  assert.equal(out.lines, ["a0", "a1", "b0", "a2", "b1", "b2"]);
});

test("quanta: a task has up to `quanta` operations serviced per turn", async () => {
  const order = async (quanta: number) => {
    const out = output();
    await Miou.run(
      function* () {
        const worker = (name: string) =>
          function* () {
            for (let i = 0; i < 4; i++) {
              out.print(`${name}${i}`);
              yield* Miou.syscall(); // any operation but yield_: it does not end the turn
            }
          };
        const a = yield* Miou.async(worker("a"));
        const b = yield* Miou.async(worker("b"));
        yield* Miou.await_all([a, b]);
      },
      { quanta },
    );
    return out.lines.join(" ");
  };
  assert.is(await order(1), "a0 a1 b0 a2 b1 a3 b2 b3");
  assert.is(await order(2), "a0 b0 a1 a2 b1 b2 a3 b3");
});

test("yield_ ends a turn whatever quanta remain", async () => {
  const out = output();
  await Miou.run(
    function* () {
      const worker = (name: string) =>
        function* () {
          for (let i = 0; i < 3; i++) {
            out.print(`${name}${i}`);
            yield* Miou.yield_();
          }
        };
      const a = yield* Miou.async(worker("a"));
      const b = yield* Miou.async(worker("b"));
      yield* Miou.await_all([a, b]);
    },
    { quanta: 5 },
  );
  // With 5 quanta main spawns both children in one turn; each `yield_` still ends a turn.
  assert.equal(out.lines, ["a0", "b0", "a1", "b1", "a2", "b2"]);
});

test.run();
