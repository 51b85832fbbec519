// The suspension API (README, "Waiting for the outside world"): syscall, suspend, signal, wake, custom events.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { virtualClock } from "../helpers.js";

test("a select that always signals the one syscall: suspend returns", async () => {
  let s: Miou.Syscall | undefined;
  const events = (): Miou.Events => ({
    select: () => (s === undefined ? [] : [Miou.signal(s)]),
    interrupt: () => undefined,
  });
  const r = await Miou.run(
    function* () {
      s = yield* Miou.syscall("once");
      yield* Miou.suspend(s);
      return "resumed";
    },
    { events },
  );
  assert.is(r, "resumed");
});

test("virtual clock: two concurrent sleeps of 1 and 2 finish at 2, not 3", async () => {
  const clock = virtualClock();
  await Miou.run(
    function* () {
      const a = yield* Miou.async(() => clock.sleep(1));
      const b = yield* Miou.async(() => clock.sleep(2));
      yield* Miou.await_all([a, b]);
    },
    { events: clock.events },
  );
  assert.is(clock.now(), 2);
});

test("select is asked with block:false while tasks are runnable, block:true when none is", async () => {
  const calls: boolean[] = [];
  let s: Miou.Syscall | undefined;
  let rounds = 0;
  const events = (): Miou.Events => ({
    select(block) {
      calls.push(block);
      return block && s !== undefined ? [Miou.signal(s)] : [];
    },
    interrupt: () => undefined,
  });
  await Miou.run(
    function* () {
      const busy = yield* Miou.async(function* () {
        for (; rounds < 3; rounds++) yield* Miou.yield_();
      });
      s = yield* Miou.syscall();
      yield* Miou.suspend(s);
      yield* Miou.await_exn(busy);
    },
    { events },
  );
  assert.ok(calls.includes(false), "polled while the busy task ran");
  assert.is(calls[calls.length - 1], true, "blocked once nothing else could run");
  assert.is(rounds, 3);
});

test("a promise-returning select may wait; wake() interrupts it", async () => {
  let interrupts = 0;
  let settle: ((signals: Miou.Signal[]) => void) | undefined;
  const events = (): Miou.Events => ({
    select: (block) => (block ? new Promise<Miou.Signal[]>((resolve) => (settle = resolve)) : []),
    interrupt() {
      interrupts += 1;
      settle?.([]);
    },
  });
  const r = await Miou.run(
    function* () {
      const s = yield* Miou.syscall("woken");
      yield* Miou.suspend(s, () => void setTimeout(() => Miou.wake(s), 5));
      return "woken";
    },
    { events },
  );
  assert.is(r, "woken");
  assert.ok(interrupts >= 1);
});

test("the default source alone: wake() from a timer resumes the task, no select needed", async () => {
  const r = await Miou.run(function* () {
    const s = yield* Miou.syscall();
    yield* Miou.suspend(s, () => void setTimeout(() => Miou.wake(s), 1));
    return Miou.uid(s) > 0;
  });
  assert.is(r, true);
});

test("suspend's fn runs before the task parks; a token signalled already does not park", async () => {
  const r = await Miou.run(function* () {
    const s = yield* Miou.syscall();
    yield* Miou.suspend(s, () => Miou.wake(s));
    yield* Miou.suspend(s); // one-shot: signalled, returns at once
    return "twice";
  });
  assert.is(r, "twice");
});

test("an error in suspend's fn reaches the caller, and select hears of the uid", async () => {
  const clock = virtualClock();
  const r = await Miou.run(
    function* () {
      const s = yield* Miou.syscall();
      try {
        yield* Miou.suspend(s, () => {
          throw new Error("register failed");
        });
      } catch (e) {
        yield* clock.sleep(1);
        return [(e as Error).message, clock.cancelledUids.includes(Miou.uid(s))];
      }
    },
    { events: clock.events },
  );
  assert.equal(r, ["register failed", true]);
});

test("an error thrown by select ends the run", async () => {
  const events = (): Miou.Events => ({
    select: () => {
      throw new Error("select broke");
    },
    interrupt: () => undefined,
  });
  const e = await Miou.run(
    function* () {
      yield* Miou.suspend(yield* Miou.syscall());
    },
    { events },
  ).catch((e: unknown) => e as Error);
  assert.is((e as Error).message, "select broke");
});

test("the events finaliser is called once when the run ends", async () => {
  let finalised = 0;
  await Miou.run(() => 1, {
    events: () => ({ select: () => [], interrupt: () => undefined, finaliser: () => void (finalised += 1) }),
  });
  assert.is(finalised, 1);
});

test("the README's sleep: a cancelled sleep leaves no timer behind", async () => {
  function* sleep(ms: number): Generator<unknown, void, unknown> {
    const s = yield* Miou.syscall("sleep");
    let timer: NodeJS.Timeout | undefined;
    try {
      yield* Miou.suspend(s, () => (timer = setTimeout(() => Miou.wake(s), ms)));
    } finally {
      clearTimeout(timer);
    }
  }
  const timers = () => process.getActiveResourcesInfo().filter((k) => k === "Timeout").length;
  const before = timers();
  let during = 0;
  await Miou.run(function* () {
    const p = yield* Miou.async(() => sleep(60_000));
    // three turns: the child starts, has its syscall serviced, then its suspend (which arms the timer)
    for (let i = 0; i < 3; i++) yield* Miou.yield_();
    during = timers();
    yield* Miou.cancel(p);
  });
  assert.is(during, before + 1, "the sleep had armed its timer");
  assert.is(timers(), before, "cancel cleared it");
});

test.run();
