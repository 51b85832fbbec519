// Cancelling many waiters is linear: 10,000 against 40,000 (soak: 40,000 against 160,000)
// waiters on a Mutex, a Condition and a Lazy, counted in wait-list links touched and in task
// turns, never in wall time (see _cancel-cost.ts). Cancelling a group of busy tasks through
// their common parent is linear in turns too; cancelling them one by one is not (README).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SOAK, figure, size } from "./soak.js";

const script = join(import.meta.dirname, "_cancel-cost.ts");

function cost(scenario: string, n: number): { links: number; steps: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, scenario, String(n)], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`_cancel-cost.ts ${scenario} ${n} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { links: number; steps: number };
}

/** Four times the waiters must cost at most five times the work (quadratic would be sixteen). */
function linear(scenario: string, small: number): void {
  const a = cost(scenario, small);
  const b = cost(scenario, small * 4);
  const per = (c: { links: number; steps: number }, n: number) => `${(c.links / n).toFixed(2)} links + ${(c.steps / n).toFixed(2)} turns per task`;
  figure(`cancel ${scenario}: ${small} -> ${per(a, small)}; ${small * 4} -> ${per(b, small * 4)}`);
  assert.ok(b.links <= 5 * Math.max(a.links, 1), `${scenario}: wait-list links ${a.links} for ${small} waiters, ${b.links} for ${small * 4}`);
  assert.ok(b.steps <= 5 * Math.max(a.steps, 1), `${scenario}: turns ${a.steps} for ${small} waiters, ${b.steps} for ${small * 4}`);
  if (scenario !== "busy-group") assert.ok(a.links >= small, `${scenario}: the waiters did not wait (${a.links} links for ${small})`);
}

for (const scenario of ["mutex", "condition", "lazy"]) {
  test(`cancelling waiters on a ${scenario} one by one is linear`, () => linear(scenario, size(10_000, 40_000)));
}

test("cancelling busy tasks through their common parent is linear in turns", () => linear("busy-group", size(10_000, 40_000)));

if (SOAK) {
  // Documented, not a bound: each `cancel` is a scheduling point, where every busy sibling takes a turn.
  test("cancelling busy siblings one by one (figure only)", () => {
    const n = 2_000;
    const c = cost("busy-one-by-one", n);
    figure(`cancel busy-one-by-one: ${n} busy siblings -> ${c.steps.toLocaleString("en")} turns (${(c.steps / n).toFixed(0)} per task)`);
  });
}

test.run();
