// An array method's callback calls the array's elements, functions that suspend: the
// suspending elements give back generator objects, and with a plain element beside them the
// task fails ("a Miou task yielded number"). Found as closures over a loop variable called with
// `closures.map((g) => g())`.
// expected:
//   "L0" [0, 10, 20]
//   "L1" [1, 2]
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  const closures: (() => number)[] = [];
  for (let i = 0; i < 3; i++) closures.push(() => i * 10 + s(0));
  log("L0", closures.map((g) => g()));
  log("L1", [(y: number) => s(y), (y: number) => y + 1].map((g) => g(1)));
}
