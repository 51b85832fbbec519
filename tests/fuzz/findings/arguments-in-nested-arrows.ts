// `arguments` read in an arrow nested in another arrow, inside a function that suspends: the
// compiled arrow names a variable that was never declared (`ReferenceError: arguments_2 is not
// defined`). ES2022 only: TypeScript rejects `arguments` in an arrow at ES5.
// target: es2022
// expected:
//   "L0" [true, true]
//   "L1" 1
//   "returned"
import { log, s } from "./_harness.js";

function f(a: number): number {
  log("L0", [1, 2].map((y: number) => [y].every(() => arguments.length > s(0))));
  return a;
}

export function main(): void {
  log("L1", f(1));
}
