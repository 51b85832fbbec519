/**
 * What the generator knows at a point of the program: the names in scope and their types, the
 * functions it may call, and where control may go (`return`, `break`, `continue`, labels).
 * Scopes are copied, never mutated, when a block opens, so a name never leaks out of its block.
 */
import type fc from "fast-check";

/** The types the generated programs use: every expression the shrinker may touch is a `number`. */
export type Type =
  | "num" // number
  | "arr" // number[]
  | "sparse" // (number | undefined)[], with holes
  | "fn" // F = (x: number) => number
  | "fnopt" // F | undefined
  | "obj" // { a: number; b: number }
  | "objopt" // { a: number } | undefined
  | "arropt" // number[] | undefined
  | "meth" // an object with methods: { k: number; m(x: number): number; f: F }
  | "base"; // Base (a Base or a Sub)

export interface Var {
  name: string;
  type: Type;
  /** Assignable: loop counters and `const`s are not, so that every loop ends. */
  mutable: boolean;
}

/** A module-level function: `arity` numbers in, a number out. */
export interface Fn {
  name: string;
  arity: 1 | 2;
  /** The second parameter has a default (which may suspend): calls may leave it out. */
  optional?: boolean;
}

/** What kind of function body the code is in: decides `this`, `super`, `arguments`, `return`. */
export type Body = "main" | "function" | "arrow" | "method";

/** Deterministic choices drawn from fast-check's random source (so a seed replays a program). */
export class Rng {
  constructor(private readonly r: fc.Random) {}
  int(n: number): number {
    return n <= 1 ? 0 : this.r.nextInt(0, n - 1);
  }
  chance(p: number): boolean {
    return this.r.nextInt(0, 999) < p * 1000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** One of the weighted options: `[weight, value]` pairs. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((n, [w]) => n + w, 0);
    let x = this.int(total);
    for (const [w, v] of options) {
      if (x < w) return v;
      x -= w;
    }
    return options[0]![1];
  }
}

/** Counters shared by the whole program, so that every name and log label is unique. */
export class Names {
  private n = 0;
  fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }
}

export interface Ctx {
  rng: Rng;
  names: Names;
  vars: readonly Var[];
  fns: readonly Fn[];
  /** Higher-order functions: `(f: F, x: number) => number`. */
  hofs: readonly string[];
  /** Whether Base/Sub, Box, a tag function, a rest function, `rec` are declared. */
  has: ReadonlySet<string>;
  /** How deep expressions may still nest. */
  depth: number;
  /** The probability that an expression is wrapped in `s(...)`: 0 in a plain function. */
  susp: number;
  body: Body;
  /**
   * What `this` is: a Base or Sub instance (with `super` in a Sub; `subq` is Sub's `q`, the only
   * place that calls `this.m`, so that no method calls itself), the object literal of a method
   * or a `thisArg` (`this.k`), or nothing usable. Arrows inherit it.
   */
  self: "none" | "base" | "sub" | "subq" | "k";
  /** Whether `arguments` may be read here (TypeScript rejects it in an arrow at ES5). */
  args: boolean;
  /** The program is for target ES5. */
  es5: boolean;
  /** `return` allowed, and what it returns. */
  returns: "number" | "void" | undefined;
  loop: boolean;
  switch: boolean;
  /** Enclosing labels; `loop` ones may be `continue`d. */
  labels: readonly { name: string; loop: boolean }[];
  /** How deep statements may still nest. */
  nest: number;
}

export const varsOf = (ctx: Ctx, ...types: Type[]) => ctx.vars.filter((v) => types.includes(v.type));
export const withVar = (ctx: Ctx, v: Var): Ctx => ({ ...ctx, vars: [...ctx.vars, v] });
export const shallower = (ctx: Ctx): Ctx => ({ ...ctx, depth: ctx.depth - 1 });

/** The context of a new function body: no loop, no label, the function's own parameters. */
export function functionBody(ctx: Ctx, body: Body, params: Var[], returns: Ctx["returns"], susp: number, self?: Ctx["self"]): Ctx {
  return {
    ...ctx,
    body,
    self: self ?? (body === "arrow" ? ctx.self : "none"),
    vars: [...ctx.vars, ...params],
    args: body !== "arrow" || (ctx.args && !ctx.es5),
    returns,
    loop: false,
    switch: false,
    labels: [],
    susp,
    nest: Math.max(0, Math.min(ctx.nest - 1, 1)),
  };
}
