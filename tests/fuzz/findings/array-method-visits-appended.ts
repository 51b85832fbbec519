// `map` with a suspending callback visits an element the callback appends; JavaScript's reads
// `length` once, before the first call.
// expected:
//   "L0" [1, 2, 3]
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  log("L0", [1, 2, 3].map((y: number, i: number, arr: number[]) => { if (i === 0) arr.push(4); return s(y); }));
}
