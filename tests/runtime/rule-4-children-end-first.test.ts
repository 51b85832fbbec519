// Rule 4: a task finishes after its children. Normal end: implied by rule 1. Failure: children
// are cancelled first. Cancel: the canceller waits for the whole subtree.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { output } from "../helpers.js";

function* spin(): Generator<unknown, never, unknown> {
  for (;;) yield* Miou.yield_();
}

test("the awaiter of a failed task sees the failure only after its children are torn down", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      yield* Miou.async(function* () {
        try {
          yield* spin();
        } finally {
          out.print("grandchild torn down");
        }
      });
      yield* Miou.yield_();
      throw new Error("child fails");
    });
    const r = yield* Miou.await_(p);
    out.print(`awaiter sees ${(r as { error: Error }).error.message}`);
  });
  assert.equal(out.lines, ["grandchild torn down", "awaiter sees child fails"]);
});

test("cancel returns only once every descendant's finally has run", async () => {
  const out = output();
  await Miou.run(function* () {
    const p = yield* Miou.async(function* () {
      for (let i = 0; i < 3; i++) {
        yield* Miou.async(function* () {
          try {
            yield* spin();
          } finally {
            out.print(`leaf ${i}`);
          }
        });
      }
      yield* spin();
    });
    for (let i = 0; i < 8; i++) yield* Miou.yield_();
    yield* Miou.cancel(p);
    out.print("cancel returned");
  });
  assert.is(out.lines.length, 4);
  assert.is(out.lines[3], "cancel returned");
});

test("when the root fails, every live task is cancelled before run rejects", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    for (let i = 0; i < 3; i++) {
      yield* Miou.async(function* () {
        try {
          yield* spin();
        } finally {
          out.print("cleaned");
        }
      });
    }
    yield* Miou.yield_();
    throw new Error("root fails");
  }).catch((e: unknown) => {
    out.print("run rejected");
    return e as Error;
  });
  assert.is((e as Error).message, "root fails");
  assert.equal(out.lines, ["cleaned", "cleaned", "cleaned", "run rejected"]);
});

test("on an uncatchable error every live task is cancelled and every finaliser runs first", async () => {
  const out = output();
  const e = await Miou.run(function* () {
    const busy = yield* Miou.async(function* () {
      yield* Miou.Ownership.own(Miou.Ownership.create("r", () => out.print("finaliser")));
      try {
        yield* spin();
      } finally {
        out.print("busy cleaned");
      }
    });
    const forgetful = yield* Miou.async(function* () {
      yield* Miou.async(() => 1); // forgotten: Still_has_children
    });
    yield* Miou.await_(forgetful);
    yield* Miou.await_(busy);
  }).catch((e: unknown) => e);
  assert.instance(e, Miou.Still_has_children);
  assert.equal(out.lines, ["busy cleaned", "finaliser"]);
});

test.run();
