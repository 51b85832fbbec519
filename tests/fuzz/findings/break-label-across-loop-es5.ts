// At ES5, in a suspending function, a `break L` out of a loop or `switch` inside a labelled block
// `L: { ... }`: TypeScript's lowering of generators took the loop for `L`'s own, so the `break`
// left the loop only and the rest of the block ran ("no"), or, from a `switch` whose clauses do
// not suspend, left a `break L` to a label the lowering had removed (a SyntaxError on loading).
// expected:
//   "L0" 1
//   "L1" 2
//   "L2" 3
//   "L3" 4
//   "returned"
import { log, s } from "./_harness.js";

export function main(): void {
  L0: {
    for (const x of [1, 2]) {
      if (s(x) > 0) break L0;
    }
    log("no", 0);
  }
  log("L0", 1);
  L1: {
    switch (s(1)) {
      default:
        if (s(5) > 3) break L1;
    }
    log("no", 1);
  }
  log("L1", 2);
  L2: {
    switch (s(1)) {
      default:
        if (5 > 3) break L2;
    }
    log("no", 2);
  }
  log("L2", 3);
  L3: {
    M: for (let i = 0; i < 2; i++) {
      if (s(i) === 0) continue M;
      break L3;
    }
    log("no", 3);
  }
  log("L3", 4);
}
