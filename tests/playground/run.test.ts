// The playground runs a program: typed with the keyboard, compiled in the compiler's worker by
// the compile API, run in a fresh Web Worker; its console streams, its outcome and seed end it;
// an endless program is stopped by the time limit or by Stop while the page still answers.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { consoleText, runProgram, setProgram, usePlayground } from "./support.js";

const pg = usePlayground();
test.after(() => pg.release());

test("a program typed with the keyboard runs with Ctrl+Enter: its console, result and seed; the JavaScript and Facts panels show its compiled form", async () => {
  const page = await pg.open();
  const editor = page.raw.getByRole("textbox", { name: "Program" });
  await editor.click();
  await page.raw.keyboard.press("Control+A");
  await page.raw.keyboard.press("Delete");
  await page.raw.keyboard.type('import * as Miou from "miou";\n');
  // The editor closes brackets as they open: the cursor steps over the closing one.
  await page.raw.keyboard.type("function six(): number {\nMiou.yield_();\nreturn 6;");
  await page.raw.keyboard.press("ArrowDown");
  await page.raw.keyboard.press("End");
  await page.raw.keyboard.press("Enter");
  await page.raw.keyboard.type('const v = await Miou.run(() => Miou.await_exn(Miou.async(() => six() * 7)));\nconsole.log("typed", v);');
  const out = await runProgram(page, "keys");
  const lines = out.split("\n");
  assert.equal(lines.slice(0, 2), ["typed 42", "result: 42"], out);
  assert.match(lines[2]!, /^seed: \S+$/);
  assert.match(await page.raw.getByRole("status").innerText(), /^done in \d+ ms$/);
  await page.raw.getByRole("tab", { name: "JavaScript" }).click();
  const js = await page.raw.getByRole("tabpanel", { name: "JavaScript" }).innerText();
  assert.match(js, /function\* six\(\)/, "six became a generator");
  assert.match(js, /from "miou"/, "the JavaScript shows the import the program wrote");
  await page.raw.getByRole("tab", { name: "Facts" }).click();
  const facts = await page.raw.getByRole("tabpanel", { name: "Facts" }).innerText();
  assert.match(facts, /six, at main\.ts:2:\d+, suspends:\n\s+six calls ⏸ Miou.yield_ at main\.ts:3:\d+/, facts);
  assert.equal(page.problems, [], "the page reported no error");
  await page.close();
});

test("console lines stream while the program runs, before its outcome", async () => {
  const page = await pg.open();
  // The program logs, then waits on a promise only the page's check can release (a timer loop):
  // the first line must be visible while the run is still going.
  await setProgram(
    page,
    `import * as Miou from "miou";
     console.log("first");
     await new Promise<void>((resolve) => { const tick = () => (globalThis as any).go ? resolve() : setTimeout(tick, 5); setTimeout(tick, 5); });
     console.log("never, unless released");`,
  );
  await page.raw.getByRole("button", { name: "Run", exact: true }).click();
  await page.raw.getByRole("region", { name: "Console" }).getByText("first").waitFor();
  assert.not.match(await consoleText(page), /seed:/, "still running");
  await page.raw.getByRole("button", { name: "Stop" }).click();
  await page.raw.getByRole("region", { name: "Console" }).getByText(/^seed:/).waitFor();
  assert.match(await consoleText(page), /^first\nerror: stopped: by the Stop button\nseed: \S+$/);
  await page.close();
});

test("an error ends the output with its name, message and the program's lines of its logical stack", async () => {
  const page = await pg.open();
  await setProgram(
    page,
    `import * as Miou from "miou";
function inner(): number {
  Miou.yield_();
  throw new RangeError("too far");
}
function outer(): number {
  return inner() + 1;
}
await Miou.run(() => outer());`,
  );
  const out = await runProgram(page);
  const lines = out.split("\n");
  assert.is(lines[0], "error: RangeError: too far", out);
  assert.ok(lines.some((l) => /inner.*main\.ts:4:/.test(l)), out);
  assert.ok(lines.some((l) => /outer.*main\.ts:7:/.test(l)), out);
  assert.match(lines.at(-1)!, /^seed: \S+$/);
  await page.close();
});

test("an endless loop with no scheduling point is stopped by Stop, and the page answers clicks meanwhile", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou";\nawait Miou.run(() => { for (;;) {} });`);
  await page.raw.getByRole("button", { name: "Run", exact: true }).click();
  await page.raw.getByRole("button", { name: "Stop" }).waitFor({ state: "visible" });
  await page.raw.waitForFunction('!document.getElementById("stop").disabled');
  // The page's thread is free: a tab switch happens while the program spins.
  await page.raw.getByRole("tab", { name: "Facts" }).click();
  assert.is(await page.raw.getByRole("tab", { name: "Facts" }).getAttribute("aria-selected"), "true");
  assert.not.match(await consoleText(page), /seed:/, "still running");
  await page.raw.getByRole("button", { name: "Stop" }).click();
  await page.raw.getByRole("region", { name: "Console" }).getByText(/^seed:/).waitFor();
  assert.match(await consoleText(page), /^error: stopped: by the Stop button\nseed: \S+$/);
  // The next run works: a fresh worker.
  await setProgram(page, `import * as Miou from "miou";\nawait Miou.run(() => 1);`);
  assert.match(await runProgram(page), /^result: 1\n/);
  await page.close();
});

test("an endless loop is stopped by the time limit, and the page answers clicks meanwhile", async () => {
  const page = await pg.open();
  await setProgram(page, `let n = 0;\nfor (;;) n++;`);
  await page.raw.getByRole("button", { name: "Run", exact: true }).click();
  await page.raw.waitForFunction('!document.getElementById("stop").disabled');
  await page.raw.getByRole("tab", { name: "Tasks" }).click();
  assert.is(await page.raw.getByRole("tab", { name: "Tasks" }).getAttribute("aria-selected"), "true");
  await page.raw.getByRole("region", { name: "Console" }).getByText(/^seed:/).waitFor({ timeout: 20_000 });
  assert.match(await consoleText(page), /^error: stopped: the program ran for more than 5 s \(the time limit\)\nseed: \S+$/);
  await page.close();
});

test("a program that does not compile shows its problems and does not run", async () => {
  const page = await pg.open();
  await setProgram(page, `const x: number = "text";\nconsole.log("ran");`);
  const out = await runProgram(page);
  assert.match(out, /^main\.ts:1:7: TS2322: Type 'string' is not assignable to type 'number'\.\nerror: the program does not compile \(1 problem, see Problems\)$/);
  await page.close();
});

test.run();
