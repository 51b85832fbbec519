// `xs?.map(f)[0] ?? 0` with a suspending `f`, at ES5: TypeScript's own lowering of the optional
// chain crashes on the rewritten call ("Debug Failure. Invalid cast ... isOptionalChain"), so the
// program does not compile at all.
// expected:
//   "L0" 1
//   "returned"
import { log, s } from "./_harness.js";

function f(y: number): number { return s(y); }

export function main(): void {
  const xs: number[] | undefined = [1];
  log("L0", xs?.map(f)[0] ?? 0);
}
