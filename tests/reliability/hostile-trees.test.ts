// Seeded random task trees that throw hostile values (strings, undefined, symbols, frozen
// objects, revoked and trapping Proxies) from tasks, finalisers, hooks, `select`, `protect`
// handlers and `trace`. Whatever is thrown, every run settles, every finaliser runs exactly
// once, every `protect` runs its `finally` once, nothing escapes as an uncaught error, and the
// same seed replays the same outcome.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as Miou from "miou/gen";
import { figure, size } from "./soak.js";
import { prng, virtualClock } from "../helpers.js";

/** The hostile values, made fresh for each throw; -1 means "throws nothing". */
const HOSTILE: (() => unknown)[] = [
  () => "a string",
  () => undefined,
  () => Symbol("hostile"),
  () => Object.freeze({ frozen: true }),
  () => Object.freeze(new Error("frozen error")),
  () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  },
  () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    ),
];

interface Plan {
  own: boolean;
  finaliser: number; // what the finaliser throws
  sleep: number; // 0: none, else a virtual sleep
  protect: { body: number; finally: number; cancel: number } | null;
  children: Plan[];
  ends: ("await" | "cancel")[];
  outcome: number; // -1: return (releasing what it owns), else throw
}

function plan(rng: () => number, depth: number): Plan {
  const pick = (p: number) => (rng() < p ? Math.floor(rng() * HOSTILE.length) : -1);
  const n = depth > 3 ? 0 : Math.floor(rng() * 4);
  const children = Array.from({ length: n }, () => plan(rng, depth + 1));
  return {
    own: rng() < 0.4,
    finaliser: pick(0.3),
    sleep: rng() < 0.3 ? 1 + Math.floor(rng() * 3) : 0,
    protect: rng() < 0.3 ? { body: pick(0.3), finally: pick(0.2), cancel: pick(0.3) } : null,
    children,
    ends: children.map(() => (rng() < 0.6 ? "await" : "cancel")),
    outcome: pick(0.25),
  };
}

interface Tally {
  owned: { n: number }[]; // finaliser runs per owned resource
  protects: number;
  finallies: number;
}

/** A virtual clock whose `select` throws a hostile value at its `failAt`-th call (never if -1). */
function clock(failAt: number, what: number) {
  const { events, sleep } = virtualClock();
  let calls = 0;
  const failing = (): Miou.Events => {
    const inner = events();
    return {
      ...inner,
      select(block, cancelled) {
        if (++calls === failAt) throw HOSTILE[what]!();
        return inner.select(block, cancelled);
      },
    };
  };
  return { events: failing, sleep };
}

function* task(p: Plan, t: Tally, sleep: (n: number) => Generator<unknown, void, unknown>): Generator<unknown, string, unknown> {
  let r: Miou.Resource<unknown> | null = null;
  if (p.own) {
    const runs = { n: 0 };
    r = Miou.Ownership.create(runs, () => {
      runs.n += 1;
      if (p.finaliser >= 0) throw HOSTILE[p.finaliser]!();
    });
    yield* Miou.Ownership.own(r);
    t.owned.push(runs); // owned from here on (cancelled before, it never was)
  }
  const ps: Miou.Promise<string>[] = [];
  for (const c of p.children) ps.push(yield* Miou.async(() => task(c, t, sleep)));
  if (p.sleep > 0) yield* sleep(p.sleep);
  if (p.protect !== null) {
    const h = p.protect;
    t.protects += 1;
    try {
      yield* Miou.protect(
        function* () {
          yield* Miou.yield_();
          if (h.body >= 0) throw HOSTILE[h.body]!();
        },
        {
          finally: () => {
            t.finallies += 1;
            if (h.finally >= 0) throw HOSTILE[h.finally]!();
          },
          on_cancellation: () => {
            if (h.cancel >= 0) throw HOSTILE[h.cancel]!();
          },
        },
      );
    } catch {
      // whatever it threw, the task goes on
    }
  }
  for (const [i, c] of ps.entries()) {
    if (p.ends[i] === "await") yield* Miou.await_(c);
    else yield* Miou.cancel(c);
  }
  if (p.outcome >= 0) throw HOSTILE[p.outcome]!();
  if (r !== null) {
    try {
      yield* Miou.Ownership.release(r);
    } catch {
      // its finaliser threw: released all the same
    }
  }
  return "ok";
}

/** What a run rejected with, told apart without touching it (it may be a revoked Proxy). */
function kind(e: unknown): string {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}` : typeof e;
  } catch {
    return "an uninspectable value";
  }
}

/** Runs one tree; returns what can be compared between two runs of the same seed. */
async function tree(seed: number): Promise<{ outcome: string; tally: Tally }> {
  const rng = prng(seed);
  const root = plan(rng, 0);
  const pickFail = (p: number) => (rng() < p ? 1 + Math.floor(rng() * 40) : -1);
  const selectFail = pickFail(0.2);
  const traceFail = pickFail(0.2);
  const hookFail = pickFail(0.3);
  const what = Math.floor(rng() * HOSTILE.length);
  const t: Tally = { owned: [], protects: 0, finallies: 0 };
  const c = clock(selectFail, what);
  let events = 0;
  let hooks = 0;
  const outcome = await Miou.run(
    function* () {
      yield* Miou.Hook.add(() => {
        if (++hooks === hookFail) throw HOSTILE[what]!();
      });
      return yield* task(root, t, c.sleep);
    },
    {
      seed,
      events: c.events,
      trace: traceFail < 0 ? undefined : () => {
        if (++events === traceFail * 5) throw HOSTILE[what]!();
      },
    },
  ).then(
    (v) => `resolved ${String(v)}`,
    (e: unknown) => `rejected ${kind(e)}`,
  );
  return { outcome, tally: t };
}

test("hostile random trees: every run settles, finalisers and finally handlers run once, replays agree", async () => {
  const n = size(200, 5_000);
  const escaped: unknown[] = [];
  const onEscape = (e: unknown) => void escaped.push(e);
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  const saved = console.error;
  console.error = () => {}; // hooks and finalisers that throw are reported there
  let tasks = 0;
  try {
    for (let seed = 1; seed <= n; seed++) {
      const a = await tree(seed);
      const b = await tree(seed);
      tasks += a.tally.owned.length;
      assert.equal(b, a, `seed ${seed}: the replay differs`);
      a.tally.owned.forEach((runs, i) => assert.is(runs.n, 1, `seed ${seed}: the finaliser of resource ${i} ran ${runs.n} times`));
      assert.is(a.tally.finallies, a.tally.protects, `seed ${seed}: protect's finally ran ${a.tally.finallies} times for ${a.tally.protects} protects`);
    }
  } finally {
    console.error = saved;
    process.off("unhandledRejection", onEscape);
    process.off("uncaughtException", onEscape);
  }
  figure(`hostile trees: ${n} seeds, each run twice, ${tasks} owned resources, all finalised once`);
  await new Promise((resolve) => setTimeout(resolve, 10)); // a late escape shows here
  assert.equal(escaped, []);
});

test.run();
