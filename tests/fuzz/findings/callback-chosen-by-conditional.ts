// A function chosen by a conditional, one branch suspending and one plain, called at once
// inside an array method's callback: the task fails ("a Miou task yielded number").
// expected:
//   "L0" [2, 3]
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  log("L0", [1, 2, 3].filter((y: number) => (y > 1 ? (z: number) => s(z) : (z: number) => z)(y) > 1));
}
