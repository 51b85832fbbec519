// A tagged template whose tag function suspends: the tag's generator object comes back instead
// of its result.
// expected:
//   "L0" 21
//   "returned"
import { log, s } from "./_harness.js";

function tag(strs: TemplateStringsArray, ...vs: number[]): number { return strs.length * 10 + s(vs[0]!); }

export function main(): void {
  log("L0", tag`a${1}b`);
}
