// `arguments[0]` in a higher-order function given a suspending function (so it has a twin),
// at ES5: the twin's `arguments` must be the call's arguments, the function passed first.
// expected:
//   "L0" "function" "function" 2
//   "returned"
import { log, s, type F } from "./_harness.js";


function slow(a: number): number {
  return s(a);
}

function h(f: F, x: number): number {
  log("L0", typeof arguments[0], typeof f, arguments.length);
  return f.call(undefined, x);
}

export function main(): void {
  h(slow, 2);
}
