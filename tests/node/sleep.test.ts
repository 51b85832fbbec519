// Node.sleep: long delays, and no timer left behind by a cancelled sleep.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import * as Node from "miou/node/gen";

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

test("a sleep beyond setTimeout's limit (2^31 - 1 ms, about 24.8 days) still waits", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
  process.on("warning", onWarning);
  const before = timers();
  try {
    const r = await Node.run(function* () {
      const month = yield* Miou.async(function* () {
        yield* Node.sleep(30 * 24 * 3600);
        return "30 days";
      });
      const forever = yield* Miou.async(function* () {
        yield* Node.sleep(Infinity);
        return "forever";
      });
      const short = yield* Miou.async(function* () {
        yield* Node.sleep(0.05);
        return "50 ms";
      });
      return yield* Miou.await_first([month, forever, short]);
    });
    assert.equal(r, { ok: true, value: "50 ms" });
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
  } finally {
    process.off("warning", onWarning);
  }
  assert.equal(warnings, []);
  assert.is(timers(), before, "the cancelled sleeps left no timer");
});

test.run();
