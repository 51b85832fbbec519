/**
 * The generator as a fast-check arbitrary: fast-check's random source draws the program (so a
 * seed replays it) and its shrink stream is the tree shrinker of `tree.ts`. The shrinker needs
 * no context, so a program found in any way can be shrunk.
 */
import fc from "fast-check";
import { Rng } from "./context.js";
import { program } from "./program.js";
import { shrinkTree, size, type Node } from "./tree.js";
import type { Target } from "./runner.js";

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && "k" in v && "p" in v;

export class ProgramArbitrary extends fc.Arbitrary<Node> {
  /** ES5 programs read `arguments` only where TypeScript allows it at ES5. */
  constructor(private readonly target: Target = "es2022") {
    super();
  }
  generate(mrng: fc.Random): fc.Value<Node> {
    return new fc.Value(program(new Rng(mrng), this.target === "es5"), undefined);
  }
  canShrinkWithoutContext(value: unknown): value is Node {
    return isNode(value);
  }
  shrink(value: Node): fc.Stream<fc.Value<Node>> {
    const n = size(value);
    return fc.Stream.of<Node>()
      .join(shrinkTree(value))
      .filter((t) => size(t) < n)
      .map((t) => new fc.Value(t, undefined));
  }
}

/** The program of a seed and target: the same seed always gives the same program. */
export function programOf(seed: number, target: Target): Node {
  return fc.sample(new ProgramArbitrary(target), { seed, numRuns: 1 })[0]!;
}
