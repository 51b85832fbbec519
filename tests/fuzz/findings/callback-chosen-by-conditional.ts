// A function chosen by a conditional, one branch suspending and one plain, and called at once:
// when the plain one is chosen the task fails ("a Miou task yielded number"), alone or inside an
// array method's callback.
// expected:
//   "L0" 2
//   "L1" [2, 3]
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  const y = 2;
  log("L0", (y > 5 ? (z: number) => s(z) : (z: number) => z)(y));
  log("L1", [1, 2, 3].filter((y: number) => (y > 1 ? (z: number) => s(z) : (z: number) => z)(y) > 1));
}
