// Worker domains in headless Chromium: the same runtime, with module Web Workers as domains.
// A page imports dist/browser/ by URL; modules that workers load import the runtime by URL too.
import { test } from "uvu";
import * as assert from "uvu/assert";
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

test.run();
