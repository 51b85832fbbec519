// At ES5, a suspending method that reads both `arguments` and `super.p(...)`: its body moves into
// a nested generator function (to keep the method's `arguments`), where `super` must still be
// the method's (a TypeError was thrown instead).
// expected:
//   "L0" 1
//   "L1" 7
//   "returned"
import { log, s } from "./_harness.js";

class Base {
  v = 6;
  p(x: number): number {
    return this.v + x;
  }
}

class Sub extends Base {
  override p(x: number): number {
    return super.p(s(arguments.length)) - x;
  }
}

export function main(): void {
  const b: Base = new Sub();
  log("L0", b.p(6));
  log("L1", new Base().p(1));
}
