import * as Miou from "miou";

// A recursion 100,000 deep that suspends at every level: frames live on the task's own stack.
function depth(n: number): number {
  if (n === 0) return 0;
  Miou.yield_();
  return 1 + depth(n - 1);
}

Miou.run(() => depth(100_000)).then(console.log);
