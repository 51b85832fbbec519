// The differential fuzzer's fixed budget: generated direct-style programs, each run with `s`
// suspending (compiled by the transformer, run in Miou.run) and with `s` plain (compiled by plain
// TypeScript), must print the same, at ES2022 and at ES5. A failure shows the program shrunk
// and the seed that replays it (`npm run fuzz -- --seed S --runs 1 --target T`).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fuzz } from "./campaign.js";
import { shrink } from "./shrink.js";
import { failureReport } from "./report.js";
import { check, type Target } from "./runner.js";
import { ex, block, st, xx } from "./tree.js";

const seeds: Record<Target, number> = { es2022: 20261203, es5: 20261203 };
const budget: Record<Target, number> = { es2022: 120, es5: 80 };

for (const target of ["es2022", "es5"] as const) {
  test(`${budget[target]} generated programs print the same with and without suspension at ${target}`, async () => {
    const runs = budget[target];
    const { tally, failures } = await fuzz({ seed: seeds[target], runs, targets: [target], stopAfter: 1 });
    if (failures.length > 0) {
      const f = failures[0]!;
      const shrunk = f.outcome.kind === "invalid" ? { tree: f.tree, outcome: f.outcome } : await shrink(f.tree, f.outcome, target, 25);
      assert.unreachable(`\n${failureReport(f.seed, target, shrunk.tree, shrunk.outcome, f.tree)}\n`);
    }
    // Coverage: the generator mostly avoids the forms the transformer rejects.
    assert.ok(tally.same >= runs * 0.9, `only ${tally.same} of ${runs} programs ran (${tally.rejected} rejected)`);
  });
}

// The comparison can fail: a program that prints the source of `s` sees the compiled generator
// (with its `yield`) in the direct version only, whatever the transformer's bugs.
const throughAny = block([
  st`function one(): number { return s(1); }`,
  st`function main(): void { log("L0", (s + "").includes("yield"), one(), ${ex`s(2)`}); }`,
]);

test("a silent difference is reported, with both traces", async () => {
  const [outcome] = await check([throughAny], "es2022");
  assert.is(outcome!.kind, "differ");
  if (outcome!.kind !== "differ") return;
  assert.equal(outcome.plain, ['"L0" false 1 2', '"returned"']);
  assert.equal(outcome.direct, ['"L0" true 1 2', '"returned"']);
});

test("the shrinker keeps the failure and drops what does not matter", async () => {
  const padded = block([
    ...(throughAny.p as ReturnType<typeof st>[]).slice(0, 1),
    st`function main(): void {${block([st`log("L1", ${ex`(${ex`s(3)`} + ${ex`s(4)`})`});`, st`log("L0", one(), (s + "").includes("yield"));`])}}`,
  ]);
  const [outcome] = await check([padded], "es2022");
  const shrunk = await shrink(padded, outcome!, "es2022", 10, 8);
  assert.is(shrunk.outcome.kind, "differ");
  const text = JSON.stringify(shrunk.tree);
  assert.not.ok(text.includes("L1"), "the unrelated log is gone");
  assert.ok(text.includes("(s + "), "what makes the difference stays");
});

// TypeScript's ES5 lowering moves a default into the body, where its closure sees the body's
// `var z0` (100); JavaScript reads the module's `z0` (150), and so does the transformer's ES5
// output when the body, using `arguments`, moves into a function of its own.
test("at ES5, where TypeScript's own lowering departs from JavaScript, JavaScript's meaning is the answer", async () => {
  const shadowed = block([
    st`const z0 = 5;`,
    st`function pd(a: number, g: F = (y: number) => y * z0): number { var z0: number = s(arguments.length - 1); return a * 100 + g(a) * 10 + z0; }`,
    st`function main(): void { log("L0", pd(1)); }`,
  ]);
  const [outcome] = await check([shadowed], "es5");
  assert.equal(outcome, { kind: "same", trace: ['"L0" 150', '"returned"'] });
});

test("a program the transformer rejects with a documented diagnostic counts as rejected", async () => {
  const [outcome] = await check([block([st`function main(): void { setTimeout(${xx`() => s(1)`}, 0); }`])], "es2022");
  assert.equal(outcome, { kind: "rejected", codes: ["MIOU1003"] });
});

test.run();
