// The editor's language service, in the compiler's worker: diagnostics (TypeScript's and MIOU's)
// as squiggles and in Problems, completions from miou's declarations, hover types.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { setProgram, usePlayground } from "./support.js";

const pg = usePlayground();
test.after(() => pg.release());

test("a MIOU1002 misuse shows in Problems with its line and as a squiggle; clicking it moves the cursor there", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou";\n\nasync function tick(): Promise<void> {\n  Miou.yield_();\n}\nvoid tick;`);
  await page.raw.getByRole("tab", { name: /^Problems/ }).click();
  const problems = page.raw.getByRole("tabpanel", { name: "Problems" });
  const item = problems.getByRole("listitem").filter({ hasText: "MIOU1002" });
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /MIOU1002\s*main\.ts:4:3 .*async/);
  const squiggle = page.raw.locator(".cm-content .cm-lintRange-error");
  await squiggle.first().waitFor();
  assert.is(await squiggle.first().innerText(), "Miou.yield_()");
  await item.click();
  assert.equal(await page.raw.evaluate("playground.cursor()"), { line: 4, column: 3 });
  // Fixed, the problem goes away as the user types.
  await setProgram(page, `import * as Miou from "miou";\n\nfunction tick(): void {\n  Miou.yield_();\n}\nvoid tick;`);
  await problems.getByRole("listitem").first().waitFor({ state: "detached", timeout: 30_000 });
  assert.is(await squiggle.count(), 0);
  await page.close();
});

test("a type error is a squiggle and a problem too", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou";\nconst n: string = Miou.await_exn;\nvoid n;`);
  await page.raw.getByRole("tab", { name: /^Problems/ }).click();
  const item = page.raw.getByRole("tabpanel", { name: "Problems" }).getByRole("listitem").filter({ hasText: "TS2322" });
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /main\.ts:2:7/);
  await page.close();
});

test("typing after Miou. offers miou's functions; hovering shows a type", async () => {
  const page = await pg.open();
  await setProgram(page, `import * as Miou from "miou";\n`);
  await page.raw.getByRole("textbox", { name: "Program" }).click();
  await page.raw.keyboard.press("Control+End");
  await page.raw.keyboard.type("Miou.await_");
  const options = page.raw.locator(".cm-tooltip-autocomplete li");
  await options.first().waitFor({ timeout: 30_000 });
  const labels = await options.allInnerTexts();
  for (const name of ["await_", "await_all", "await_exn", "await_first", "await_one"]) assert.ok(labels.some((l) => l.startsWith(name)), labels.join(", "));
  // The highlighted option's signature shows beside the list.
  await page.raw.locator(".cm-completionInfo .cm-hover-type").waitFor({ timeout: 30_000 });
  assert.match(await page.raw.locator(".cm-completionInfo").innerText(), /await_/);
  await page.raw.keyboard.press("Escape");
  await setProgram(page, `import * as Miou from "miou";\nconst seedOfRun = Miou.seed;\nvoid seedOfRun;`);
  await page.raw.locator(".cm-content").getByText("seedOfRun").first().hover();
  const tip = page.raw.locator(".cm-hover-type");
  await tip.waitFor({ timeout: 30_000 });
  assert.match(await tip.innerText(), /const seedOfRun: .*=> string/);
  await page.close();
});

test.run();
