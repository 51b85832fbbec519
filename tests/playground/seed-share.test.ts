// Seeds replay runs; Share makes a link that restores the program and the seed; Domains gives
// call and parallel their Web Workers.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { consoleText, runProgram, setProgram, usePlayground } from "./support.js";

const pg = usePlayground();
test.after(() => pg.release());

// Ten children finish together; await_one picks among them by the run's seed, ten times.
const RACE = `import * as Miou from "miou";
await Miou.run(() => {
  const picks: number[] = [];
  for (let round = 0; round < 10; round++) {
    const ps = [1, 2, 3, 4, 5].map((i) => Miou.async(() => i));
    Miou.yield_();
    const r = Miou.await_one(ps);
    picks.push(r.ok ? r.value : 0);
    Miou.await_all(ps);
  }
  console.log(picks.join(" "));
  return picks;
});`;

test("a fresh seed each run; the same Seed replays the same run; a click on a seed line puts it in Seed", async () => {
  const page = await pg.open();
  await setProgram(page, RACE);
  const seen = new Set<string>();
  const seeds = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const out = await runProgram(page);
    seen.add(out.split("\n")[0]!);
    seeds.add(/seed: (\S+)$/.exec(out)![1]!);
  }
  assert.is(seeds.size, 4, "a fresh seed each time");
  assert.ok(seen.size > 1, `different seeds, different picks: ${[...seen].join(" | ")}`);
  await page.raw.getByRole("region", { name: "Console" }).getByText(/^seed:/).click();
  const seed = await page.raw.getByRole("textbox", { name: "Seed" }).inputValue();
  assert.ok(seeds.has(seed), seed);
  const first = await runProgram(page);
  const second = await runProgram(page);
  assert.is(second, first);
  assert.match(first, new RegExp(`seed: ${seed}$`));
  await page.close();
});

test("Share puts the program and the seed in the address; opening it restores both", async () => {
  const page = await pg.open();
  const program = `// shared ${"+&=#".repeat(3)} é\nimport * as Miou from "miou";\nawait Miou.run(() => Miou.seed());`;
  await setProgram(page, program);
  await page.raw.getByRole("textbox", { name: "Seed" }).fill("my seed/1");
  const historyBefore = await page.raw.evaluate("history.length");
  await page.raw.getByRole("button", { name: "Share" }).click();
  await page.raw.waitForFunction("location.hash.includes('code=')");
  const url = page.raw.url();
  assert.is(await page.raw.evaluate("history.length"), historyBefore, "replaceState: no new history entry");
  assert.match(url, /#seed=my%20seed%2F1&code=/);
  assert.ok(url.length < 400, `compressed: ${url.length} characters`);
  const other = await pg.open(url.slice(url.indexOf("#")));
  assert.is(await other.raw.evaluate("playground.program()"), program);
  assert.is(await other.raw.getByRole("textbox", { name: "Seed" }).inputValue(), "my seed/1");
  assert.is(await other.raw.getByRole("combobox", { name: "Examples" }).inputValue(), "", "a linked program names no example");
  assert.is(await runProgram(other), 'result: "my seed/1"\nseed: my seed/1');
  await other.close();
  await page.close();
});

test("typing updates the address without adding history entries", async () => {
  const page = await pg.open();
  const before = await page.raw.evaluate("history.length");
  await page.raw.getByRole("textbox", { name: "Program" }).click();
  await page.raw.keyboard.press("Control+End");
  await page.raw.keyboard.type("\n// edited");
  await page.raw.waitForFunction("location.hash.includes('code=')");
  await page.raw.waitForFunction("playground.program().endsWith('// edited')");
  const restored = await pg.open(page.raw.url().slice(page.raw.url().indexOf("#")));
  await restored.raw.waitForFunction("playground.program().endsWith('// edited')");
  assert.is(await page.raw.evaluate("history.length"), before);
  await restored.close();
  await page.close();
});

test("a program in generator style (miou/gen) runs with the page's seed too; Ctrl+Enter runs from outside the editor", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou/gen";\nawait Miou.run(function* () {\n  yield* Miou.yield_();\n  return Miou.seed();\n});`);
  const seed = page.raw.getByRole("textbox", { name: "Seed" });
  await seed.fill("gen-seed");
  const before = Number(await page.raw.locator("body").getAttribute("data-runs"));
  await seed.press("Control+Enter");
  await page.raw.waitForFunction(`Number(document.body.dataset.runs) > ${before}`);
  assert.is(await consoleText(page), 'result: "gen-seed"\nseed: gen-seed');
  await page.close();
});

test("parallel with Domains 2 runs on two Web Workers", async () => {
  const page = await pg.open();
  await setProgram(
    page,
    `import * as Miou from "miou";
await Miou.run(() => {
  const rs = Miou.parallel((i: number) => [i, Miou.Domain.self(), (globalThis as { name?: string }).name], [0, 1, 2, 3]);
  return rs.map((r) => (r.ok ? r.value : String(r.error)));
});`,
  );
  await page.raw.getByRole("spinbutton", { name: "Domains" }).fill("2");
  const out = await runProgram(page);
  assert.match(out, /^result: \[\[0,1,"miou domain 1"\],\[1,2,"miou domain 2"\],\[2,1,"miou domain 1"\],\[3,2,"miou domain 2"\]\]\n/, out);
  // Two domain workers loaded, by the one run's worker.
  assert.is(page.requests.filter((u) => u.endsWith("/runtime/worker.js")).length, 2, page.requests.join("\n"));
  await page.raw.getByRole("spinbutton", { name: "Domains" }).fill("0");
  assert.match(await runProgram(page), /^error: Miou\.No_domain_available/, await consoleText(page));
  await page.close();
});

test.run();
