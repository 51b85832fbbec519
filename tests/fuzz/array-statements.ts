/**
 * The array methods as statements whose results are logged whole: callbacks that suspend or not,
 * with `thisArg`, on sparse arrays (holes must be skipped as JavaScript's own methods skip them),
 * on `undefined` through `?.`, and callbacks that append, overwrite, delete or pop elements while
 * the method runs (a method reads `length` once and re-reads each element when it visits it).
 */
import { st, xx, type Node } from "./tree.js";
import { functionBody, type Ctx, type Var } from "./context.js";
import { callback, cond, expr } from "./expressions.js";
import { statements } from "./statements.js";

type Made = { node: Node; ctx?: Ctx };

const methods = ["map", "forEach", "filter", "some", "every", "find", "findIndex", "flatMap"] as const;
const label = (ctx: Ctx) => `"${ctx.names.fresh("L")}"`;

export function arrayStatement(ctx: Ctx): Made | undefined {
  const { rng } = ctx;
  const arrs = ctx.vars.filter((v) => v.type === "arr");
  const a = arrs.length > 0 && rng.chance(0.7) ? rng.pick(arrs).name : undefined;
  switch (rng.int(7)) {
    case 0:
      return a === undefined ? undefined : { node: rng.chance(0.5) ? st`${a}.push(${expr(ctx)});` : st`${a}[${expr(ctx)} % 4] = ${expr(ctx)};` };
    case 1:
      return { node: st`log(${label(ctx)}, ${xx`${a ?? "[1, 2, 3]"}`}.${rng.pick(methods)}(${mutating(ctx)}));` };
    case 2:
      return { node: st`log(${label(ctx)}, ${xx`${a ?? "[4, 5]"}`}.${rng.pick(methods)}(${withThis(ctx)}, { k: ${expr(ctx)} }));` };
    case 3:
      return sparse(ctx);
    case 4: {
      const opt = ctx.vars.filter((v) => v.type === "arropt");
      return opt.length === 0 ? undefined : { node: st`log(${label(ctx)}, ${rng.pick(opt).name}?.map(${callback(ctx)}));` };
    }
    case 5:
      return { node: st`log(${label(ctx)}, ${xx`${a ?? "[6, 7, 8]"}`}.map(${callback(ctx)}));` };
    default: {
      const [acc, y] = [ctx.names.fresh("acc"), ctx.names.fresh("y")];
      const c = functionBody(ctx, "arrow", [num(acc), num(y)], "number", rng.pick([0, 0.6]));
      return { node: st`log(${label(ctx)}, ${xx`${a ?? "[1, 2]"}`}.reduce((${acc}: number, ${y}: number) => ${expr(c)}${rng.chance(0.5) ? xx`, ${expr(ctx)}` : xx``}));` };
    }
  }
}

const num = (name: string): Var => ({ name, type: "num", mutable: false });

/** A callback `(y, i, arr) => { ... }` that may change `arr` while the method walks it. */
function mutating(ctx: Ctx): Node {
  const { rng, names } = ctx;
  const [y, i, arr] = [names.fresh("y"), names.fresh("i"), names.fresh("arr")];
  const c = functionBody(ctx, "arrow", [num(y), num(i)], "number", rng.pick([0, 0.6]));
  const change = rng.pick([
    xx`if (${i} === 0) ${arr}.push(${expr(c)});`,
    xx`${arr}[${i} + 1] = ${expr(c)};`,
    xx`if (${i} === 0) ${arr}.pop();`,
    xx`if (${i} === 0) delete ${arr}[${i} + 1];`,
    xx``,
  ]);
  const inner = { ...c, nest: Math.min(c.nest, 1) };
  return xx`(${y}: number, ${i}: number, ${arr}: number[]) => { tick(); ${change}${statements(inner, rng.int(2))} return ${rng.chance(0.5) ? xx`[${expr(c)}]` : cond(c)}; }`;
}

/** A `function` callback reading `this.k`, given a `thisArg`. */
function withThis(ctx: Ctx): Node {
  const y = ctx.names.fresh("y");
  const c = functionBody(ctx, "function", [num(y)], "number", ctx.rng.pick([0, 0.6]), "k");
  return xx`function (this: { k: number }, ${y}: number) { return ${expr(c)} > this.k; }`;
}

function sparse(ctx: Ctx): Made | undefined {
  const sps = ctx.vars.filter((v) => v.type === "sparse");
  if (sps.length === 0) return undefined;
  const { rng, names } = ctx;
  const sp = rng.pick(sps).name;
  const [y, i] = [names.fresh("y"), names.fresh("i")];
  const c = functionBody(ctx, "arrow", [num(i)], "number", rng.pick([0, 0.6]));
  const value = xx`(${y} ?? -1)`;
  return {
    node: rng.pick([
      st`log(${label(ctx)}, ${sp}.map((${y}, ${i}) => ${value} + ${expr(c)}));`,
      st`${sp}.forEach((${y}, ${i}) => log(${label(ctx)}, ${y}, ${i}, ${expr(c)}));`,
      st`log(${label(ctx)}, ${sp}.filter((${y}, ${i}) => ${expr(c)} > ${value}));`,
      st`log(${label(ctx)}, ${sp}.${rng.pick(["some", "every", "find", "findIndex"])}((${y}, ${i}) => ${y} === undefined || ${value} > ${expr(c)}));`,
      st`log(${label(ctx)}, ${sp}.flatMap((${y}, ${i}) => [${value}, ${expr(c)}]));`,
      st`log(${label(ctx)}, ${sp}.reduce((acc: number, ${y}, ${i}) => acc + ${value} * ${expr(c)}, 0));`,
    ]),
  };
}
