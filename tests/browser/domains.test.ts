// Worker domains in headless Chromium: the same runtime, with module Web Workers as domains.
// A page imports dist/browser/ by URL; modules that workers load import the runtime by URL too.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { compile } from "../../transformer/hosts/compile/compile.js";
import { browser } from "./harness.js";

const chromium = browser();
test.after(() => chromium.close());

test("call runs a task on a Web Worker domain; parallel spreads over the workers, results in order", async () => {
  const page = await chromium.page();
  const result = (await page.run(`
    import * as Miou from "/dist/browser/gen.js";
    export default () =>
      Miou.run(function* () {
        const p = yield* Miou.call(function* () {
          yield* Miou.yield_();
          return { on: Miou.Domain.self(), worker: typeof document === "undefined" };
        });
        const one = yield* Miou.await_exn(p);
        const all = yield* Miou.parallel((x) => [x * x, Miou.Domain.self()], [1, 2, 3, 4]);
        return { one, all: all.map((r) => r.value) };
      }, { domains: 2, seed: 3 });
  `)) as { one: { on: number; worker: boolean }; all: number[][] };
  assert.ok(result.one.on === 1 || result.one.on === 2, `on ${result.one.on}`);
  assert.is(result.one.worker, true);
  assert.equal(result.all, [[1, 1], [4, 2], [9, 1], [16, 2]]);
  await page.close();
});

test("cancel of a task on a Web Worker returns once its finally block has run there", async () => {
  const page = await chromium.page();
  const server = await chromium.server();
  // A module the worker loads by its URL: its portable function is registered as the transformer does.
  server.add(
    "/work/spin.js",
    `
    import * as Miou from "/dist/browser/gen.js";
    import { portable } from "/dist/browser/compiled.js";
    export const spinner = portable(import.meta.url, 0, (probe) => function* () {
      try {
        Atomics.store(probe, 0, 1);
        for (;;) yield* Miou.yield_();
      } finally {
        Atomics.store(probe, 0, 2);
      }
    });
  `,
  );
  const result = await page.run(`
    import * as Miou from "/dist/browser/gen.js";
    import { spinner } from "/work/spin.js";
    export default () => {
      const probe = new Int32Array(new SharedArrayBuffer(8));
      return Miou.run(function* () {
        const t = yield* Miou.call(spinner(probe));
        while (Atomics.load(probe, 0) === 0) yield* Miou.yield_();
        yield* Miou.cancel(t);
        const seen = Atomics.load(probe, 0);
        const r = yield* Miou.await_(t);
        return { seen, error: r.ok ? null : r.error.name };
      }, { domains: 1 });
    };
  `);
  assert.equal(result, { seen: 2, error: "Miou.Cancelled" });
  await page.close();
});

test("direct-style code built by the transformer, its miou imports rewritten to URLs, runs its portable functions on Web Workers", async () => {
  const root = join(import.meta.dirname, "..", "..");
  const file = join(root, "tests", "browser", "app.ts");
  const { outputs, diagnostics } = compile({
    cwd: root,
    files: {
      [file]: `
        import * as Miou from "miou";
        const SCALE = 100;
        function square(x: number): number { return x * x; }
        export function main(): Promise<unknown> {
          return Miou.run(() => {
            const base = 7;
            const p = Miou.call(() => { Miou.yield_(); return base * SCALE + Miou.Domain.self(); }, { pin: 1 });
            const squares = Miou.parallel(square, [1, 2, 3]);
            const spinning = Miou.call(() => { for (;;) Miou.yield_(); }, { pin: 2 });
            Miou.cancel(spinning);
            const r = Miou.await_(spinning);
            return { p: Miou.await_exn(p), squares: squares.map((s) => s.ok && s.value), cancelled: !r.ok && (r.error as Error).name };
          }, { domains: 2 });
        }
      `,
    },
    compilerOptions: { lib: ["lib.es2022.d.ts"], types: [] },
    imports: { miou: "/dist/browser/index.js", "miou/compiled": "/dist/browser/compiled.js" },
  });
  assert.equal(diagnostics, []);
  const js = outputs.get(file.replace(/\.ts$/, ".js"))!;
  assert.not.match(js, /from "miou/, "no bare miou import is left");
  const server = await chromium.server();
  server.add("/app/app.js", js);
  const page = await chromium.page();
  const result = await page.run(`
    import { main } from "/app/app.js";
    export default () => main();
  `);
  assert.equal(result, { p: 701, squares: [1, 4, 9], cancelled: "Miou.Cancelled" });
  await page.close();
});

test.run();
