// Calls through values, each family that once compiled to a silent wrong result: every line must
// print what the same program prints with `s` a plain function (see the comment on each line).
import * as Miou from "miou";
import * as Node from "miou/node";

/** A suspending identity: one scheduling point, then its argument. */
function s<T>(x: T): T {
  Miou.yield_();
  return x;
}

function twice(f: (x: number) => number, x: number) {
  return f(f(x));
}
function apply(f: (x: number) => number, x: number) {
  return f(x) + s(0);
}
function inner(g: (x: number) => number, x: number) {
  return g(x) * 10;
}
function outer(f: (x: number) => number) {
  return inner(f, 1);
}
function callThrough(f: (x: number) => number, x: number) {
  return f.call(null, x);
}
function tag(strings: TemplateStringsArray, ...xs: number[]) {
  return s(strings.join("|")) + xs.join(",");
}
class A {
  m(): string {
    return s("A");
  }
  plain(): string {
    return "A.plain";
  }
}
class B extends A {
  override m(): string {
    return "B";
  }
  override plain(): string {
    const g = () => super.plain() + s("!");
    return g();
  }
}
// At ES5, TypeScript lowers the generator into an inner function, which has its own `arguments`.
function argumentsOf(_a: number, _b: number) {
  return s(arguments.length) + arguments[1] + s(arguments[0]);
}
function thisInDefault(this: { v: number }) {
  const g = (x = this.v) => s(x);
  return g();
}
let reassigned: (x: number) => number = (x) => x;

function main(): string[] {
  const out: string[] = [];
  const line = (name: string, v: unknown) => out.push(`${name}: ${JSON.stringify(v)}`);
  line("twice, a callback that suspends (2)", twice((x) => s(x + 1), 0));
  line("apply, itself suspending, calls its parameter (1)", apply((x) => s(x + 1), 0));
  line("an array of suspending functions, called by map ([1])", [() => s(1)].map((f) => f()));
  const a: A = new B();
  line("a plain override of a suspending method (B)", a.m());
  line("a callback forwarded to another higher-order function (20)", outer((x) => s(x + 1)));
  reassigned = (x) => s(x * 3);
  line("a variable reassigned to a suspending arrow (6)", reassigned(2));
  const never = out.length < 0;
  line("a callback chosen by a conditional (60)", inner(never ? (x) => x : (x) => s(x + 5), 1));
  line("f.call on a parameter (8)", callThrough((x) => s(x + 7), 1));
  const xs: number[] | undefined = out.length >= 0 ? [1, 2] : undefined;
  const none: number[] | undefined = out.length < 0 ? [1, 2] : undefined;
  line("xs?.map with a suspending callback ([2,4])", xs?.map((x) => s(x * 2)));
  line("none?.map calls nothing (undefined)", none?.map((x) => s(x * 2)));
  line("a tagged template whose tag suspends (a|b|c1,2)", tag`a${1}b${2}c`);
  line("super in a suspending arrow (A.plain!)", new B().plain());
  line("arguments of a suspending function (5)", argumentsOf(1, 2));
  line("this in an arrow's default parameter (9)", thisInDefault.call({ v: 9 }));
  const o = { m(x: number) { return s(x + 100); } };
  const m = o.m;
  line("a method stored in a local, called with .call (101)", m.call(o, 1));
  // eslint-disable-next-line no-sparse-arrays
  const holes = [1, , 3];
  let visits = 0;
  holes.forEach(() => void (visits = s(visits + 1)));
  line("forEach skips holes (2)", visits);
  line("map keeps holes (false)", 1 in holes.map((x) => s(x)));
  const grow = [1, 2];
  grow.forEach((x) => void (grow.length < 5 && grow.push(s(x))));
  line("forEach reads the length once (1,2,1,2)", grow.join(","));
  const mutated = [1, 2, 3];
  line("filter keeps the element it read (1,2,3)", mutated.filter((_, i) => ((mutated[i] = 9), s(true))).join(","));
  line("a ⏸ function given to a higher-order function (done)", [Miou.yield_].map((f) => (f(), "done"))[0]);
  line("a ⏸ function as a task body (true)", Miou.await_exn(Miou.async(Miou.yield_)) === undefined);
  return out;
}

function onDomains(): number {
  return Miou.parallel(Node.sleep, [0.001, 0.001]).filter((r) => r.ok).length;
}

Miou.run(() => [...main(), `Node.sleep given to parallel (2): ${onDomains()}`].join("\n"), { domains: 2 }).then(console.log);
