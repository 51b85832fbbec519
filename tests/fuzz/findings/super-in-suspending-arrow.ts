// `super.p(...)` inside a suspending arrow given to a higher-order function: at ES2022 the
// compiled module does not load ("'super' keyword unexpected here"), at ES5 the call throws.
// expected:
//   "L0" 3
//   "returned"
import { log, s, type F } from "./_harness.js";

function twice(f: F, x: number): number { return f(f(x)); }
class Base { p(x: number): number { return x + 1; } }
class Sub extends Base {
  override p(x: number): number { return twice((y: number) => s(super.p(y)), x); }
}

export function main(): void {
  log("L0", new Sub().p(1));
}
