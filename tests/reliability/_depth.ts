// The deepest generator-style `yield*` recursion that runs (a suspension at the bottom):
//   node --import tsx tests/reliability/_depth.ts
import * as Miou from "miou/gen";

function* down(n: number): Generator<unknown, number, unknown> {
  if (n === 0) {
    yield* Miou.yield_();
    return 0;
  }
  return (yield* down(n - 1)) + 1;
}

async function works(n: number): Promise<boolean> {
  try {
    return (await Miou.run(() => down(n))) === n;
  } catch {
    return false;
  }
}

let lo = 1;
let hi = 1 << 20;
while (lo + 1 < hi) {
  const mid = (lo + hi) >>> 1;
  if (await works(mid)) lo = mid;
  else hi = mid;
}
console.log(JSON.stringify({ deepest: lo }));
