// Properties of whole runs over random task trees: every run settles with no task left alive,
// every finaliser runs exactly once, a seed replays a run, and the outcome is the one the tree
// calls for. fast-check prints the counterexample and its own seed when a property fails;
// PROP_RUNS=2000 npm test -- properties searches longer.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import * as Miou from "miou/gen";
import { virtualClock } from "../helpers.js";

/** How a task ends, once its children exist and it has paused. */
const ENDS = ["await", "await_exn", "await_all", "cancel", "fail", "first", "one", "care", "take", "get"] as const;
type End = (typeof ENDS)[number];

interface Spec {
  /** 0: `yield_`; n > 0: sleep n on the virtual clock. Done after the children are spawned. */
  pauses: number[];
  /** Own a resource of its own; `give`: own a fresh one and hand it to its first child at creation. */
  own: boolean;
  give: boolean;
  end: End;
  /** Decides which children `cancel` and `take` cancel. */
  salt: number;
  children: Spec[];
}
type Node = Omit<Spec, "children"> & { id: number; children: Node[] };
/** The root's way to end the run with an uncatchable error when its behaviour succeeds. */
type Fatal = "none" | "leak" | "forget";

const spec = (depth: number): fc.Arbitrary<Spec> =>
  fc.record({
    pauses: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
    own: fc.boolean(),
    give: fc.boolean(),
    end: fc.constantFrom(...ENDS),
    salt: fc.nat(),
    children: depth === 0 ? fc.constant([]) : fc.array(spec(depth - 1), { maxLength: 7, size: "max" }),
  });
const tree = fc.record({
  root: spec(4),
  fatal: fc.constantFrom<Fatal>("none", "none", "none", "leak", "forget"),
  seed: fc.integer(),
  quanta: fc.integer({ min: 1, max: 4 }),
});

function numbered(s: Spec, next = { id: 1 }): Node {
  const id = next.id++;
  return { ...s, id, children: s.children.map((c) => numbered(c, next)) };
}
const size = (n: Spec): number => 1 + n.children.reduce((k, c) => k + size(c), 0);
const chosen = (n: Node, i: number): boolean => ((n.salt >>> i % 30) & 1) === 1;

class Boom extends Error {
  constructor(readonly id: number) {
    super(`task of node ${id} failed`);
  }
}

/** What a node's task gives when nobody cancels it: its id, or the Boom of the node that failed. */
type Outcome = { ok: true; value: number } | { ok: false; id: number };
function model(n: Node): Outcome {
  if (n.end === "fail") return { ok: false, id: n.id };
  if (n.end === "await_exn") for (const c of n.children) if (!model(c).ok) return model(c);
  return { ok: true, value: n.id };
}

function matches(r: Miou.Result<number>, n: Node): boolean {
  const m = model(n);
  if (m.ok) return r.ok && r.value === m.value;
  return !r.ok && r.error instanceof Boom && r.error.id === m.id;
}

/** Everything one run touches, so that two runs of the same tree share nothing. */
class World {
  readonly clock = virtualClock();
  /** Finaliser calls per resource. */
  readonly calls: number[] = [];
  /** Resources some task was seen to own: their finaliser must run exactly once. */
  readonly held = new Set<number>();
  readonly mismatches: string[] = [];
  /** How many times each node's outermost `finally` ran; a started task's runs exactly once. */
  readonly finallies = new Map<number, number>();
  /** What tasks learnt from the run's random choices (the winners of await_one, await_first, get). */
  readonly seen: string[] = [];

  resource(): [Miou.Resource<unknown>, number] {
    const k = this.calls.push(0) - 1;
    return [Miou.Ownership.create<unknown>(k, () => void (this.calls[k]! += 1)), k];
  }

  check(ok: boolean, n: Node, what: string, r: unknown): void {
    if (!ok) this.mismatches.push(`node ${n.id}: ${what} gave ${describe(r)}`);
  }
}

const describe = (r: unknown): string =>
  JSON.stringify(r, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v));

function* task(w: World, n: Node, given: readonly Miou.Resource<unknown>[]): Generator<unknown, number, unknown> {
  w.finallies.set(n.id, 0);
  try {
    return yield* body(w, n, given);
  } finally {
    w.finallies.set(n.id, w.finallies.get(n.id)! + 1);
  }
}

function* body(w: World, n: Node, given: readonly Miou.Resource<unknown>[]): Generator<unknown, number, unknown> {
  const mine = [...given];
  if (n.own) {
    const [r, k] = w.resource();
    yield* Miou.Ownership.own(r);
    w.held.add(k);
    mine.push(r);
  }
  const o = Miou.orphans<number>();
  const collected = n.end === "care" || n.end === "take" || n.end === "get";
  const ps: Miou.Promise<number>[] = [];
  const nodeOf: Kids = new Map();
  for (const [i, c] of n.children.entries()) {
    const [r, k] = n.give && i === 0 ? w.resource() : [];
    const give = r === undefined ? [] : [r];
    if (r !== undefined) {
      yield* Miou.Ownership.own(r); // a task gives only what it owns
      w.held.add(k!);
    }
    const p = yield* Miou.async(() => task(w, c, give), collected ? { give, orphans: o } : { give });
    ps.push(p);
    nodeOf.set(p, c);
  }
  for (const p of n.pauses) yield* p === 0 ? Miou.yield_() : w.clock.sleep(p);
  yield* ending(w, n, ps, nodeOf, o);
  for (const r of mine) yield* Miou.Ownership.release(r);
  return n.id;
}

type Kids = Map<Miou.Promise<number>, Node>;
function* ending(w: World, n: Node, ps: Miou.Promise<number>[], nodeOf: Kids, o: Miou.Orphans<number>): Generator<unknown, void, unknown> {
  const kids = n.children;
  // A child cancelled after it failed may still read as its own error.
  const cancelled = (r: Miou.Result<number>, c: Node) => !r.ok && (r.error instanceof Miou.Cancelled || matches(r, c));
  switch (n.end) {
    case "fail":
      throw new Boom(n.id);
    case "await":
      for (const [i, p] of ps.entries()) {
        const r = yield* Miou.await_(p);
        w.check(matches(r, kids[i]!), n, "await_", r);
      }
      return;
    case "await_exn":
      for (const [i, p] of ps.entries()) {
        const v = yield* Miou.await_exn(p);
        w.check(matches({ ok: true, value: v }, kids[i]!), n, "await_exn", v);
      }
      return;
    case "await_all": {
      const rs = yield* Miou.await_all(ps);
      rs.forEach((r, i) => w.check(matches(r, kids[i]!), n, "await_all", r));
      return;
    }
    case "cancel":
      for (const [i, p] of ps.entries()) if (chosen(n, i)) yield* Miou.cancel(p);
      for (const [i, p] of ps.entries()) {
        const r = yield* Miou.await_(p);
        w.check(chosen(n, i) ? cancelled(r, kids[i]!) : matches(r, kids[i]!), n, "await_ after cancel", r);
      }
      return;
    case "first":
    case "one": {
      if (ps.length === 0) return;
      const r = n.end === "first" ? yield* Miou.await_first(ps) : yield* Miou.await_one(ps);
      w.check(kids.some((c) => matches(r, c)), n, n.end, r);
      w.seen.push(`${n.id}: ${describe(r)}`);
      if (n.end === "first") return;
      for (const [i, p] of ps.entries()) {
        const again = yield* Miou.await_(p); // the winner too: awaiting it again gives the same
        w.check(matches(again, kids[i]!), n, "await_ after await_one", again);
      }
      return;
    }
    case "care":
      for (;;) {
        const p = yield* Miou.care(o);
        if (p === undefined) return;
        // Sleep, not yield_: the virtual clock moves only once every task is parked.
        if (p === "pending") yield* w.clock.sleep(1);
        else w.check(matches(yield* Miou.await_(p), nodeOf.get(p)!), n, "care", Miou.Promise.uid(p));
      }
    case "take":
      for (let i = 0; ; i++) {
        const p = yield* Miou.take(o);
        if (p === undefined) return;
        if (chosen(n, i)) yield* Miou.cancel(p);
        const r = yield* Miou.await_(p);
        w.check(chosen(n, i) ? cancelled(r, nodeOf.get(p)!) : matches(r, nodeOf.get(p)!), n, "take", r);
      }
    case "get":
      for (;;) {
        const r = yield* Miou.get(o);
        if (r === undefined) return;
        w.check(kids.some((c) => matches(r, c)), n, "get", r);
        w.seen.push(`${n.id}: ${describe(r)}`);
      }
  }
}

/** The root: the tree's root node, then, if it succeeded, the uncatchable error asked for. */
function* root(w: World, n: Node, fatal: Fatal): Generator<unknown, number, unknown> {
  const v = yield* task(w, n, []);
  if (fatal === "leak") {
    const [r, k] = w.resource();
    yield* Miou.Ownership.own(r);
    w.held.add(k);
  }
  if (fatal === "forget") yield* Miou.async(() => w.clock.sleep(1));
  return v;
}

async function play(n: Node, fatal: Fatal, seed: number, quanta: number) {
  const w = new World();
  const events: Miou.TraceEvent[] = [];
  const options = { seed, quanta, events: w.clock.events, trace: (e: Miou.TraceEvent) => events.push(e) };
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await Miou.run(() => root(w, n, fatal), options) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  return { w, events, outcome };
}

/** Property 1's reading of a trace: each task spawned once, ended once, and nothing after. */
function lifeErrors(events: readonly Miou.TraceEvent[]): string[] {
  const errors: string[] = [];
  const ended = new Map<number, boolean>();
  let running: number | null = null;
  for (const e of events) {
    const was = ended.get(e.task);
    if (e.kind === "spawn" ? was !== undefined : was !== false) errors.push(`task ${e.task}: ${e.kind} after its end or before its spawn`);
    if (e.kind === "spawn") ended.set(e.task, false);
    if (e.kind === "resolve" || e.kind === "fail" || e.kind === "cancelled") ended.set(e.task, true);
    if (e.kind === "resume") {
      if (running !== null) errors.push(`task ${e.task} resumed while task ${running} runs`);
      running = e.task;
    } else if (["yield", "suspend", "resolve", "fail"].includes(e.kind) && e.task === running) running = null;
  }
  for (const [task, done] of ended) if (!done) errors.push(`task ${task} never ended`);
  return errors;
}

const strip = (events: readonly Miou.TraceEvent[]) => events.map(({ time: _time, ...rest }) => rest);

test("random task trees: settle, no live task, finalisers once, outcome as the tree says", async () => {
  await fc.assert(
    fc.asyncProperty(tree, async ({ root: s, fatal, seed, quanta }) => {
      const n = numbered(s);
      const { w, events, outcome } = await play(n, fatal, seed, quanta);
      // 1. The run settled (we are here) and every spawned task ended exactly once, last.
      assert.equal(lifeErrors(events), []);
      // 2. Every finaliser of a resource a task held ran exactly once; no other ran at all.
      w.calls.forEach((calls, k) => assert.is(calls, w.held.has(k) ? 1 : 0, `resource ${k}`));
      assert.equal(w.mismatches, []);
      for (const [id, k] of w.finallies) assert.is(k, 1, `finally of node ${id}`);
      // 4. The outcome is the tree's; a rejection carries the seed.
      const m = model(n);
      if (outcome.ok) {
        assert.ok(m.ok && fatal === "none", `resolved, expected ${describe(m)} / ${fatal}`);
        assert.is(outcome.value, n.id);
        return;
      }
      const e = outcome.error as Error & { seed?: string };
      assert.is(e.seed, String(seed));
      if (!m.ok) assert.ok(e instanceof Boom && e.id === m.id, describe(e));
      else if (fatal === "leak") assert.instance(e, Miou.Resource_leaked);
      else assert.instance(e, Miou.Still_has_children);
    }),
    { numRuns: Number(process.env.PROP_RUNS ?? 60) },
  );
});

test("the same seed gives the same trace, apart from time", async () => {
  await fc.assert(
    fc.asyncProperty(tree, async ({ root: s, fatal, seed, quanta }) => {
      const n = numbered(s);
      const a = await play(n, fatal, seed, quanta);
      const b = await play(n, fatal, seed, quanta);
      assert.equal(strip(b.events), strip(a.events));
      assert.equal(b.w.seen, a.w.seen);
      assert.is(describe(b.outcome), describe(a.outcome));
    }),
    { numRuns: Math.ceil(Number(process.env.PROP_RUNS ?? 60) / 2.5) },
  );
});

test("the trees are big: hundreds of tasks for many of them", () => {
  const sizes = fc.sample(tree, { numRuns: 40, seed: 7 }).map((t) => size(t.root));
  assert.ok(sizes.filter((k) => k >= 200).length >= 10, `sizes: ${sizes.join(" ")}`);
});

test.run();
