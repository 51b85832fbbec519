/**
 * The playground under test: built once into .cache/, served by its own server on a free port,
 * and one headless Chromium shared by every playground test file (each takes it with `use()` and
 * gives it back in its `test.after`; the last one closes it).
 *
 * ```ts
 * const pg = usePlayground();
 * test("…", async () => {
 *   const page = await pg.open();
 *   await pg.type(page, "…");
 *   const out = await pg.run(page);
 * });
 * test.after(() => pg.release());
 * ```
 */
import { join } from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { browser, type Browser, type Page } from "../browser/harness.js";
import { buildPlayground } from "../../playground/build/build.js";
import { staticSite } from "../../playground/static-server.js";

const root = join(import.meta.dirname, "..", "..");
export const SITE = join(root, ".cache", "playground-test", "site");

let users = 0;
// Nothing starts before a test asks: uvu imports every test file before it runs the first test, and
// a server listening early would be a handle other files' tests count.
let shared: { chromium: Browser; site?: Promise<{ server: Server; origin: string }> } | undefined;

async function startSite(): Promise<{ server: Server; origin: string }> {
  await buildPlayground({ outDir: SITE });
  const server = staticSite(SITE);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface Playground {
  /** The shared browser (and its harness server, which serves the repository's dist/). */
  readonly chromium: Browser;
  /** The site's origin, `http://127.0.0.1:PORT`. */
  origin(): Promise<string>;
  /** A fresh page on the playground (`suffix` such as `#...`), once its editor is ready. */
  open(suffix?: string, origin?: string): Promise<Page>;
  release(): Promise<void>;
}

export function usePlayground(): Playground {
  users += 1;
  shared ??= { chromium: browser() };
  const s = shared;
  const site = () => (s.site ??= startSite());
  return {
    chromium: s.chromium,
    origin: async () => (await site()).origin,
    async open(suffix = "", origin) {
      const page = await s.chromium.page(`${origin ?? (await site()).origin}/${suffix}`);
      await page.raw.locator("body[data-ready=true]").waitFor({ timeout: 20_000 });
      return page;
    },
    async release() {
      users -= 1;
      if (users > 0 || shared === undefined) return;
      shared = undefined;
      await s.chromium.close();
      if (s.site === undefined) return;
      const { server } = await s.site;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The text of the Console panel. */
export function consoleText(page: Page): Promise<string> {
  return page.raw.getByRole("region", { name: "Console" }).locator("pre").innerText();
}

/** Clicks Run (or presses Ctrl+Enter in the editor) and waits for the run's `seed:` line; returns the console. */
export async function runProgram(page: Page, how: "click" | "keys" = "click", timeout = 30_000): Promise<string> {
  const before = Number((await page.raw.locator("body").getAttribute("data-runs")) ?? 0);
  if (how === "click") await page.raw.getByRole("button", { name: "Run", exact: true }).click();
  else {
    await page.raw.getByRole("textbox", { name: "Program" }).focus();
    await page.raw.keyboard.press("Control+Enter");
  }
  await page.raw.waitForFunction(`Number(document.body.dataset.runs ?? 0) > ${before}`, undefined, { timeout });
  return consoleText(page);
}

/** Replaces the program with `text`, as an edit (not typed key by key). */
export async function setProgram(page: Page, text: string): Promise<void> {
  await page.raw.evaluate((t) => (globalThis as unknown as { playground: { setProgram(t: string): void } }).playground.setProgram(t), text);
}
