// Every bundled example runs in the playground to the outcome its header documents.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { readExamples } from "../../playground/build/examples.js";
import { runProgram, usePlayground } from "./support.js";

const pg = usePlayground();
test.after(() => pg.release());

const examples = readExamples(join(import.meta.dirname, "..", "..", "playground", "examples"));

test("the list covers the documented topics", () => {
  const ids = examples.map((e) => e.id);
  for (const id of ["hello", "forgotten-child", "await-sibling", "failing-parent", "cancel", "await-first", "orphans", "ownership", "bounded-buffer", "sleepers", "parallel", "logical-stack"])
    assert.ok(ids.includes(id), `${id} in ${ids.join(", ")}`);
});

test("each example, picked in Examples, runs to its documented outcome", async () => {
  const page = await pg.open();
  const select = page.raw.getByRole("combobox", { name: "Examples" });
  for (const e of examples) {
    await select.selectOption(e.id);
    const out = await runProgram(page);
    const lines = out.split("\n");
    const pattern = /^\/(.*)\/$/.exec(e.expect);
    const ok = pattern !== null ? lines.some((l) => new RegExp(pattern[1]!).test(l)) : lines.includes(e.expect);
    assert.ok(ok, `${e.id}: expected ${e.expect}, got:\n${out}`);
    assert.match(lines.at(-1)!, /^seed: \S+$/, e.id);
  }
  assert.equal(page.problems, []);
  await page.close();
});

test("the logical stack example names each function between the throw and the run, at its line", async () => {
  const page = await pg.open();
  await page.raw.getByRole("combobox", { name: "Examples" }).selectOption("logical-stack");
  const out = await runProgram(page);
  assert.match(out, /error: SyntaxError: not a number: "three"\n\s+at parse \(main\.ts:9:\d+\)\n\s+at total \(main\.ts:15:\d+\)\n\s+at <arrow at 20:26> \(main\.ts:20:\d+\)\nseed: /, out);
  await page.close();
});

test.run();
