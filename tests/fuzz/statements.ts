/**
 * Statements: declarations (destructuring with defaults included), logs, every loop with a
 * suspending head and body, labels with `break`/`continue`, `switch` with fall-through,
 * `try`/`catch`/`finally` with `return`/`throw`/`break` in each part, closures over loop
 * variables, array methods with callbacks that mutate the array. Comparisons are written with
 * `>` only: `i < (a > (b))...` parses as a call with type arguments. Every loop body starts with
 * `tick()`, which throws after a fixed number of turns in both versions alike, so a loop the
 * transformer broke shows as a difference instead of hanging; loop counters are not assignable.
 */
import { block, st, xx, type Node } from "./tree.js";
import { withVar, type Ctx, type Var } from "./context.js";
import { arrow, callback, cond, expr } from "./expressions.js";
import { declaration } from "./declarations.js";
import { arrayStatement } from "./array-statements.js";

type Made = { node: Node; ctx?: Ctx };
type Form = (ctx: Ctx) => Made | undefined;

/** A block of about `n` statements; declarations are in scope for the statements after them. */
export function statements(ctx: Ctx, n: number): Node {
  const out: Node[] = [];
  let c = ctx;
  for (let i = 0; i < n; i++) {
    const made = statement(c);
    out.push(made.node);
    if (made.ctx !== undefined) c = { ...made.ctx, depth: ctx.depth };
  }
  return block(out);
}

export function statement(ctx: Ctx): Made {
  for (let tries = 0; tries < 6; tries++) {
    const form = ctx.rng.weighted(ctx.nest > 0 ? forms : flat);
    const made = form(ctx);
    if (made !== undefined) return made;
  }
  return { node: logged(ctx) };
}

const label = (ctx: Ctx) => `"${ctx.names.fresh("L")}"`;
const logged = (ctx: Ctx): Node => st`log(${label(ctx)}, ${expr(ctx)});`;
/** The context of a nested block: one level less of nesting. */
const inner = (ctx: Ctx, more: Partial<Ctx> = {}): Ctx => ({ ...ctx, nest: ctx.nest - 1, ...more });
const body = (ctx: Ctx, more: Partial<Ctx> = {}) => statements(inner(ctx, more), 1 + ctx.rng.int(2));
const loopBody = (ctx: Ctx, v?: Var) => {
  const c = inner(v === undefined ? ctx : withVar(ctx, v), { loop: true });
  return statements(c, 1 + ctx.rng.int(2));
};
const counter = (name: string): Var => ({ name, type: "num", mutable: false });

/** Control transfer: guarded by a condition, so that the code after it is reachable. */
function jump(ctx: Ctx): Made | undefined {
  const { rng } = ctx;
  const options: Node[] = [];
  if (ctx.loop || ctx.switch) options.push(xx`break;`);
  if (ctx.loop) options.push(xx`continue;`);
  for (const l of ctx.labels) options.push(xx`break ${l.name};`, ...(l.loop ? [xx`continue ${l.name};`] : []));
  if (ctx.returns === "number") options.push(xx`return ${expr(ctx)};`);
  if (ctx.returns === "void") options.push(xx`return;`);
  options.push(xx`throw new Error("E" + ${expr(ctx)});`);
  if (rng.chance(0.2)) options.push(xx`throw ${expr(ctx)};`);
  return { node: st`if (${cond(ctx)}) ${rng.pick(options)}` };
}

function forLoop(ctx: Ctx, head = ""): Made {
  const { rng, names } = ctx;
  const i = names.fresh("i");
  const closures = rng.chance(0.4);
  const cl = names.fresh("cl");
  const c = inner(withVar(ctx, counter(i)), { loop: true });
  const step = xx`${rng.pick([`${i}++`, `${i} += s(1)`, `${i} += 1`].filter((x) => ctx.susp > 0 || !x.includes("s(")))}`;
  const capture = closures ? [st`${cl}.push(() => ${i} * 10 + ${expr(arrow(c))});`] : [];
  const loop = rng.chance(0.2)
    ? st`${head}for (let ${i} = 0; ; ${step}) { tick(); if (${i} >= ${expr(ctx)} % 4) break;${block([...capture, ...statements(c, 1 + rng.int(2)).p as Node[]])}}`
    : st`${head}for (let ${i} = ${expr(ctx)} % 3; ${expr(ctx)} % 4 > ${i}; ${step}) { tick();${block([...capture, ...statements(c, 1 + rng.int(2)).p as Node[]])}}`;
  if (!closures) return { node: loop };
  return { node: st`{ const ${cl}: (() => number)[] = [];${block([loop, st`log(${label(ctx)}, ${cl}.map((g) => g()));`])}}` };
}

function otherLoop(ctx: Ctx, head = ""): Made {
  const { rng, names } = ctx;
  const w = names.fresh("w");
  const x = names.fresh("x");
  switch (rng.int(4)) {
    case 0: {
      const source = varsOf0(ctx, "obj") ?? xx`{ a: ${expr(ctx)}, b: ${expr(ctx)} }`;
      return { node: st`${head}for (const ${x} in ${ctx.susp > 0 ? xx`s(${source})` : source}) { tick(); log(${label(ctx)}, ${x});${loopBody(ctx)}}` };
    }
    case 1: {
      const source = varsOf0(ctx, "arr") ?? xx`[${expr(ctx)}, ${expr(ctx)}]`;
      return { node: st`${head}for (const ${x} of ${ctx.susp > 0 ? xx`s(${source})` : source}) { tick();${loopBody(ctx, counter(x))}}` };
    }
    case 2:
      return { node: st`{ let ${w} = 0;${block([st`${head}while (${expr(ctx)} % 4 > ${ctx.susp > 0 ? "s" : "u"}(${w}++)) { tick();${loopBody(ctx, counter(w))}}`])}}` };
    default:
      return { node: st`{ let ${w} = 0;${block([st`${head}do { tick();${loopBody(ctx, counter(w))}} while (${expr(ctx)} % 3 > ${w}++);`])}}` };
  }
}

/** `for-in` declares a string; it is logged, never used as a number. */
function varsOf0(ctx: Ctx, type: "obj" | "arr"): Node | undefined {
  const vs = ctx.vars.filter((v) => v.type === type);
  return vs.length > 0 && ctx.rng.chance(0.5) ? xx`${ctx.rng.pick(vs).name}` : undefined;
}

function labelled(ctx: Ctx): Made {
  const l = ctx.names.fresh("L");
  if (ctx.rng.chance(0.4)) return { node: st`${l}: {${body(ctx, { labels: [...ctx.labels, { name: l, loop: false }] })}}` };
  const c = { ...ctx, labels: [...ctx.labels, { name: l, loop: true }] };
  return ctx.rng.chance(0.5) ? forLoop(c, `${l}: `) : otherLoop(c, `${l}: `);
}

function switchStatement(ctx: Ctx): Made {
  const { rng } = ctx;
  const c = inner(ctx, { switch: true });
  const cases: Node[] = [];
  for (let i = 0, n = 1 + rng.int(3); i < n; i++)
    cases.push(st`case ${i === 0 ? expr(ctx) : xx`${String(i)}`}: {${statements(c, 1 + rng.int(2))}}${rng.chance(0.5) ? " break;" : ""}`);
  if (rng.chance(0.6)) cases.push(st`default: {${statements(c, 1 + rng.int(2))}}`);
  // Each case is a statement of the list, so that the shrinker may drop it.
  return { node: st`switch (${expr(ctx)} % 4) {${block(cases)}}` };
}

function tryStatement(ctx: Ctx): Made {
  const { rng } = ctx;
  const err = ctx.names.fresh("err");
  const parts = rng.int(3); // 0: catch, 1: finally, 2: both
  const handler = parts !== 1 ? xx` catch (${err}) { log(${label(ctx)}, ${err});${body(ctx)}}` : xx``;
  const final = parts !== 0 ? xx` finally {${body(ctx)}}` : xx``;
  return { node: st`try {${body(ctx)}}${handler}${final}` };
}

const forms: (readonly [number, Form])[] = [
  [6, (c) => ({ node: logged(c) })],
  [6, declaration],
  [2, (c) => ({ node: st`if (${cond(c)}) {${body(c)}} else {${body(c)}}` })],
  [3, (c) => forLoop(c)],
  [3, (c) => otherLoop(c)],
  [2, labelled],
  [2, switchStatement],
  [3, tryStatement],
  [3, jump],
  [4, arrayStatement],
  [2, (c) => {
    const fs = c.vars.filter((v) => v.type === "fn" && v.mutable);
    if (fs.length === 0) return undefined;
    // The new function may call only function variables declared before this one, as its
    // declaration's could: a cycle would recurse without end, which a native stack ends with a
    // RangeError and miou's heap-allocated frames only when memory runs out.
    const target = c.rng.pick(fs);
    const before = c.vars.indexOf(target);
    const vars = c.vars.filter((v, i) => v.type !== "fn" || i < before);
    return { node: st`${target.name} = ${callback({ ...c, vars })};` };
  }],
];
/** Without nesting: no compound statement. */
const flat = forms.filter(([, f], i) => i === 0 || f === declaration || f === jump || f === arrayStatement);
