// The runtime in headless Chromium, as a page imports it: dist/browser/ by URL, the browser
// adapter installed, nothing of Node's loaded.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { browser } from "./harness.js";

const chromium = browser();
test.after(() => chromium.close());

test("a generator-style run with async, await_exn, await_first and cancel returns its value to Node", async () => {
  const page = await chromium.page();
  const result = await page.run(`
    import * as Miou from "/dist/browser/gen.js";

    const sleep = (ms) => Miou.await_promise(new Promise((resolve) => setTimeout(resolve, ms)));

    export default async () => {
      const log = [];
      const value = await Miou.run(function* () {
        const a = yield* Miou.async(function* () { yield* Miou.yield_(); return 20; });
        const b = yield* Miou.async(() => 22);
        const sum = (yield* Miou.await_exn(a)) + (yield* Miou.await_exn(b));

        const slow = yield* Miou.async(function* () {
          try { yield* sleep(10_000); return "slow"; } finally { log.push("slow unwound"); }
        });
        const quick = yield* Miou.async(function* () { yield* sleep(5); return "quick"; });
        const first = yield* Miou.await_first([slow, quick]);

        const stuck = yield* Miou.async(function* () {
          try { yield* Miou.await_promise(new Promise(() => {})); } finally { log.push("stuck unwound"); }
        });
        yield* Miou.yield_();
        yield* Miou.cancel(stuck);
        const after = yield* Miou.await_(stuck);
        return { sum, first, after: after.ok ? "ok" : after.error.name, state: Miou.Promise.state(stuck), seed: Miou.seed() };
      }, { seed: "browser" });
      return { value, log };
    };
  `);
  assert.equal(result, {
    value: { sum: 42, first: { ok: true, value: "quick" }, after: "Miou.Cancelled", state: "Exited", seed: "browser" },
    log: ["slow unwound", "stuck unwound"],
  });
  await page.close();
});

test("a failing run rejects in the page with Miou's error class", async () => {
  const page = await chromium.page();
  const result = await page.run(`
    import * as Miou from "/dist/browser/gen.js";
    export default () =>
      Miou.run(function* () {
        const p = yield* Miou.async(function* () { throw new RangeError("boom"); });
        return yield* Miou.await_exn(p);
      }).then(
        () => "resolved",
        (e) => ({ name: e.name, message: e.message, isRange: e instanceof RangeError }),
      );
  `);
  assert.equal(result, { name: "RangeError", message: "boom", isRange: true });
  await page.close();
});

test("the page is cross-origin isolated and loaded only dist/browser/ modules, no node: one", async () => {
  const page = await chromium.page();
  const result = await page.run<{ isolated: boolean; sab: boolean; same: boolean; keys: number; hw: number }>(`
    import * as Gen from "/dist/browser/gen.js";
    import * as Direct from "/dist/browser/index.js";
    import * as Compiled from "/dist/browser/compiled.js";
    export default () => ({
      isolated: globalThis.crossOriginIsolated === true,
      sab: typeof SharedArrayBuffer === "function",
      same: Direct.run === Gen.run && Direct.await_exn === Gen.await_exn && typeof Compiled.frame === "function",
      keys: Object.keys(Direct).length,
      hw: navigator.hardwareConcurrency,
    });
  `);
  assert.equal(result, { isolated: true, sab: true, same: true, keys: result.keys, hw: result.hw });
  assert.ok(result.keys > 30, "miou's exports");
  const server = await chromium.server();
  const loaded = page.requests.filter((url) => !url.startsWith(`${server.origin}/run/`) && url !== `${server.origin}/`);
  assert.ok(loaded.includes(`${server.origin}/dist/browser/gen.js`), `the page loaded dist/browser/gen.js: ${loaded.join(", ")}`);
  const foreign = page.requests.filter((url) => url.startsWith("node:") || !url.startsWith(server.origin));
  assert.equal(foreign, [], "requests outside the test server");
  const outside = loaded.filter((url) => !url.startsWith(`${server.origin}/dist/browser/`));
  assert.equal(outside, [], "modules from outside dist/browser/");
  assert.equal(page.problems, []);
  await page.close();
});

test("the adapter's macrotask is not clamped as nested timers are: 200 empty polls take far less than 200 timeouts", async () => {
  const page = await chromium.page();
  const r = await page.run<{ polls: number; runtime: number; timers: number }>(`
    import * as Miou from "/dist/browser/gen.js";
    const N = 200;
    export default async () => {
      // A synchronous select that finds nothing makes the domain wait one macrotask and ask again.
      let polls = 0;
      let waiting;
      const events = () => ({
        select() {
          polls += 1;
          return polls >= N && waiting !== undefined ? [Miou.signal(waiting)] : [];
        },
        interrupt() {},
      });
      const t0 = performance.now();
      await Miou.run(function* () {
        const s = yield* Miou.syscall("never-ready");
        yield* Miou.suspend(s, () => { waiting = s; });
      }, { events });
      const runtime = performance.now() - t0;
      const t1 = performance.now();
      await new Promise((resolve) => {
        let n = 0;
        const next = () => (++n >= N ? resolve() : setTimeout(next, 0));
        setTimeout(next, 0);
      });
      return { polls, runtime, timers: performance.now() - t1 };
    };
  `);
  assert.ok(r.polls >= 200, `polls: ${r.polls}`);
  assert.ok(r.runtime * 3 < r.timers, `200 polls took ${r.runtime.toFixed(1)} ms, 200 nested timeouts ${r.timers.toFixed(1)} ms`);
  await page.close();
});

test("the runtime runs in a module Web Worker, cross-origin isolated too", async () => {
  const page = await chromium.page();
  const server = await chromium.server();
  server.add(
    "/worker/run.js",
    `import * as Miou from "/dist/browser/gen.js";
     const value = await Miou.run(function* () {
       const ps = [];
       for (let i = 1; i <= 4; i++) ps.push(yield* Miou.async(function* () { yield* Miou.yield_(); return i * i; }));
       const rs = yield* Miou.await_all(ps);
       return rs.map((r) => r.value);
     });
     postMessage({ value, isolated: crossOriginIsolated, sab: typeof SharedArrayBuffer === "function" });`,
  );
  const r = await page.run(`
    export default () => new Promise((resolve, reject) => {
      const w = new Worker("/worker/run.js", { type: "module" });
      w.onmessage = (e) => { resolve(e.data); w.terminate(); };
      w.onerror = (e) => reject(new Error("the worker failed: " + (e.message || "its script did not load")));
    });
  `);
  assert.equal(r, { value: [1, 4, 9, 16], isolated: true, sab: true });
  await page.close();
});

test("what goes wrong in the page reaches the failing test: the error, its stack, and console errors", async () => {
  const page = await chromium.page();
  const error = await page
    .run(`
      export default () => {
        console.error("a console error before the failure");
        throw new TypeError("thrown in the page");
      };
    `)
    .then(() => undefined, (e: Error) => e);
  assert.instance(error, Error);
  assert.match(error!.message, "TypeError: thrown in the page");
  assert.match(error!.message, "console.error: a console error before the failure");
  const late = await page.run(`export default () => { setTimeout(() => { throw new Error("uncaught later"); }); return new Promise((r) => setTimeout(r, 50)); }`).then(
    () => undefined,
    (e: Error) => e,
  );
  assert.match(late?.message ?? "no error", "uncaught in the page: Error: uncaught later");
  await page.close();
});

test.run();
