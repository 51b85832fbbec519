/**
 * Expressions of type `number`, with `s(...)` (the suspending identity) wrapped around any of
 * them: operators, short-circuits, `?.`, calls and `new` with spread, templates, tagged
 * templates, computed keys, compound assignment, the array methods, higher-order calls, `this`,
 * `super`, `arguments`, closures. Each form is one small function; `undefined` means "not here".
 */
import { ex, lit, xx, type Node } from "./tree.js";
import { functionBody, shallower, varsOf, withVar, type Ctx } from "./context.js";
import { statements } from "./statements.js";

type Form = (ctx: Ctx) => Node | undefined;

/** A `number` expression; with probability `ctx.susp`, wrapped in a suspending `s(...)`. */
export function expr(ctx: Ctx): Node {
  const e = ctx.depth <= 0 || ctx.rng.chance(0.45) ? leaf(ctx) : compound(shallower(ctx)) ?? leaf(ctx);
  return ctx.rng.chance(ctx.susp) ? ex`s(${e})` : e;
}

/** A condition: a comparison of two numbers. */
export function cond(ctx: Ctx): Node {
  return xx`${expr(ctx)} > ${expr(ctx)}`;
}

/** The identity used where a program needs `number | undefined`: suspending or not. */
const ident = (ctx: Ctx) => (ctx.susp > 0 ? "s" : "u");

/** The context inside an arrow written around an expression: its own `arguments` rules. */
export const arrow = (ctx: Ctx): Ctx => functionBody(ctx, "arrow", [], "number", ctx.susp);

/**
 * The left of `&&`/`||`: TypeScript rejects one it can see is always truthy (a literal, a
 * conditional between literals), so anything but a call of `s` goes through the plain `u`.
 */
const operand = (e: Node): Node => (e.p[0] === "s(" ? e : ex`u(${e})`);

function leaf(ctx: Ctx): Node {
  const { rng } = ctx;
  const nums = varsOf(ctx, "num");
  const options: Node[] = [lit("e", String(rng.int(10)))];
  if (nums.length > 0) options.push(lit("e", rng.pick(nums).name), lit("e", rng.pick(nums).name));
  if (ctx.self === "base" || ctx.self === "sub" || ctx.self === "subq") options.push(lit("e", "this.v"));
  if (ctx.self === "k") options.push(lit("e", "this.k"));
  if (ctx.args && rng.chance(0.15)) options.push(lit("e", "arguments.length"));
  return rng.pick(options);
}

function compound(ctx: Ctx): Node | undefined {
  for (let tries = 0; tries < 4; tries++) {
    const form = ctx.rng.weighted(forms);
    const e = form(ctx);
    if (e !== undefined) return e;
  }
  return undefined;
}

/** A function of type `F = (x: number) => number`: arrows, names, variables, conditionals. */
export function callback(ctx: Ctx): Node {
  const { rng } = ctx;
  const y = ctx.names.fresh("y");
  const inner = (c: Ctx) => functionBody(c, "arrow", [{ name: y, type: "num", mutable: false }], "number", rng.pick([0, 0.5, 0.8]));
  const fns = ctx.fns.filter((f) => f.arity === 1);
  const vars = varsOf(ctx, "fn");
  const choice = rng.int(ctx.depth > 0 ? (ctx.nest > 0 ? 7 : 5) : 4);
  if (choice === 1 && fns.length > 0) return xx`${rng.pick(fns).name}`;
  if (choice === 2 && vars.length > 0) return xx`${rng.pick(vars).name}`;
  if (choice === 4) return xx`(${cond(ctx)} ? ${callback(shallower(ctx))} : ${callback(shallower(ctx))})`;
  if (choice === 5) {
    const c = { ...inner(ctx), body: "function" as const, self: "none" as const, args: true };
    return xx`function (${y}: number): number {${statements(c, rng.int(2))} return ${expr(c)}; }`;
  }
  if (choice === 6) {
    const c = inner(ctx);
    return xx`(${y}: number): number => {${statements(c, 1)} return ${expr(c)}; }`;
  }
  return xx`(${y}: number) => ${expr(inner(ctx))}`;
}

/** An array expression of type `number[]`. */
function array(ctx: Ctx): Node {
  const arrs = varsOf(ctx, "arr");
  if (arrs.length > 0 && ctx.rng.chance(0.6)) return xx`${ctx.rng.pick(arrs).name}`;
  return xx`[${expr(ctx)}, ${expr(ctx)}, ${expr(ctx)}]`;
}

/** A predicate over an array's elements, with their index. */
function predicate(ctx: Ctx): Node {
  const [y, i] = [ctx.names.fresh("y"), ctx.names.fresh("i")];
  const c = functionBody(ctx, "arrow", [{ name: y, type: "num", mutable: false }, { name: i, type: "num", mutable: false }], "number", ctx.rng.pick([0, 0.5]));
  return xx`(${y}: number, ${i}: number) => ${expr(c)} > ${expr(c)}`;
}

const num = (ctx: Ctx, type: Parameters<typeof varsOf>[1]) => {
  const vs = varsOf(ctx, type);
  return vs.length > 0 ? ctx.rng.pick(vs).name : undefined;
};
const mutableNum = (ctx: Ctx) => {
  const vs = ctx.vars.filter((v) => v.type === "num" && v.mutable);
  return vs.length > 0 ? ctx.rng.pick(vs).name : undefined;
};

const forms: (readonly [number, Form])[] = [
  [6, (c) => ex`(${expr(c)} ${c.rng.pick(["+", "-", "*", "%"])} ${expr(c)})`],
  [1, (c) => ex`(-${expr(c)})`],
  [3, (c) => ex`(${cond(c)} ? ${expr(c)} : ${expr(c)})`],
  [3, (c) => ex`(${operand(expr(c))} ${c.rng.pick(["&&", "||"])} ${expr(c)})`],
  [3, (c) => ex`(${xx`${ident(c)}(${cond(c)} ? undefined : ${expr(c)})`} ?? ${expr(c)})`],
  [5, (c) => {
    if (c.fns.length === 0) return undefined;
    const f = c.rng.pick(c.fns);
    if (f.arity === 1 || (f.optional === true && c.rng.chance(0.6))) return ex`${f.name}(${expr(c)})`;
    return ex`${f.name}(${expr(c)}, ${expr(c)})`;
  }],
  [2, (c) => (c.has.has("va") ? ex`va(${expr(c)}, ...${array(c)}, ...[${expr(c)}])` : undefined)],
  [1, (c) => (c.has.has("Box") ? ex`new Box(${expr(c)}, ...${array(c)}).total` : undefined)],
  [2, (c) => ({ k: "e", p: ["`<${", expr(c), "}:${", expr(c), "}>`.length"] })],
  [2, (c) => (c.has.has("tag") ? { k: "e", p: ["tag`a${", expr(c), "}b${", expr(c), "}`"] } : undefined)],
  [2, (c) => ex`({ [${expr(c)}]: ${expr(c)}, k: ${expr(c)} } as Record<number, number>)[${expr(c)} % 3]`],
  [3, (c) => {
    const v = mutableNum(c);
    return v === undefined ? undefined : ex`(${v} ${c.rng.pick(["+=", "-=", "*=", "||=", "&&="])} ${expr(c)})`;
  }],
  [1, (c) => {
    const v = mutableNum(c);
    return v === undefined ? undefined : lit("e", c.rng.pick([`${v}++`, `++${v}`, `${v}--`]));
  }],
  [2, (c) => {
    const a = num(c, "arr");
    if (a === undefined) return undefined;
    return c.rng.chance(0.5) ? ex`(${a}[${expr(c)} % 4] ?? ${expr(c)})` : ex`(${a}[${expr(c)} % 3] += ${expr(c)})`;
  }],
  [6, arrayMethod],
  [5, (c) => (c.hofs.length > 0 ? ex`${c.rng.pick(c.hofs)}(${callback(c)}, ${expr(c)})` : undefined)],
  [2, (c) => (c.has.has("choose") ? ex`choose(${expr(c)}, ${callback(c)}, ${callback(c)})(${expr(c)})` : undefined)],
  [2, (c) => ex`${xx`(${cond(c)} ? ${callback(c)} : ${callback(c)})`}(${expr(c)})`],
  [2, (c) => {
    const f = num(c, "fn");
    if (f === undefined) return undefined;
    return c.rng.weighted([[3, ex`${f}(${expr(c)})`], [1, ex`${f}.call(undefined, ${expr(c)})`], [1, ex`${f}.apply(undefined, [${expr(c)}])`]]);
  }],
  [2, (c) => {
    const f = num(c, "fnopt");
    return f === undefined ? undefined : ex`(${f}?.(${expr(c)}) ?? ${expr(c)})`;
  }],
  [2, (c) => {
    const o = num(c, "objopt");
    return o === undefined ? undefined : ex`(${o}?.a ?? ${expr(c)})`;
  }],
  [1, (c) => {
    const a = num(c, "arropt");
    return a === undefined ? undefined : ex`(${a}?.map(${callback(c)})[0] ?? ${expr(c)})`;
  }],
  [3, (c) => {
    const b = num(c, "base");
    return b === undefined ? undefined : ex`${b}.${c.rng.pick(["m", "p", "m"])}(${expr(c)})`;
  }],
  [2, (c) => {
    const o = num(c, "meth");
    return o === undefined ? undefined : ex`${o}.${c.rng.pick(["m", "f"])}(${expr(c)})`;
  }],
  [3, (c) => {
    return c.self === "subq" ? ex`this.${c.rng.pick(["m", "p"])}(${expr(c)})` : undefined;
  }],
  [3, (c) => (c.self === "sub" || c.self === "subq" ? ex`super.${c.rng.pick(["m", "p"])}(${expr(c)})` : undefined)],
  // `arguments[0]` only as a number: in a higher-order function it is a function, whose text
  // (what `+` would print) the transformer rewrites.
  [1, (c) => (c.args ? ex`(${c.rng.pick(["arguments.length", '(typeof arguments[0] === "number" ? arguments[0] : -1)'])} + ${expr(c)})` : undefined)],
  [2, (c) => {
    const y = c.names.fresh("y");
    const inner = functionBody(c, "arrow", [{ name: y, type: "num", mutable: false }], "number", c.rng.pick([0, 0.6]));
    return ex`((${y}: number) => ${expr(inner)})(${expr(c)})`;
  }],
  [1, (c) => {
    const y = c.names.fresh("y");
    const inner = functionBody(c, "function", [{ name: y, type: "num", mutable: true }], "number", c.rng.pick([0, 0.6]));
    return ex`(function (${y}: number): number {${statements(inner, c.rng.int(inner.nest + 1))} return ${expr(inner)}; })(${expr(c)})`;
  }],
  [2, (c) => {
    if (!c.has.has("pdd")) return undefined;
    return c.rng.pick([ex`pdd()`, ex`pdd({ a: ${expr(c)} })`, ex`pdd({}, [${expr(c)}])`, ex`pdd({ b: ${expr(c)} }, [, ${expr(c)}])`]);
  }],
  [1, (c) => {
    const o = num(c, "obj");
    return o === undefined ? undefined : ex`(${o}.${c.rng.pick(["a", "b"])} ${c.rng.pick(["+=", "*=", "||=", "&&="])} ${expr(c)})`;
  }],
  [2, (c) => (c.has.has("rec") ? ex`rec(${expr(c)} % 4)` : undefined)],
  [2, (c) => (c.has.has("pd") ? (c.rng.chance(0.5) ? ex`pd(${expr(c)})` : ex`pd(${expr(c)}, ${callback(c)})`) : undefined)],
];

function arrayMethod(c: Ctx): Node | undefined {
  const sp = num(c, "sparse");
  if (sp !== undefined && c.rng.chance(0.3)) {
    const y = c.names.fresh("y");
    const a = arrow(c);
    return c.rng.pick([
      ex`${sp}.map((${y}) => (${y} ?? -1) + ${expr(a)}).length`,
      ex`${sp}.reduce((acc: number, ${y}) => acc * 2 + (${y} ?? 7) + ${expr(a)}, ${expr(c)})`,
      ex`${sp}.filter((${y}) => ${y} === undefined || ${y} > ${expr(a)}).length`,
      ex`${sp}.findIndex((${y}) => ${y} === undefined && ${expr(a)} > 0)`,
    ]);
  }
  const a = array(c);
  const [acc, y] = [c.names.fresh("acc"), c.names.fresh("y")];
  const reducer = functionBody(c, "arrow", [{ name: acc, type: "num", mutable: false }, { name: y, type: "num", mutable: false }], "number", c.rng.pick([0, 0.6]));
  return c.rng.weighted<Node>([
    [2, ex`${a}.map(${callback(c)})[${expr(c)} % 3]`],
    [2, ex`${a}.reduce((${acc}: number, ${y}: number) => ${expr(reducer)}, ${expr(c)})`],
    [1, ex`(${a}.some(${predicate(c)}) ? ${expr(c)} : ${expr(c)})`],
    [1, ex`(${a}.every(${predicate(c)}) ? ${expr(c)} : ${expr(c)})`],
    [1, ex`(${a}.find(${predicate(c)}) ?? ${expr(c)})`],
    [1, ex`${a}.findIndex(${predicate(c)})`],
    [1, ex`${a}.filter(${predicate(c)}).length`],
    [1, ex`${a}.flatMap((${y}: number) => [${y}, ${expr(withVar(arrow(c), { name: y, type: "num", mutable: false }))}]).length`],
    [1, ex`[${callback(c)}, ${callback(c)}].map((g) => g(${expr(arrow(c))}))[${expr(c)} % 2]`],
  ]);
}

