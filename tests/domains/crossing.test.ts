// What crosses between domains (README, "Domains: parallel tasks", "Ownership", "Tracing"): errors keep their class, message,
// stack, cause and properties; resources cross as references and are finalised where they were
// made; trace events from workers reach `trace` on dom0.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { releaser, transferrer, userError } from "./_portable.mjs";

test("errors cross with their class: Miou's, built-in, Node's with a code, a user's class by name", async () => {
  const v = await Miou.run(
    function* () {
      const throwers = [
        () => {
          throw new Miou.Not_owner("not yours");
        },
        () => {
          throw new RangeError("out", { cause: new TypeError("inner") });
        },
        () => {
          const fs = process.getBuiltinModule?.("node:fs") ?? null;
          if (fs === null) throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT", errno: -2 });
          fs.readFileSync("/nonexistent/miou");
        },
        userError(),
      ];
      const out: unknown[] = [];
      for (const fn of throwers) out.push(yield* Miou.await_(yield* Miou.call(fn)));
      return out.map((r) => (r as { error: Error }).error);
    },
    { domains: 1 },
  );
  const [miou, range, node, user] = v as [Error, Error, Error & { code?: string }, Error & { line?: number }];
  assert.instance(miou, Miou.Not_owner);
  assert.is(miou.message, "not yours");
  assert.instance(range, RangeError);
  assert.instance(range.cause, TypeError);
  assert.is((range.cause as Error).message, "inner");
  assert.match(range.stack ?? "", /out/);
  assert.is(node.code, "ENOENT");
  assert.match(node.message, /ENOENT/);
  assert.is(user.constructor, Error);
  assert.is(user.name, "ParseError");
  assert.is(user.message, "bad input");
  assert.is(user.line, 3);
});

test("a value structured clone cannot copy fails the child with an error naming the domain", async () => {
  const r = await Miou.run(
    function* () {
      const p = yield* Miou.call(() => () => "a function");
      return yield* Miou.await_(p);
    },
    { domains: 1 },
  );
  assert.is(r.ok, false);
  assert.instance((r as { error: Error }).error, TypeError);
  assert.match((r as { error: Error }).error.message, /cannot be sent back to domain 0/);
});

test("give moves the obligation to a worker; the finaliser runs on the domain that made the resource", async () => {
  const finalisedOn: number[] = [];
  const v = await Miou.run(
    function* () {
      const r = Miou.Ownership.create("socket", () => void finalisedOn.push(Miou.Domain.self()));
      yield* Miou.Ownership.own(r);
      const p = yield* Miou.call(releaser(r as Miou.Resource<unknown>), { give: [r as Miou.Resource<unknown>] });
      const read = yield* Miou.await_exn(p);
      // no longer ours: checking it fails
      let mine = true;
      try {
        yield* Miou.Ownership.check(r);
      } catch (e) {
        mine = !(e instanceof Miou.Not_owner);
      }
      return { read, mine };
    },
    { domains: 1 },
  );
  assert.equal(v, { read: "TypeError", mine: false });
  assert.equal(finalisedOn, [0]);
});

test("transfer to a parent on another domain: the parent owns it, and its finaliser runs where it was made", async () => {
  const probe = new Int32Array(new SharedArrayBuffer(16));
  const v = await Miou.run(
    function* () {
      const p = yield* Miou.call(transferrer(probe, 1), { pin: 1 });
      const r = yield* Miou.await_exn(p);
      yield* Miou.Ownership.check(r); // dom0's root task owns it now
      let value = "read";
      try {
        Miou.Ownership.value(r);
      } catch (e) {
        value = (e as Error).name;
      }
      yield* Miou.Ownership.release(r);
      return value;
    },
    { domains: 1 },
  );
  assert.is(v, "TypeError");
  // The finaliser ran on domain 1 (it stores Domain.self() + 1); the message may still be on its way.
  for (let i = 0; i < 200 && Atomics.load(probe, 1) === 0; i++) Atomics.wait(probe, 0, 0, 10);
  assert.is(Atomics.load(probe, 1), 2);
});

test("trace events from workers reach trace on dom0, before run settles", async () => {
  const events: Miou.TraceEvent[] = [];
  const uid = await Miou.run(
    function* () {
      const p = yield* Miou.call(function* () {
        yield* Miou.yield_();
        return 1;
      });
      yield* Miou.await_exn(p);
      return Miou.Promise.uid(p);
    },
    { domains: 1, trace: (e) => events.push(e) },
  );
  const mine = events.filter((e) => e.task === uid).map((e) => `${e.domain}:${e.kind}`);
  assert.equal(mine, ["1:spawn", "1:resume", "1:yield", "1:resume", "1:resolve"]);
  assert.ok(events.filter((e) => e.task === uid).every((e) => e.parent === 1), "its parent is dom0's root task");
});

test.run();
