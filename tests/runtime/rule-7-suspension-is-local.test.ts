// Rule 7: a suspension point belongs to the task and the domain that made it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";

test("only the task that made a syscall may suspend on it", async () => {
  const r = await Miou.run(function* () {
    const s = yield* Miou.syscall();
    const p = yield* Miou.async(function* () {
      try {
        yield* Miou.suspend(s);
      } catch (e) {
        return e;
      }
    });
    return yield* Miou.await_exn(p);
  });
  assert.instance(r, TypeError);
  assert.match((r as Error).message, "Miou.suspend: this syscall does not belong to the current promise");
});

test("signal is refused on another domain (here: another run's dom0)", async () => {
  let foreign: Miou.Syscall | undefined;
  await Miou.run(function* () {
    foreign = yield* Miou.syscall("from the first run");
  });
  const r = await Miou.run(function* () {
    try {
      Miou.signal(foreign!);
    } catch (e) {
      return e;
    }
    return "signalled";
  });
  assert.instance(r, TypeError);
  assert.match((r as Error).message, "this syscall does not belong to the current domain.");
});

test.run();
