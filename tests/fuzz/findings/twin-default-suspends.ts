// A plain higher-order function given a suspending callback gets a twin; when its parameter
// default calls a function that the twin calls through that function's own twin, the default
// suspends in the twin, and a `yield` cannot stand in a parameter list (a SyntaxError on loading
// the module). The twin's defaults now move into its body, as a suspending function's do.
// expected:
//   "L0" 70
//   "L1" 150
//   "returned"
import { log, s, u, type F } from "./_harness.js";

const z0 = 5;

function f0(a: number, b: number): number {
  const v = 0 > u(a) ? 1 : 0;
  return v + b;
}

function pd(a: number, g: F = f0(a, 0) > 0 ? (y: number) => y + z0 : (y: number) => y * z0): number {
  let w: number = 0;
  return a * 100 + g(a) * 10 + w;
}

export function main(): void {
  log("L0", pd(0, function (y: number): number { return s(y) + 7; }));
  log("L1", pd(1));
}
