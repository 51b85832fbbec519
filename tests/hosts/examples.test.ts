// The examples run as the README says: `npx miou run examples/<name>.ts`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const run = (file: string, args: string[], domains: string) => {
  const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "run", join(root, "examples", file), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", MIOU_DOMAINS: domains },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test("examples/fib.ts computes on the worker domains, with several and with exactly one", () => {
  for (const domains of ["2", "1"]) {
    const r = run("fib.ts", ["20", "25", "10"], domains);
    assert.is(r.err, "", `MIOU_DOMAINS=${domains}`);
    assert.is(r.out, "fib(20) = 6765\nfib(25) = 75025\nfib(10) = 55\n");
    assert.is(r.code, 0);
  }
});

test("examples/fib.ts with no worker domain fails with No_domain_available", () => {
  const r = run("fib.ts", ["10"], "0");
  assert.is.not(r.code, 0);
  assert.match(r.err, "Miou.parallel: the run has no worker domain (domains: 0)");
});

test("examples/mergesort.ts sorts with parallel, with several domains and with one", () => {
  for (const domains of ["3", "1"]) {
    const r = run("mergesort.ts", ["50000"], domains);
    assert.is(r.err, "", `MIOU_DOMAINS=${domains}`);
    assert.match(r.out, "sorted 50000 numbers: ok\n");
    assert.is(r.code, 0);
  }
});

test("examples/sleepers.ts: its own event source on every domain, with two workers and with one", () => {
  for (const domains of ["2", "1"]) {
    // A small time scale keeps the run short; the times printed vary, so they are left out.
    const r = run("sleepers.ts", ["0.05"], domains);
    assert.is(r.err, "", `MIOU_DOMAINS=${domains}`);
    assert.is(r.code, 0);
    const times = r.out.match(/after \d+\.\d\d s: /g) ?? [];
    assert.is(times.length, 3, r.out);
    assert.is(
      r.out.replace(/after \d+\.\d\d s: .*/g, "after T"),
      [
        "(time scale 0.05: the durations below are the tutorial's seconds)",
        "1. sleeps of 1 s and 2 s at the same time, on this domain",
        "   the 1 s sleep is over",
        "   the 2 s sleep is over",
        "   both over after T",
        "2. Miou.parallel(sleep, [1, 2]): on the worker domains, each with its own table",
        "   outcomes: ok, ok",
        "   both over after T",
        "3. a sleep of 10 s on a worker domain, cancelled after 1 s",
        "   the sleep ended with Miou.Cancelled",
        "   cancel returned after T",
        "",
      ].join("\n"),
      `MIOU_DOMAINS=${domains}`,
    );
  }
});

test("examples/sleepers.ts rejects a time scale that is not a positive number", () => {
  const r = run("sleepers.ts", ["soon"], "1");
  assert.is.not(r.code, 0);
  assert.match(r.err, "expected a time scale above 0, not soon");
});

test.run();
