import * as Miou from "miou";
import { isOdd } from "./modules.js";

// Used by modules.ts: mutual recursion across the two modules, a higher-order function whose
// suspending twin is imported, and a class whose method suspends.
export function isEven(n: number): boolean {
  Miou.yield_();
  return n === 0 ? true : isOdd(n - 1);
}

export function sumOf(f: (x: number) => number, xs: number[]): number {
  let total = 0;
  for (const x of xs) total += f(x);
  return total;
}

export class Counter {
  count = 0;
  add(n: number): number {
    Miou.yield_();
    return (this.count += n);
  }
}
