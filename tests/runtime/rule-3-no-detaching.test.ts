// Rule 3: there is no detaching: a child leaves its parent only by being awaited or cancelled.
// Background work goes through orphans, whose children are still ordinary children.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("handing a child's promise to another task does not hand over the obligation", async () => {
  const e = await Miou.run(function* () {
    const child = yield* Miou.async(() => 1);
    const other = yield* Miou.async(function* () {
      try {
        return yield* Miou.await_exn(child);
      } catch (e) {
        return (e as Error).name;
      }
    });
    yield* Miou.await_exn(other); // Not_a_child in `other`; `child` is still main's to await
    return "main forgot its child";
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
});

test("a child in an orphans collector is still a child", async () => {
  const e = await Miou.run(function* () {
    const o = Miou.orphans();
    yield* Miou.async(() => 1, { orphans: o });
    yield* Miou.yield_();
    return Miou.length(o);
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
});

test("Promise.state reports a child's progress without discharging it", async () => {
  const r = await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.yield_();
      return 1;
    });
    const states = [Miou.Promise.state(p)];
    for (let i = 0; i < 3; i++) yield* Miou.yield_();
    states.push(Miou.Promise.state(p));
    yield* Miou.await_(p);
    return states;
  });
  assert.equal(r, ["Running", "Finished"]);
});

test.run();
