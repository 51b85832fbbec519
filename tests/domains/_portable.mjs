/**
 * Portable functions registered by hand, the way the transformer registers them (PROTOCOL.md
 * §6), so that generator-style tests can send captures to workers. Workers load this module
 * (plain JavaScript: worker threads do not inherit the test runner's TypeScript loader); it has
 * no other top-level effect. Types: `_portable.d.mts`.
 */
import * as Miou from "miou/gen";
import { portable } from "miou/compiled";
import { threadId } from "node:worker_threads";

const url = import.meta.url;

/** Marks slot `i` of `flags`, then waits (bounded) until every other slot is marked: true if it saw them all. */
export const rendezvous = portable(url, 0, (flags, i) => () => {
  Atomics.store(flags, i, 1);
  Atomics.notify(flags, i);
  for (let round = 0; round < 2000; round++) {
    let all = true;
    for (let j = 0; j < flags.length; j++) if (Atomics.load(flags, j) === 0) all = false;
    if (all) return true;
    Atomics.wait(flags, i, 1, 5); // sleeps this thread only: a task on the same thread could never mark its slot
  }
  return false;
});

/** Loops on `yield_` until cancelled; its `finally` sets slot `i` of `probe` (seen by any thread). */
export const spinner = portable(url, 1, (probe, i) =>
  function* () {
    try {
      Atomics.store(probe, i, 1); // it runs
      for (;;) yield* Miou.yield_();
    } finally {
      Atomics.store(probe, i, 2); // it unwound
    }
  },
);

/** A task that never reaches a scheduling point once it has marked slot 0. */
export const stuck = portable(url, 2, (probe) => () => {
  Atomics.store(probe, 0, 1);
  for (;;) Atomics.wait(probe, 1, 0, 50);
});

/** Owns `r` (given by its caller) and releases it: its finaliser runs on the domain that made it. */
export const releaser = portable(url, 3, (r) =>
  function* () {
    yield* Miou.Ownership.check(r);
    let read;
    try {
      Miou.Ownership.value(r);
      read = "read";
    } catch (e) {
      read = e.name;
    }
    yield* Miou.Ownership.release(r);
    return read;
  },
);

/** Makes a resource here (its finaliser sets slot `i` of `probe`), owns it, and transfers it to its caller. */
export const transferrer = portable(url, 4, (probe, i) =>
  function* () {
    const r = Miou.Ownership.create(i, (v) => void Atomics.store(probe, v, Miou.Domain.self() + 1));
    yield* Miou.Ownership.own(r);
    yield* Miou.Ownership.transfer(r);
    return r;
  },
);

/** Calls `spinner` on another worker and then fails: its child there must be torn down. */
export const failingParent = portable(url, 5, (probe) =>
  function* () {
    yield* Miou.call(spinner(probe, 0));
    while (Atomics.load(probe, 0) === 0) yield* Miou.yield_();
    throw new Error("parent fails");
  },
);

/** Calls `spinner` on another worker and returns without awaiting it: Still_has_children. */
export const forgetful = portable(url, 6, (probe) =>
  function* () {
    yield* Miou.call(spinner(probe, 0));
    return 1;
  },
);

/** Owns a resource of its own and returns: Resource_leaked on its worker. */
export const leaky = portable(url, 7, (probe) =>
  function* () {
    const r = Miou.Ownership.create(0, () => void Atomics.store(probe, 0, 1));
    yield* Miou.Ownership.own(r);
    return 1;
  },
);

/** Suspends on a JavaScript promise that never settles; its `finally` sets slot `i` of `probe`. */
export const sleeper = portable(url, 8, (probe, i) =>
  function* () {
    try {
      Atomics.store(probe, i, 1);
      yield* Miou.await_promise(new Promise(() => undefined));
    } finally {
      Atomics.store(probe, i, 2);
    }
  },
);

/**
 * A portable `events`: each domain gets its own event source, made on its own thread. `select`
 * blocks on a promise until `interrupt`; slot `domain` of `probe` counts the `select` calls and
 * slot 4 + `domain` is set to the id of the thread that made the source.
 */
export const blockingEvents = portable(url, 9, (probe) => (domain) => {
  Atomics.store(probe, 4 + domain, threadId);
  let wakeUp = null;
  return {
    select(block) {
      Atomics.add(probe, domain, 1);
      if (!block) return [];
      return new Promise((resolve) => (wakeUp = () => resolve([])));
    },
    interrupt() {
      wakeUp?.();
      wakeUp = null;
    },
  };
});

/** Parks in `suspend` on a syscall nobody signals; its `finally` sets slot 8 + `i` of `probe`. */
export const parked = portable(url, 10, (probe, i) =>
  function* () {
    try {
      const s = yield* Miou.syscall("never");
      Atomics.store(probe, 8 + i, 1);
      yield* Miou.suspend(s);
    } finally {
      Atomics.store(probe, 8 + i, 2);
    }
  },
);

/** Throws an instance of a class of its own, with an own property. */
export const userError = portable(url, 11, () => () => {
  class ParseError extends Error {
    line = 3;
  }
  Object.defineProperty(ParseError.prototype, "name", { value: "ParseError" });
  throw new ParseError("bad input");
});

/**
 * Like `spinner`, but its `finally` holds (bounded) until slot `i + 1` of `probe` is set: the
 * caller decides when the task's domain may report it gone. Slot `i`: 1 once it runs, 2 once it
 * unwound.
 */
export const held = portable(url, 12, (probe, i) =>
  function* () {
    try {
      Atomics.store(probe, i, 1);
      for (;;) yield* Miou.yield_();
    } finally {
      for (let round = 0; round < 2000 && Atomics.load(probe, i + 1) === 0; round++) Atomics.wait(probe, i + 1, 0, 5);
      Atomics.store(probe, i, 2);
    }
  },
);
