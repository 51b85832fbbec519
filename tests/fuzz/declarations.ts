/**
 * Declarations inside a function body: numbers, arrays (sparse ones included), function
 * variables, optional values for `?.`, objects, objects with methods using `this`, instances of
 * Base/Sub held in a variable typed `Base`, and destructuring with defaults (declarations and
 * assignments).
 */
import { st, xx, type Node } from "./tree.js";
import { functionBody, withVar, type Ctx, type Type, type Var } from "./context.js";
import { callback, cond, expr } from "./expressions.js";

type Made = { node: Node; ctx?: Ctx };

const declare = (ctx: Ctx, node: Node, ...vars: Var[]): Made => ({ node, ctx: vars.reduce(withVar, ctx) });
const v = (name: string, type: Type, mutable = false): Var => ({ name, type, mutable });

export function declaration(ctx: Ctx): Made | undefined {
  const { rng, names } = ctx;
  const n = names.fresh("v");
  switch (rng.weighted([[4, "num"], [2, "arr"], [1, "sparse"], [2, "fn"], [1, "fnopt"], [1, "objopt"], [1, "arropt"], [1, "obj"], [1, "meth"], [2, "base"], [3, "destructure"], [1, "assign"]] as const)) {
    case "num":
      return rng.chance(0.7) ? declare(ctx, st`let ${n} = ${expr(ctx)};`, v(n, "num", true)) : declare(ctx, st`const ${n} = ${expr(ctx)};`, v(n, "num"));
    case "arr":
      return declare(ctx, st`const ${n}: number[] = [${expr(ctx)}, ${expr(ctx)}, ${expr(ctx)}];`, v(n, "arr"));
    case "sparse":
      return declare(ctx, st`const ${n}: (number | undefined)[] = [${expr(ctx)}, , ${expr(ctx)}, , ];`, v(n, "sparse"));
    case "fn":
      return declare(ctx, st`let ${n}: F = ${callback(ctx)};`, v(n, "fn", true));
    case "fnopt":
      return declare(ctx, st`const ${n}: F | undefined = ${cond(ctx)} ? ${callback(ctx)} : undefined;`, v(n, "fnopt"));
    case "objopt":
      return declare(ctx, st`const ${n}: { a: number } | undefined = ${cond(ctx)} ? { a: ${expr(ctx)} } : undefined;`, v(n, "objopt"));
    case "arropt":
      return declare(ctx, st`const ${n}: number[] | undefined = ${cond(ctx)} ? [${expr(ctx)}, ${expr(ctx)}] : undefined;`, v(n, "arropt"));
    case "obj":
      return declare(ctx, st`const ${n} = { a: ${expr(ctx)}, b: ${expr(ctx)} };`, v(n, "obj"));
    case "meth":
      return declare(ctx, objectWithMethods(ctx, n), v(n, "meth"));
    case "base":
      if (!ctx.has.has("Base")) return undefined;
      return declare(ctx, st`const ${n}: Base = ${cond(ctx)} ? new Sub(${expr(ctx)}) : new Base(${expr(ctx)});`, v(n, "base"));
    case "destructure":
      return destructure(ctx, n);
    case "assign":
      return assignPattern(ctx);
  }
}

function objectWithMethods(ctx: Ctx, n: string): Node {
  const y = ctx.names.fresh("y");
  const param = [v(y, "num")];
  const m = functionBody(ctx, "method", param, "number", ctx.rng.pick([0, 0.6]), "k");
  const f = functionBody(ctx, "arrow", param, "number", ctx.rng.pick([0, 0.6]));
  return st`const ${n} = { k: ${expr(ctx)}, m(${y}: number): number { return ${expr(m)}; }, f: (${y}: number): number => ${expr(f)} };`;
}

function destructure(ctx: Ctx, n: string): Made {
  const { rng } = ctx;
  const [a, b] = [`${n}a`, `${n}b`];
  const sparse = ctx.vars.filter((x) => x.type === "sparse");
  switch (rng.int(3)) {
    case 0: {
      const source = sparse.length > 0 && rng.chance(0.5) ? xx`${rng.pick(sparse).name}` : xx`[${expr(ctx)}]`;
      return declare(ctx, st`const [${a} = ${expr(ctx)}, , ${b} = ${expr(ctx)}]: (number | undefined)[] = ${source};`, v(a, "num"), v(b, "num"));
    }
    case 1:
      return declare(
        ctx,
        st`const { a: ${a} = ${expr(ctx)}, b: ${b} = ${expr(ctx)} }: { a?: number; b?: number } = ${cond(ctx)} ? { a: ${expr(ctx)} } : { b: ${expr(ctx)} };`,
        v(a, "num"),
        v(b, "num"),
      );
    default:
      return declare(
        ctx,
        st`const { a: [${a} = ${expr(ctx)}] = [${expr(ctx)}], [${xx`${expr(ctx)}`} % 2]: ${b} = ${expr(ctx)} }: { a?: (number | undefined)[]; [k: number]: number | undefined } = { 1: ${expr(ctx)} };`,
        v(a, "num"),
        v(b, "num"),
      );
  }
}

/** Destructuring assignment to variables already declared (a swap, defaults). */
function assignPattern(ctx: Ctx): Made | undefined {
  const ms = ctx.vars.filter((x) => x.type === "num" && x.mutable);
  if (ms.length < 2) return undefined;
  const [p, q] = [ctx.rng.pick(ms).name, ctx.rng.pick(ms).name];
  if (p === q) return undefined;
  return ctx.rng.chance(0.5)
    ? { node: st`[${p}, ${q}] = [${q}, ${expr(ctx)}];` }
    : { node: st`({ a: ${p} = ${expr(ctx)}, b: ${q} } = { b: ${expr(ctx)} } as { a?: number; b: number });` };
}
