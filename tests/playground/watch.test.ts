// Watching a run: the Timeline draws one row per task and a mark per trace event, the Tasks
// panel shows the tree, the same seed draws the same picture, the trace exports for Perfetto,
// and Explore groups the outcomes of many seeds, each seed a button that replays its run.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { consoleText, runProgram, setProgram, usePlayground } from "./support.js";
import type { Page } from "../browser/harness.js";

const pg = usePlayground();
test.after(() => pg.release());

const spawner = (n: number) => `import * as Miou from "miou";
await Miou.run(() => {
  const children: Miou.Promise<number>[] = [];
  for (let i = 0; i < ${n}; i++)
    children.push(Miou.async(() => {
      if (i % 3 === 0) Miou.yield_();
      if (i % 7 === 6) throw new Error("child " + i);
      return i;
    }));
  const rs = Miou.await_all(children);
  return rs.filter((r) => r.ok).length;
});`;

async function timelineShape(page: Page): Promise<string> {
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  // The picture without its <title>s, which carry each event's time.
  return page.raw.getByRole("tabpanel", { name: "Timeline" }).locator("svg").evaluate((svg) => svg.outerHTML.replace(/<title>.*?<\/title>/g, ""));
}

test("a run with N tasks draws N rows, children under their parent, marks per event; the Tasks panel shows the tree", async () => {
  const page = await pg.open();
  await setProgram(page, spawner(30));
  const out = await runProgram(page);
  assert.match(out, /^result: 26\n/, out);
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  const svg = page.raw.getByRole("tabpanel", { name: "Timeline" }).locator("svg");
  const rows = svg.locator("g[data-task]");
  assert.is(await rows.count(), 31);
  const uids = await rows.evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-task"), g.getAttribute("data-parent"), g.getAttribute("data-outcome")]));
  const main = uids[0]!;
  assert.is(main[1], null, "the main task first, with no parent");
  assert.ok(uids.slice(1).every((u) => u[1] === main[0]), "every child under the main task");
  assert.is(uids.filter((u) => u[2] === "failed").length, 4);
  assert.is(await svg.locator('circle[data-kind="spawn"]').count(), 31);
  assert.is(await svg.locator('circle[data-kind="fail"]').count(), 4);
  assert.is(await svg.locator('circle[data-kind="resolve"]').count(), 27);
  // Hover: the details of a mark.
  await svg.locator('g[data-task] circle[data-kind="fail"]').first().hover();
  assert.match(await page.raw.locator(".timeline-bar .detail").innerText(), /^fail: task \d+ \(parent \d+\), domain 0, event \d+, [\d.]+ ms$/);
  await page.raw.getByRole("tab", { name: "Tasks" }).click();
  const tree = page.raw.getByRole("tree", { name: "Task tree" });
  assert.is(await tree.getByRole("treeitem").count(), 31);
  assert.match(await tree.getByRole("treeitem").first().locator("> .task").innerText(), /^task \d+, domain 0: resolved \(\d+ turns, 30 children\)$/);
  await page.close();
});

test("a thousand tasks: a thousand rows, in compact rows the panel scrolls", async () => {
  const page = await pg.open();
  await setProgram(page, spawner(999));
  await runProgram(page);
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  const svg = page.raw.getByRole("tabpanel", { name: "Timeline" }).locator("svg");
  assert.is(await svg.locator("g[data-task]").count(), 1000);
  const height = Number(await svg.getAttribute("height"));
  assert.ok(height <= 1000 * 9 + 24, `rows of at most 9 px: ${height}`);
  await page.close();
});

test("a run that spins until it is stopped keeps the first 20,000 events, and the Timeline says so", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou";\nawait Miou.run(() => {\n  for (let i = 0; ; i++) {\n    if (i === 30000) console.log("past");\n    Miou.yield_();\n  }\n});`);
  await page.raw.getByRole("button", { name: "Run", exact: true }).click();
  await page.raw.getByRole("region", { name: "Console" }).getByText("past").waitFor();
  await page.raw.getByRole("button", { name: "Stop" }).click();
  await page.raw.getByRole("region", { name: "Console" }).getByText(/^seed:/).waitFor();
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  const panel = page.raw.getByRole("tabpanel", { name: "Timeline" });
  assert.is(await panel.locator("svg").getAttribute("aria-label"), "Timeline of 1 task over 20000 events");
  assert.match(await panel.locator(".timeline-canvas").innerText(), /^The run made more than 20,000 events: here are the first ones\./);
  await page.close();
});

test("the same seed gives the same console and the same timeline, twice", async () => {
  const page = await pg.open();
  await setProgram(page, spawner(12).replace("return rs.filter", 'console.log(Miou.await_one([Miou.async(() => "x"), Miou.async(() => "y")]));\n  return rs.filter'));
  await page.raw.getByRole("textbox", { name: "Seed" }).fill("replay-me");
  const first = await runProgram(page);
  const picture = await timelineShape(page);
  const second = await runProgram(page);
  assert.is(second, first);
  assert.is(await timelineShape(page), picture);
  assert.match(picture, /data-task=/);
  await page.close();
});

test("the trace exports as Chrome trace JSON", async () => {
  const page = await pg.open();
  await setProgram(page, spawner(3));
  const seed = /seed: (\S+)$/.exec(await runProgram(page))![1]!;
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  const [download] = await Promise.all([page.raw.waitForEvent("download"), page.raw.getByRole("button", { name: "Export Chrome trace" }).click()]);
  assert.is(download.suggestedFilename(), `miou-trace-${seed}.json`);
  const trace = JSON.parse(readFileSync((await download.path())!, "utf8")) as { traceEvents: { name: string; ph: string }[] };
  const tasks = trace.traceEvents.filter((e) => e.ph === "X" && /^task \d+$/.test(e.name));
  assert.is(tasks.length, 4);
  await page.close();
});

test("Explore runs Runs seeds and groups the outcomes; a seed button replays its run", async () => {
  const page = await pg.open();
  await page.raw.getByRole("combobox", { name: "Examples" }).selectOption("await-first");
  await page.raw.getByRole("textbox", { name: "Seed" }).fill("ex");
  await page.raw.getByRole("spinbutton", { name: "Runs" }).fill("24");
  await page.raw.getByRole("button", { name: "Explore" }).click();
  const panel = page.raw.getByRole("tabpanel", { name: "Explored runs" });
  await panel.locator(".outcome").first().waitFor({ timeout: 60_000 });
  const keys = await panel.locator(".outcome .key").allInnerTexts();
  assert.is(keys.length, 2, keys.join(" | "));
  const counts = keys.map((k) => /^(\d+)× result: ([12])$/.exec(k));
  assert.ok(counts.every((m) => m !== null), keys.join(" | "));
  assert.is(counts.reduce((n, m) => n + Number(m![1]), 0), 24);
  const two = panel.locator('.outcome[data-outcome="result: 2"] button').first();
  const seed = await two.innerText();
  assert.match(seed, /^ex\/\d+$/);
  const before = Number(await page.raw.locator("body").getAttribute("data-runs"));
  await two.click();
  await page.raw.waitForFunction(`Number(document.body.dataset.runs) > ${before}`);
  assert.is(await consoleText(page), `result: 2\nseed: ${seed}`);
  await page.close();
});

test("a screenshot of the page after a run is saved under .cache/playground/ (the README's docs/playground.png is one)", async () => {
  const page = await pg.open();
  await page.raw.setViewportSize({ width: 1280, height: 760 });
  await page.raw.getByRole("combobox", { name: "Examples" }).selectOption("bounded-buffer");
  assert.match(await runProgram(page), /result: 15\n/);
  await page.raw.getByRole("tab", { name: "Timeline" }).click();
  const folder = join(import.meta.dirname, "..", "..", ".cache", "playground");
  mkdirSync(folder, { recursive: true });
  const png = await page.raw.screenshot({ path: join(folder, "after-run.png") });
  assert.equal([...png.subarray(1, 4)], [...Buffer.from("PNG")]);
  assert.equal(page.problems, []);
  await page.close();
});

test.run();
