import * as Miou from "miou";
import { Counter, isEven, sumOf } from "./_shared.js";

export function isOdd(n: number): boolean {
  return n === 0 ? false : isEven(n - 1);
}

function slowSquare(x: number): number {
  Miou.yield_();
  return x * x;
}

Miou.run(() => {
  const c = new Counter();
  c.add(2);
  return [isEven(10), isOdd(7), sumOf(slowSquare, [1, 2, 3]), sumOf((x) => x, [1, 2]), c.add(3)].join(" ");
}).then(console.log);
