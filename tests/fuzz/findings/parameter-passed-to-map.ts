// A higher-order function passes its parameter straight to `map`: given a suspending callback,
// the result holds generator objects.
// expected:
//   "L0" [10, 20]
//   "returned"
import { log, s, type F } from "./_harness.js";

function mapAll(f: F, x: number): number[] { return [x, x + 1].map(f); }

export function main(): void {
  log("L0", mapAll((y: number) => s(y * 10), 1));
}
