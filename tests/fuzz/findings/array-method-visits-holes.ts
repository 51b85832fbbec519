// `map` with a suspending callback calls it for a hole (here one the callback deletes); the
// native method skips holes and leaves them in its result.
// expected:
//   "L0" [1, <hole>, 3]
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  log("L0", [1, 2, 3].map((y: number, i: number, arr: number[]) => { if (i === 0) delete arr[i + 1]; return s(y); }));
}
