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

test.run();
