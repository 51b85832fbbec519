// At ES5, `arguments` in a suspending function is the lowered generator body's (length 1), not
// the function's own. (Also seen as `arguments[0]` giving an object.)
// expected:
//   "L0" 0 undefined
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  log("L0", s(arguments.length), arguments[0]);
}
