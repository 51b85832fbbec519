/**
 * The playground's benchmark, in headless Chromium against its own server (gzip, as
 * `npm start` serves it): for each sample a fresh browser context, so a cold cache, then
 * - navigation to an editable editor (the page's `miou:editor-ready` mark);
 * - navigation to the end of the first run of the hello example, Run clicked as soon as the
 *   editor is ready (TypeScript and the runtime load meanwhile);
 * - a re-run after an edit: a keystroke in the editor, Ctrl+Enter, to the result
 *   (`miou:run-start` to `miou:run-end`, the page's own clock);
 * - the bytes the server sent up to the first run's end (compressed bodies and headers, counted
 *   on the server's sockets: the page's own resource timing does not see its workers' fetches).
 */
import { join } from "node:path";
import type { AddressInfo, Socket } from "node:net";
import { browser } from "../../tests/browser/harness.js";
import { buildPlayground } from "../../playground/build/build.js";
import { staticSite } from "../../playground/static-server.js";

export interface PlaygroundResult {
  editorMs: number[];
  firstRunMs: number[];
  rerunMs: number[];
  bytes: number[];
}

const mark = (name: string) => `performance.getEntriesByName(${JSON.stringify(name)}).at(-1)?.startTime`;

export async function measurePlayground(root: string, samples = 5): Promise<PlaygroundResult> {
  const site = join(root, ".cache", "bench-playground");
  await buildPlayground({ outDir: site });
  const server = staticSite(site);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => void sockets.add(s));
  const sent = () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  const chromium = browser();
  const result: PlaygroundResult = { editorMs: [], firstRunMs: [], rerunMs: [], bytes: [] };
  try {
    for (let i = 0; i < samples; i++) {
      const before = sent();
      const page = await chromium.page(`${origin}/`);
      const raw = page.raw;
      await raw.locator('[aria-label="Program"][contenteditable="true"]').waitFor();
      await raw.getByRole("button", { name: "Run", exact: true }).click();
      await raw.waitForFunction("document.body.dataset.runs === '1'", undefined, { timeout: 60_000 });
      result.editorMs.push(await raw.evaluate<number>(mark("miou:editor-ready")));
      result.firstRunMs.push(await raw.evaluate<number>(mark("miou:run-end")));
      result.bytes.push(sent() - before);
      await raw.getByRole("textbox", { name: "Program" }).click();
      await raw.keyboard.press("Control+End");
      await raw.keyboard.type(" ");
      await raw.keyboard.press("Control+Enter");
      await raw.waitForFunction("document.body.dataset.runs === '2'");
      result.rerunMs.push(await raw.evaluate<number>(`${mark("miou:run-end")} - ${mark("miou:run-start")}`));
      await page.close();
    }
  } finally {
    await chromium.close();
    server.closeAllConnections();
    server.close();
  }
  return result;
}
