// transformer/analyse: which functions suspend, to a fixpoint over the whole program.
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { analyse } from "../../transformer/analyse/analyse.js";
import { functionName, printFacts } from "../../transformer/analyse/facts.js";
import { errorsOf, programOf, relative } from "./program.js";

function facts(files: Record<string, string>) {
  const program = programOf(files);
  assert.equal(errorsOf(program), [], "the fixture type-checks");
  const f = analyse(ts, program);
  const names = (set: Iterable<ts.Node>) => [...set].map((n) => functionName(ts, n as never)).sort();
  return { f, suspending: names(f.suspending.keys()), twins: names(f.twins.keys()), printed: printFacts(ts, f, relative) };
}

const header = `import * as Miou from "miou";\n`;

test("a primitive call makes its function suspend; callers suspend in turn", () => {
  const { suspending } = facts({
    "a.ts": `${header}
      export function leaf(p: Miou.Promise<number>) { return Miou.await_exn(p); }
      export function mid(p: Miou.Promise<number>) { return leaf(p) + 1; }
      export function top(p: Miou.Promise<number>) { return mid(p); }
      export function plain(x: number) { return x + 1; }`,
  });
  assert.equal(suspending, ["leaf", "mid", "top"]);
});

test("recursion and mutual recursion across modules reach the fixpoint", () => {
  const { suspending } = facts({
    "a.ts": `${header}import { g } from "./b.js";
      export function f(n: number): number { return n === 0 ? 0 : g(n - 1); }
      export function self(n: number): number { if (n > 0) { Miou.yield_(); return self(n - 1); } return 0; }`,
    "b.ts": `${header}import { f } from "./a.js";
      export function g(n: number): number { Miou.yield_(); return f(n); }
      export function h(n: number): number { return n; }`,
  });
  assert.equal(suspending, ["f", "g", "self"]);
});

test("the brand, not the name: an aliased import suspends, a local await_exn does not", () => {
  const { suspending } = facts({
    "a.ts": `import { await_exn as wait, type Promise } from "miou";
      const await_exn = (n: number) => n;
      export function uses(p: Promise<number>) { return wait(p); }
      export function fake() { return await_exn(1); }`,
  });
  assert.equal(suspending, ["uses"]);
});

test("nested functions count for themselves only", () => {
  const { suspending } = facts({
    "a.ts": `${header}
      export function outer() {
        const inner = () => Miou.yield_();
        return inner;
      }
      export const run = () => Miou.run(() => { Miou.yield_(); });`,
  });
  assert.equal(suspending, ["<arrow at 7:41>", "inner"]);
});

test("array methods given a suspending callback suspend; given a plain one, not", () => {
  const { suspending, f } = facts({
    "a.ts": `${header}
      export function all(ps: Miou.Promise<number>[]) { return ps.map((p) => Miou.await_exn(p)); }
      export function wait(p: Miou.Promise<number>) { return Miou.await_exn(p); }
      export function byName(ps: Miou.Promise<number>[]) { ps.forEach(wait); }
      export function plain(xs: number[]) { return xs.map((x) => x + 1); }`,
  });
  assert.equal(suspending, ["<arrow at 3:71>", "all", "byName", "wait"]);
  const kinds = [...f.calls.values()].map((k) => k.kind).sort();
  assert.equal(kinds, ["array", "array", "primitive", "primitive"]);
});

test("a higher-order function given a suspending function gets a suspending twin", () => {
  const { suspending, twins, f } = facts({
    "a.ts": `${header}
      export function twice(g: () => number) { return g() + g(); }
      export function step() { Miou.yield_(); return 1; }
      export function usesTwin() { return twice(step); }
      export function usesPlain() { return twice(() => 2); }`,
  });
  assert.equal(suspending, ["step", "usesTwin"]);
  assert.equal(twins, ["twice"]);
  assert.equal([...f.twins.values()].map((calls) => calls.size), [2], "both calls of g suspend in the twin");
  assert.equal(f.checked.size, 2, "the plain version checks both calls of g");
});

test("methods of classes and object literals; calls through typed properties", () => {
  const { suspending } = facts({
    "a.ts": `${header}
      export class Worker { run(p: Miou.Promise<number>) { return Miou.await_exn(p); } idle() { return 0; } }
      export const obj = { go() { Miou.yield_(); } };
      export function viaMethod(w: Worker, p: Miou.Promise<number>) { return w.run(p); }
      export function viaObject() { obj.go(); }
      type Handler = { handle: () => void };
      export const handlers: Handler[] = [{ handle: () => Miou.yield_() }];
      export function dispatch(h: Handler) { h.handle(); }`,
  });
  assert.equal(suspending, ["Worker.run", "dispatch", "go", "handle", "viaMethod", "viaObject"]);
});

test("printed facts: each suspending function, in source order, with its chain of call sites", () => {
  const { printed } = facts({
    "a.ts": `${header}
      export function top(p: Miou.Promise<number>) { return [p].map(middle)[0]; }
      function middle(p: Miou.Promise<number>) { return leaf(p); }
      export function leaf(p: Miou.Promise<number>) { return Miou.await_exn(p); }








      export function late() { return Miou.yield_(); }`,
  });
  assert.is(
    printed,
    [
      "top, at a.ts:3:7, suspends:",
      "  top calls .map with middle at a.ts:3:61",
      "  middle calls leaf at a.ts:4:57",
      "  leaf calls ⏸ Miou.await_exn at a.ts:5:62",
      "middle, at a.ts:4:7, suspends:",
      "  middle calls leaf at a.ts:4:57",
      "  leaf calls ⏸ Miou.await_exn at a.ts:5:62",
      "leaf, at a.ts:5:7, suspends:",
      "  leaf calls ⏸ Miou.await_exn at a.ts:5:62",
      // line 14 after line 5: positions compare as numbers, not as text
      "late, at a.ts:14:7, suspends:",
      "  late calls ⏸ Miou.yield_ at a.ts:14:39",
    ].join("\n"),
  );
});

test("printed facts: a recursive chain stops where it loops; a twin lists its own suspension points", () => {
  const { printed } = facts({
    "a.ts": `${header}
      export function ping(n: number): number { return n === 0 ? Miou.yield_() ?? 0 : pong(n - 1); }
      function pong(n: number): number { return ping(n); }
      function apply(g: () => number) { return g(); }
      export function go() { return apply(() => ping(1)); }`,
  });
  assert.match(printed, /^ping, at a\.ts:3:7, suspends:\n {2}ping calls (⏸ Miou\.yield_|pong) at a\.ts:3:\d+\n/m);
  assert.match(printed, /^pong, at a\.ts:4:7, suspends:\n {2}pong calls ping at a\.ts:4:49\n {2}ping calls [^\n]+\n(?! {2})/m);
  assert.match(printed, /^apply, at a\.ts:5:7, has a suspending twin, apply\$miou, for the calls that pass it a suspending function:\n {2}apply\$miou calls g, which may hold a suspending function \(checked at run time\) at a\.ts:5:48$/m);
});

test("the captures of functions given to call or parallel, classified", () => {
  const { f, printed } = facts({
    "b.ts": `export function format(x: number): string { return String(x); }`,
    "a.ts": `${header}import { format } from "./b.js";
      // \`call\` and \`parallel\` carry this brand; a stand-in with it is enough for the analysis.
      declare const call: (<T>(fn: () => T) => Miou.Promise<T>) & { readonly __miou_portable?: true };
      const LIMIT = 10;
      let counter = 0;
      function helper(x: number) { return x + LIMIT; }
      class Shape {}
      export function main(this: { k: number }, n: number, loose: any, point: { x: number; y: number }) {
        const base = 2;
        let total = 0;
        const { x } = point;
        const twice = (v: number) => v * 2;
        const p = call(() => helper(n * base) + LIMIT + counter + format(1).length + (new Shape() ? 1 : 0) + (total += 1) + this.k + loose + x + twice(1));
        return [p, call(() => 1 + 1)];
      }`,
  });
  assert.is(f.captures.size, 2);
  const lines = printed.split("\n").filter((l) => l.startsWith("  captures"));
  assert.equal(lines.map((l) => l.replace(/ at a\.ts:\d+:\d+$/, "")), [
    "  captures helper (module function)",
    "  captures n (parameter, sent by value)",
    "  captures base (local const, sent by value)",
    "  captures LIMIT (module const)",
    "  captures counter (module let, cannot cross)",
    "  captures format (import)",
    "  captures Shape (module class)",
    "  captures total (local let, assigned, cannot cross)",
    "  captures this (this, cannot cross)",
    "  captures loose (parameter, sent by value, checked at run time)",
    "  captures x (local const, sent by value)",
    "  captures twice (local const, cannot cross: a function)",
    "  captures nothing",
  ]);
});

test("captures: globals, types, property names and the variables behind shorthands", () => {
  const { f } = facts({
    "a.ts": `${header}
      interface Point { x: number }
      type Pair = [number, number];
      class Box { v = 1 }
      export function main(p: Point, label: string) {
        const scale = 3;
        return Miou.call(() => {
          const q: Point = { x: scale };
          const pair: Pair = [1, 2];
          const box = null as Box | null;
          const { x: renamed } = p;
          return JSON.stringify({ label, q, pair, box, renamed }) + Math.max(p.x, 1) + console.log.length;
        });
      }`,
  });
  const [captures] = [...f.captures.values()];
  assert.equal(captures!.map((c) => `${c.name}:${c.crossing.by}`), ["scale:value", "p:value", "label:value"]);
});

test("portable sites: registry indices in source order, one per name, none for what a worker cannot find", () => {
  const { f, printed } = facts({
    "a.ts": `${header}
      function work() { return 1; }
      export function main(g: () => number) {
        const a = Miou.call(work);
        const b = Miou.call(() => 2);
        const c = Miou.call(work);
        const d = Miou.call(g);
        return [a, b, c, d];
      }
      function events(_d: Miou.DomainUid): Miou.Events { return { select: () => [], interrupt() {} }; }
      void Miou.run(main as never, { events, domains: 1 });
      void Miou.run(main as never, { events: (_d) => events(_d) });`,
  });
  const sites = [...f.portable.values()].map((s) => `${s.role} ${s.arg.getText()} ${s.target.kind} #${s.index}`);
  assert.equal(sites, ["call work name #0", "call () => 2 function #1", "call work name #0", "call g lost #-1", "events events name #2"]);
  assert.match(printed, /^portable #1: \(\) => 2 at a\.ts:6:29$/m);
});

test.run();
