/**
 * A fuzzing campaign: programs `seed`, `seed + 1`, ... generated, checked in batches at each
 * target, and tallied. A program's seed and target replay it (`programOf(seed, target)`).
 */
import { programOf } from "./arbitrary.js";
import { check, type Outcome, type Target } from "./runner.js";
import type { Node } from "./tree.js";

export interface Failure {
  seed: number;
  target: Target;
  tree: Node;
  outcome: Outcome;
}

export type Tally = Record<Outcome["kind"], number> & { checked: number; ms: number };

export interface Campaign {
  seed: number;
  runs: number;
  targets: Target[];
  /** Programs per compile. */
  batch?: number;
  /** Stop after this many failures (default: none). */
  stopAfter?: number;
  onBatch?: (tally: Tally, failures: Failure[]) => void;
}

/** "differ" and "crash" are the transformer's failures; "invalid" is the generator's. */
export const failed = (o: Outcome) => o.kind === "differ" || o.kind === "crash" || o.kind === "invalid";

export async function fuzz(c: Campaign): Promise<{ tally: Tally; failures: Failure[] }> {
  const tally: Tally = { same: 0, rejected: 0, invalid: 0, differ: 0, crash: 0, checked: 0, ms: 0 };
  const failures: Failure[] = [];
  const start = performance.now();
  const size = c.batch ?? 25;
  for (let first = 0; first < c.runs; first += size) {
    const seeds = Array.from({ length: Math.min(size, c.runs - first) }, (_, k) => (c.seed + first + k) | 0);
    for (const target of c.targets) {
      const trees = seeds.map((s) => programOf(s, target));
      const outcomes = await check(trees, target);
      outcomes.forEach((outcome, k) => {
        tally[outcome.kind] += 1;
        tally.checked += 1;
        if (failed(outcome)) failures.push({ seed: seeds[k]!, target, tree: trees[k]!, outcome });
      });
    }
    tally.ms = performance.now() - start;
    c.onBatch?.(tally, failures);
    if (c.stopAfter !== undefined && failures.length >= c.stopAfter) break;
  }
  return { tally, failures };
}
