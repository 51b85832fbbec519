/**
 * A whole generated program: module-level functions (some suspending, some plain), a rest
 * function, a tag function, a recursive function, a function whose parameter default reads a
 * name its body shadows, higher-order functions (forwarding callbacks, `.call`/`.apply`,
 * reassigned function variables, optional callbacks, `arguments`), a class hierarchy whose
 * overriding methods suspend or not, then `main`. Later declarations may call earlier ones only,
 * so the only recursion is `rec`'s, bounded by its argument.
 */
import { block, st, xx, type Node } from "./tree.js";
import { functionBody, Names, Rng, type Ctx, type Fn } from "./context.js";
import { arrow, cond, expr } from "./expressions.js";
import { statements } from "./statements.js";

/** The suspension probability of a new function: a third of them are plain. */
const suspension = (ctx: Ctx) => ctx.rng.pick([0, 0.3, 0.5]);
const num = (name: string) => ({ name, type: "num" as const, mutable: true });

export function program(rng: Rng, es5: boolean): Node {
  const names = new Names();
  let ctx: Ctx = {
    rng, names, vars: [{ name: "z0", type: "num", mutable: false }, { name: "counter", type: "num", mutable: true }], fns: [], hofs: [], has: new Set(),
    depth: 2, susp: 0.4, body: "function", self: "none", args: true, returns: "number", loop: false, switch: false, labels: [], nest: 3, es5,
  };
  const decls: Node[] = [st`const z0 = ${String(rng.int(10))};`, st`let counter = 0;`];
  const add = (node: Node, has?: string) => {
    decls.push(node);
    if (has !== undefined) ctx = { ...ctx, has: new Set([...ctx.has, has]) };
  };
  for (let i = 0, n = 1 + rng.int(2); i < n; i++) {
    const arity = rng.chance(0.6) ? 1 : 2;
    const f: Fn = { name: names.fresh("f"), arity, optional: arity === 2 && rng.chance(0.5) };
    add(plainFunction(ctx, f));
    ctx = { ...ctx, fns: [...ctx.fns, f] };
  }
  if (rng.chance(0.5)) add(st`function va(...xs: number[]): number { let t = ${expr(functionBody(ctx, "function", [], "number", suspension(ctx)))}; for (const x of xs) t = t * 3 + x; return t + arguments.length; }`, "va");
  if (rng.chance(0.4)) add(st`function tag(strs: TemplateStringsArray, ...vs: number[]): number { return strs.join("|").length * 100 + vs.reduce((a, b) => a * 2 + b, 0) + ${expr(functionBody(ctx, "function", [], "number", suspension(ctx)))}; }`, "tag");
  if (rng.chance(0.4)) add(st`function rec(n: number): number { tick(); if (!(n > 0)) return ${expr(functionBody(ctx, "function", [num("n")], "number", suspension(ctx)))}; return rec(n - 1) * 2 + ${expr(functionBody(ctx, "function", [num("n")], "number", suspension(ctx)))}; }`, "rec");
  if (rng.chance(0.4)) add(shadowedDefault(ctx), "pd");
  if (rng.chance(0.3)) add(destructuredParameters(ctx), "pdd");
  if (rng.chance(0.3)) add(st`class Box { total: number; constructor(...xs: number[]) { this.total = xs.length * 100 + xs.reduce((a, b) => a + b, 0); } }`, "Box");
  for (let i = 0, n = rng.int(4); i < n; i++) {
    const h = names.fresh("h");
    add(higherOrder(ctx, h));
    ctx = { ...ctx, hofs: [...ctx.hofs, h] };
  }
  if (rng.chance(0.3)) add(st`function choose(c: number, f: F, g: F): F { return c > 2 ? f : g; }`, "choose");
  if (rng.chance(0.5)) {
    const [base, sub] = classes(ctx);
    add(base!);
    add(sub!, "Base");
  }
  const main = { ...functionBody(ctx, "main", [], "void", 0.5), nest: 2 };
  decls.push(st`function main(): void {${statements(main, 2 + rng.int(5))}}`);
  return block(decls);
}

function plainFunction(ctx: Ctx, f: Fn): Node {
  const c = functionBody(ctx, "function", f.arity === 1 ? [num("a")] : [num("a"), num("b")], "number", suspension(ctx));
  const params = f.arity === 1 ? xx`a: number` : f.optional === true ? xx`a: number, b: number = ${expr(functionBody(ctx, "function", [num("a")], "number", suspension(ctx)))}` : xx`a: number, b: number`;
  return st`function ${f.name}(${params}): number {${statements(c, ctx.rng.int(3))} return ${expr(c)}; }`;
}

/**
 * `g`'s default is a closure over `z0`: JavaScript evaluates it in the parameters' scope, where
 * `z0` is the module's, while the body declares its own `z0`. (A closure, because TypeScript
 * resolves a plain `z0` in a default to the body's and rejects it.)
 */
function shadowedDefault(ctx: Ctx): Node {
  const c = functionBody(ctx, "function", [num("a")], "number", suspension(ctx));
  const kind = ctx.rng.pick(["var", "let", "const"]);
  const init = { ...c, vars: c.vars.filter((v) => v.name !== "z0") };
  return st`function pd(a: number, g: F = ${cond(init)} ? (y: number) => y + z0 : (y: number) => y * z0): number { ${kind} z0: number = ${expr(init)}; return a * 100 + g(a) * 10 + z0; }`;
}

/** Destructured parameters whose defaults may suspend, and a default reading an earlier one. */
function destructuredParameters(ctx: Ctx): Node {
  const c = functionBody(ctx, "function", [], "number", suspension(ctx));
  const later = functionBody(ctx, "function", [num("a")], "number", suspension(ctx));
  return st`function pdd({ a = ${expr(c)}, b = ${expr(later)} }: { a?: number; b?: number } = {}, [p = ${expr(c)}, q = a]: (number | undefined)[] = []): number { return a * 1000 + b * 100 + p * 10 + q; }`;
}

/** A higher-order function `(f: F, x: number) => number` of one of the shapes code really has. */
function higherOrder(ctx: Ctx, name: string): Node {
  const { rng } = ctx;
  const c = functionBody(ctx, "function", [num("x")], "number", suspension(ctx));
  const e = () => expr(c);
  const prev = ctx.hofs.length > 0 ? rng.pick(ctx.hofs) : undefined;
  const shapes: Node[] = [
    xx`return f(f(x)) + ${e()};`,
    xx`return f(x) * 2 + ${e()};`,
    xx`return f.call(undefined, x) + f.apply(undefined, [${e()}]);`,
    xx`return [x, ${e()}].map(f).reduce((p, q) => p * 3 + q, 0);`,
    xx`return [x, ${e()}].map((y) => f(y) + 1)[1]!;`,
    xx`let g: F = (y) => y + 100; if (x > ${e()}) g = f; return g(x);`,
    xx`let t = 0; for (let i = 0; i < 2; i++) { tick(); t = t * 2 + f(x + i); } return t;`,
    xx`const o = { k: x, run(y: number): number { return f(y) + this.k; } }; return o.run(${e()});`,
    xx`return (arguments[0] as F)(x) + arguments.length;`,
    xx`const g = x > ${e()} ? f : (y: number) => y; return g(x);`,
    xx`try { return f(x); } finally { counter += ${e()}; }`,
  ];
  if (prev !== undefined) shapes.push(xx`return ${prev}(f, x) + ${e()};`, xx`return ${prev}((y) => f(y) + ${expr(arrow(c))}, x);`);
  if (rng.chance(0.25)) return st`function ${name}(f: F | undefined, x: number): number { return (f?.(x) ?? -1) + ${e()}; }`;
  return st`function ${name}(f: F, x: number): number { ${rng.pick(shapes)} }`;
}

/** Base and Sub: Sub overrides a suspending method with a plain one and the other way round. */
function classes(ctx: Ctx): Node[] {
  const { rng } = ctx;
  const method = (self: "base" | "sub") => {
    const c = functionBody(ctx, "method", [num("x")], "number", suspension(ctx), self);
    return xx`{${statements(c, rng.int(2))} return ${expr(c)}; }`;
  };
  const arrowSuper = functionBody(ctx, "arrow", [num("y")], "number", 0.5, "subq");
  return [
    // Members are statements of a block, so that the shrinker may drop a method.
    st`class Base {${block([st`v: number;`, st`constructor(v: number) { this.v = v; }`, st`m(x: number): number ${method("base")}`, st`p(x: number): number ${method("base")}`])}}`,
    st`class Sub extends Base {${block([
      st`override m(x: number): number ${method("sub")}`,
      st`override p(x: number): number ${method("sub")}`,
      st`q(x: number): number { const g = (y: number) => ${expr(arrowSuper)}; return g(x); }`,
    ])}}`,
  ];
}
