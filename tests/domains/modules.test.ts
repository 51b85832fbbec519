// A module of portable functions in a worker (README, "Domains: parallel tasks"): loaded once per worker, its functions
// taken from the registry without waiting for its evaluation, and `run` inert there.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { ran, report } from "./_program.mjs";

test("on the calling thread the module's run ran; in each worker it started nothing and the module loaded once", async () => {
  assert.is(ran, 0, "the module's own run ran on this thread");
  const v = await Miou.run(
    function* () {
      const out = [];
      for (let i = 0; i < 4; i++) out.push(yield* Miou.await_exn(yield* Miou.call(report(), { pin: (i % 2) + 1 })));
      return out;
    },
    { domains: 2 },
  );
  assert.equal(v, [
    { loads: 1, pastRun: false },
    { loads: 1, pastRun: false },
    { loads: 1, pastRun: false },
    { loads: 1, pastRun: false },
  ]);
});

test.run();
