/**
 * Headless Chromium for the browser tests: a static server for dist/ and for modules a test
 * writes, and pages that run them and bring their value back to Node.
 *
 * ```ts
 * const chromium = browser(); // one per test file; nothing starts until first used
 * test("…", async () => {
 *   const page = await chromium.page();
 *   const v = await page.run(`
 *     import * as Miou from "/dist/browser/gen.js";
 *     export default () => Miou.run(function* () { return 42; });
 *   `);
 *   assert.is(v, 42);
 * });
 * test.after(() => chromium.close());
 * ```
 *
 * Every response is cross-origin isolated (COOP same-origin, COEP require-corp), so pages and
 * their workers have `SharedArrayBuffer`. What goes wrong in a page (uncaught errors, console
 * errors, failed requests, its workers' too) is collected in `page.problems` and written into the
 * error `run` throws.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type Browser as PwBrowser, type Page as PwPage } from "playwright-core";

/** Debian's Chromium, used when it is installed. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * The Chromium the tests drive, first found of: `CHROMIUM_PATH`, Debian's `/usr/bin/chromium`, and
 * the one `npm install` brings (the devDependency `@sparticuz/chromium` ships it compressed
 * inside the package; `executablePath()` unpacks it into the temporary folder once, about 2 s).
 * So a fresh clone needs no root and no system browser.
 */
export async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== "") {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which does not exist: point it at a Chromium executable, or unset it`);
    return chosen;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    return await packaged.executablePath();
  } catch (e) {
    throw new Error(
      `no Chromium for the browser tests: CHROMIUM_PATH is unset, ${SYSTEM_CHROMIUM} is missing, and the packaged one failed (${e instanceof Error ? e.message : String(e)}). Run npm install (it brings @sparticuz/chromium), or set CHROMIUM_PATH`,
      { cause: e },
    );
  }
}

/** Chromium's flags on these machines: no sandbox as root, no GPU, and no network of its own. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const root = join(import.meta.dirname, "..", "..");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

// No favicon request: its 404 would be a console error.
const BLANK = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>miou</title>';

/** The static server: `/` a blank page, `/dist/…` the repository's dist/ (a folder: its index.html), and files tests add. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Serves `body` at `path` (absolute, such as `/t/worker.js`) from now on; returns its URL. */
  add(path: string, body: string | Uint8Array): string;
  close(): Promise<void>;
}

export async function serve(): Promise<StaticServer> {
  const added = new Map<string, string | Uint8Array>([["/", BLANK]]);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let body: string | Uint8Array | undefined = added.get(path);
    if (body === undefined && path.startsWith("/dist/")) {
      // A folder's index.html, as static hosts do (dist/playground/).
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      if (file.startsWith(join(root, "dist") + sep) && existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    }
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "no-store",
    };
    if (body === undefined) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${path}`);
      return;
    }
    const type = path.endsWith("/") ? TYPES[".html"]! : (TYPES[extname(path)] ?? "application/octet-stream");
    res.writeHead(200, { ...headers, "Content-Type": type }).end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    add(path, body) {
      if (!path.startsWith("/")) throw new TypeError(`serve: the path must be absolute: ${path}`);
      added.set(path, body);
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page of the browser, opened on the server's blank page (or another path). */
export interface Page {
  /** Playwright's page, for what the harness does not wrap. */
  readonly raw: PwPage;
  /** What went wrong in the page so far, one line each (uncaught errors with their stack). */
  readonly problems: string[];
  /** The URL of every request the page and its workers made, in order. */
  readonly requests: string[];
  /**
   * Serves `source` as an ES module at a fresh URL (`/run/<n>.js`), imports it in the page and
   * returns what its default export, called with `arg` (a JSON value), returns or resolves with
   * (a value Playwright serialises: JSON, plus `undefined`, `NaN`, `Date`, `RegExp`, …).
   * Imports use absolute paths: `import * as Miou from "/dist/browser/gen.js"`.
   * Throws if the module fails, if it takes longer than `timeout` ms (default 20,000), or if a
   * problem appears while it runs (unless `tolerate`), with the page's problems in the message.
   */
  run<T = unknown>(source: string, options?: { arg?: unknown; timeout?: number; tolerate?: boolean }): Promise<T>;
  /** Evaluates a JavaScript expression in the page (a promise is awaited); no TypeScript helpers get in. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface Browser {
  /** The server, started with the browser: add worker scripts or pages to it. */
  server(): Promise<StaticServer>;
  /** A new page in a context of its own, at `path` of the server (default `/`), or at a full `http://` URL of another server. */
  page(path?: string): Promise<Page>;
  /** Closes every page, the browser and the server. */
  close(): Promise<void>;
}

/**
 * Headless Chromium (see `chromiumPath`) and its server, started at the first call of `page` or
 * `server`. Without Chromium, those calls reject saying how to get one: a browser test fails then,
 * it is never skipped.
 */
export function browser(): Browser {
  let started: Promise<{ browser: PwBrowser; server: StaticServer }> | undefined;
  let modules = 0;
  const start = () =>
    (started ??= (async () => {
      const executablePath = await chromiumPath();
      const server = await serve();
      try {
        // Playwright gives Chromium a new empty --user-data-dir of its own and removes it on close.
        const browser = await chromium.launch({ executablePath, args: FLAGS, timeout: 60_000 });
        return { browser, server };
      } catch (e) {
        await server.close();
        throw e;
      }
    })());
  return {
    server: async () => (await start()).server,
    async page(path = "/") {
      const { browser, server } = await start();
      const context = await browser.newContext();
      const raw = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      const where = (w: { url(): string } | null) => (w === null ? "" : ` (worker ${w.url()})`);
      raw.on("pageerror", (e) => problems.push(`uncaught in the page: ${e.stack ?? e.message}`));
      raw.on("console", (m) => {
        const at = m.location().url ? ` [${m.location().url}:${m.location().lineNumber}]` : "";
        if (m.type() === "error") problems.push(`console.error${where(m.worker())}: ${m.text()}${at}`);
      });
      raw.on("request", (r) => void requests.push(r.url()));
      raw.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}: ${r.failure()?.errorText}`));
      raw.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      raw.on("crash", () => problems.push("the page crashed"));
      const response = await raw.goto(/^https?:\/\//.test(path) ? path : server.origin + path);
      if (response === null || !response.ok()) throw new Error(`opening ${path}: HTTP ${response?.status()}\n${problems.join("\n")}`);
      const explain = (what: string) => (problems.length === 0 ? what : `${what}\nwhat the page reported:\n  ${problems.join("\n  ")}`);
      const page: Page = {
        raw,
        problems,
        requests,
        async run<T>(source: string, options: { arg?: unknown; timeout?: number; tolerate?: boolean } = {}) {
          const url = server.add(`/run/${++modules}.js`, source);
          const before = problems.length;
          const call = `import(${JSON.stringify(url)}).then((m) => m.default(${JSON.stringify(options.arg ?? null)}))`;
          const timeout = options.timeout ?? 20_000;
          let timer: NodeJS.Timeout | undefined;
          let value: T;
          try {
            value = await Promise.race([
              raw.evaluate<T>(call),
              new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new Error(`did not settle within ${timeout} ms`)), timeout);
              }),
            ]);
          } catch (e) {
            throw new Error(explain(`page.run(${url}) failed: ${e instanceof Error ? e.message : String(e)}`), { cause: e });
          } finally {
            clearTimeout(timer);
          }
          if (!options.tolerate && problems.length > before)
            throw new Error(explain(`page.run(${url}) returned ${JSON.stringify(value)}, but the page reported problems`));
          return value;
        },
        async evaluate<T>(expression: string) {
          try {
            return await raw.evaluate<T>(expression);
          } catch (e) {
            throw new Error(explain(`page.evaluate failed: ${e instanceof Error ? e.message : String(e)}`), { cause: e });
          }
        },
        close: () => context.close(),
      };
      return page;
    },
    async close() {
      if (started === undefined) return;
      const s = await started.catch(() => undefined);
      if (s === undefined) return;
      await s.browser.close();
      await s.server.close();
    },
  };
}
