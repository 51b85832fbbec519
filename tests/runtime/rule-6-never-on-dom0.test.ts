// Rule 6: parallel tasks never run on dom0, and `call` never targets the caller's own domain.
// Where no domain is eligible, `call` and `parallel` raise No_domain_available; a `pin` naming
// dom0 or the caller's own domain is a RangeError.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { attempt } from "../helpers.js";

test("from dom0: call and parallel place every task on a worker, never on dom0", async () => {
  const v = await Miou.run(
    function* () {
      const calls: number[] = [];
      for (let i = 0; i < 6; i++) calls.push(yield* Miou.await_exn(yield* Miou.call(() => Miou.Domain.self())));
      const elements = yield* Miou.parallel(() => Miou.Domain.self(), [0, 1, 2, 3, 4, 5]);
      return { calls, elements: elements.map((r) => (r.ok ? r.value : r.error)) };
    },
    { domains: 2, seed: 6 },
  );
  for (const on of [...v.calls, ...v.elements]) assert.ok(on === 1 || on === 2, `ran on domain ${String(on)}`);
  assert.equal(v.elements, [1, 2, 1, 2, 1, 2], "parallel spreads over the workers, round-robin");
});

test("from a worker: call and parallel never target the caller's own domain (nor dom0)", async () => {
  const v = await Miou.run(
    function* () {
      const p = yield* Miou.call(
        function* () {
          const calls: number[] = [];
          for (let i = 0; i < 6; i++) calls.push(yield* Miou.await_exn(yield* Miou.call(() => Miou.Domain.self())));
          const elements = yield* Miou.parallel(() => Miou.Domain.self(), [0, 1, 2, 3]);
          return { self: Miou.Domain.self(), calls, elements: elements.map((r) => (r.ok ? r.value : r.error)) };
        },
        { pin: 2 },
      );
      return yield* Miou.await_exn(p);
    },
    { domains: 3, seed: 6 },
  );
  assert.is(v.self, 2);
  for (const on of v.calls) assert.ok(on === 1 || on === 3, `a call from domain 2 ran on domain ${on}`);
  assert.equal(v.elements, [1, 3, 1, 3]);
});

test("no eligible domain is No_domain_available; a pin on dom0 or on the caller's domain is a RangeError", async () => {
  const none = await Miou.run(
    function* () {
      return [yield* attempt(() => Miou.call(() => 1)), yield* attempt(() => Miou.parallel((x: number) => x, []))];
    },
    { domains: 0 },
  );
  for (const e of none) assert.instance(e, Miou.No_domain_available);
  const v = await Miou.run(
    function* () {
      const dom0 = yield* attempt(() => Miou.call(() => 1, { pin: 0 }));
      // Sent to a worker by its source: self-contained (no helper from this module).
      const p = yield* Miou.call(function* () {
        const names: string[] = [];
        const ops = [() => Miou.call(() => 1, { pin: Miou.Domain.self() }), () => Miou.call(() => 1), () => Miou.parallel((x: number) => x, [1])];
        for (const op of ops) {
          try {
            yield* op();
            names.push("no error");
          } catch (e) {
            names.push((e as Error).name);
          }
        }
        return names;
      });
      return { dom0, fromTheOnlyWorker: yield* Miou.await_exn(p) };
    },
    { domains: 1 },
  );
  assert.instance(v.dom0, RangeError);
  assert.match((v.dom0 as Error).message, "does not exist or is the actual domain");
  assert.equal(v.fromTheOnlyWorker, ["RangeError", "Miou.No_domain_available", "Miou.No_domain_available"]);
});

test.run();
