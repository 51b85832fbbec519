/**
 * A small tour of miou in generator style, for the terminal: `npx tsx examples/showcase.ts [SEED]`.
 * Every rule shown here is enforced by the runtime: try breaking one.
 */
import * as Miou from "miou/gen";

function* fib(n: number): Generator<unknown, number, unknown> {
  if (n < 2) return n;
  yield* Miou.yield_(); // a scheduling point: other tasks get a turn
  return (yield* fib(n - 1)) + (yield* fib(n - 2));
}

const seed = process.argv[2];
const result = await Miou.run(
  function* () {
    console.log(`run seed: ${Miou.seed()}`);
    // Two children race; the loser is cancelled and its finally block runs.
    const slow = yield* Miou.async(function* () {
      try {
        for (;;) yield* Miou.yield_();
      } finally {
        console.log("slow: cancelled, cleaning up");
      }
    });
    const fast = yield* Miou.async(() => fib(12));
    const first = yield* Miou.await_first([slow, fast]);
    console.log("await_first:", first);

    // Randomised choice among finished children: change the seed, change the winner.
    const a = yield* Miou.async(() => "a");
    const b = yield* Miou.async(() => "b");
    const one = yield* Miou.await_one([a, b]);
    yield* Miou.await_all([a, b]);
    console.log("await_one picked:", one.ok && one.value);

    // Rule 2: only the parent may await a child.
    const sibling = yield* Miou.async(() => 1);
    const nosy = yield* Miou.async(function* () {
      return yield* Miou.await_exn(sibling);
    });
    const r = yield* Miou.await_(nosy);
    yield* Miou.await_(sibling);
    console.log("awaiting a sibling:", r.ok ? r.value : (r.error as Error).name);
    return "done";
  },
  seed === undefined ? {} : { seed },
);
console.log(result);
