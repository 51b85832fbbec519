// The heap stays flat (within 1 MB after collection) over many spawn/await, spawn/cancel and
// cancelled suspensions, each measured in its own process with --expose-gc (see _heap.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { figure, size } from "./soak.js";

const BOUND = 1 << 20;
const script = join(import.meta.dirname, "_heap.ts");

function measure(scenario: string, count: number): { growth: number; before: number; after: number } {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", script, scenario, String(count)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`_heap.ts ${scenario} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { growth: number; before: number; after: number };
}

const scenarios = [
  "spawn-await",
  "spawn-cancel",
  "cancelled-suspend",
  "cancelled-sleep",
  "cancelled-await-promise",
  "cancelled-accept",
  "cancelled-read",
];

for (const scenario of scenarios) {
  test(`${scenario}: the heap after collection stays within 1 MB`, () => {
    const count = size(150_000, 2_000_000);
    const m = measure(scenario, count);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    figure(`heap ${scenario} x ${count.toLocaleString("en")}: ${kb(m.before)} -> ${kb(m.after)} (growth ${kb(m.growth)})`);
    assert.ok(m.growth < BOUND, `${scenario}: the heap grew by ${m.growth} bytes over ${count} iterations`);
  });
}

test.run();
