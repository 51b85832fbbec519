// examples/vite-app built by the real Vite with miou/vite (its own vite.config.ts), served and
// driven in headless Chromium: its tasks fetch and show the items, its cancel button cancels the
// task tree (every child runs its finally), and its parallel runs on two Web Workers.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { build, createServer } from "vite";
import { browser, type Page } from "./harness.js";

const root = join(import.meta.dirname, "..", "..");
const app = join(root, "examples", "vite-app");
const out = join(root, ".cache", "vite-app");
const chromium = browser();
test.after(() => chromium.close());

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

let page: Page;

test("the example type-checks with its own tsconfig.json, and Vite builds it", async () => {
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(app, "tsconfig.json")], { encoding: "utf8" });
  await build({ root: app, configFile: join(app, "vite.config.ts"), logLevel: "silent", build: { outDir: out, emptyOutDir: true } });
  const server = await chromium.server();
  for (const file of files(out)) server.add(`/app/${relative(out, file)}`, readFileSync(file));
  server.add("/app/", readFileSync(join(out, "index.html")));
  page = await chromium.page("/app/");
});

const text = (selector: string) => page.raw.locator(selector).innerText();
const until = (expression: string) => page.raw.waitForFunction(expression, undefined, { timeout: 30_000 });

test("Load: one task per item fetches it, the parent gathers them", async () => {
  await page.raw.click("#load");
  await until(`document.getElementById("status").textContent !== "loading"`);
  assert.is(await text("#status"), "loaded item 1, item 2, item 3");
  assert.equal(await page.raw.locator("#items li").allInnerTexts(), ["1: item 1", "2: item 2", "3: item 3"]);
  assert.equal(page.problems, []);
});

test("Cancel: the task tree is cancelled, each child's finally runs", async () => {
  // Both clicks in one turn of the page: the items wait 150 ms or more after their fetch.
  await page.evaluate(`document.getElementById("load").click(), document.getElementById("cancel").click()`);
  await until(`document.getElementById("status").textContent !== "loading"`);
  assert.is(await text("#status"), "cancelled");
  assert.equal(await page.raw.locator("#items li").allInnerTexts(), ["1: cancelled", "2: cancelled", "3: cancelled"]);
  assert.ok(await page.raw.locator("#load").isEnabled(), "Load can start again");
  assert.equal(page.problems, []);
});

test("Compute: parallel runs on two Web Worker domains", async () => {
  await page.raw.click("#fib");
  await until(`document.getElementById("workers").textContent !== ""`);
  assert.is(await text("#workers"), "2 Web Workers");
  const lines = await page.raw.locator("#fibs li").allInnerTexts();
  assert.equal(lines.map((l) => l.replace(/ on domain \d$/, "")), ["fib(27) = 196418", "fib(28) = 317811", "fib(29) = 514229", "fib(30) = 832040"]);
  assert.equal(new Set(lines.map((l) => l.slice(-1))), new Set(["1", "2"]));
  assert.is(page.raw.workers().length, 2, "two Web Workers");
  await page.raw.screenshot({ path: join(root, ".cache", "vite-app.png") });
  assert.equal(page.problems, []);
});

test("the dev server serves the same app: tasks load, parallel runs on two Web Workers", async () => {
  // Vite's own server, on a free port of the loopback, with the example's config and headers.
  const server = await createServer({ root: app, configFile: join(app, "vite.config.ts"), logLevel: "silent", server: { host: "127.0.0.1", port: 0, strictPort: false } });
  await server.listen();
  try {
    const dev = await chromium.page();
    const problems = dev.problems.length;
    await dev.raw.goto(server.resolvedUrls!.local[0]!);
    await dev.raw.click("#load");
    await dev.raw.waitForFunction(`document.getElementById("status").textContent.startsWith("loaded")`, undefined, { timeout: 60_000 });
    await dev.raw.click("#fib");
    await dev.raw.waitForFunction(`document.getElementById("workers").textContent !== ""`, undefined, { timeout: 60_000 });
    assert.is(await dev.raw.locator("#workers").innerText(), "2 Web Workers");
    assert.equal(dev.problems.slice(problems), []);
    await dev.close();
  } finally {
    await server.close();
  }
});

test.run();
