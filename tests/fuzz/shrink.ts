/**
 * Shrinking a failing program: fast-check's shrink stream of the program arbitrary, walked
 * greedily (the first smaller candidate that still fails the same way replaces the program), with
 * candidates checked in batches so that one compile serves many of them.
 */
import { ProgramArbitrary } from "./arbitrary.js";
import { check, type Outcome, type Target } from "./runner.js";
import type { Node } from "./tree.js";

export interface Shrunk {
  tree: Node;
  outcome: Outcome;
  /** How many candidates were checked. */
  tried: number;
}

/** The program shrunk while it keeps failing with `outcome.kind`, within `batches` compiles. */
export async function shrink(tree: Node, outcome: Outcome, target: Target, batches = 60, batchSize = 16): Promise<Shrunk> {
  const arbitrary = new ProgramArbitrary(target);
  let current = { tree, outcome };
  let tried = 0;
  for (let compiles = 0; compiles < batches; ) {
    const candidates = arbitrary.shrink(current.tree)[Symbol.iterator]();
    let smaller: typeof current | undefined;
    while (smaller === undefined && compiles < batches) {
      const batch: Node[] = [];
      while (batch.length < batchSize) {
        const r = candidates.next();
        if (r.done === true) break;
        batch.push(r.value.value);
      }
      if (batch.length === 0) break;
      compiles += 1;
      tried += batch.length;
      const outcomes = await check(batch, target);
      const j = outcomes.findIndex((o) => o.kind === outcome.kind);
      if (j >= 0) smaller = { tree: batch[j]!, outcome: outcomes[j]! };
    }
    if (smaller === undefined) break;
    current = smaller;
  }
  return { ...current, tried };
}
