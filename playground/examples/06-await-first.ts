// Title: await_first: 1 or 2, by seed
// Expect: /^result: (1|2)$/
// Two children finish together; await_first picks one at random and cancels
// the other. The choice comes from the run's seed: run it a few times, then
// put a seed in Seed to replay one, or press Explore to see both outcomes
// with their seeds.
import * as Miou from "miou";

await Miou.run(() => {
  const a = Miou.async(() => 1);
  const b = Miou.async(() => 2);
  const first = Miou.await_first([a, b]); // a Result: { ok, value }
  return first.ok ? first.value : "failed";
});
