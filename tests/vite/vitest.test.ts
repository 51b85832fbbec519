// A Vitest test written in direct style (tests/vite/vitest/direct-style.spec.ts), run by the
// real Vitest with miou/vite from its vitest.config.ts: every test of it passes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

test("Vitest runs the direct-style test file with miou/vite", () => {
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const r = spawnSync(process.execPath, [vitest, "run", "--root", join(import.meta.dirname, "vitest"), "--reporter", "json"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", CI: "1" },
  });
  const json = r.stdout.slice(r.stdout.indexOf("{"));
  let report: { numTotalTests: number; numPassedTests: number; success: boolean };
  try {
    report = JSON.parse(json);
  } catch {
    return assert.unreachable(`Vitest printed no report:\n${r.stdout}\n${r.stderr}`);
  }
  assert.is(report.numTotalTests, 2, r.stderr);
  assert.is(report.numPassedTests, 2, JSON.stringify(report, null, 1).slice(0, 4000));
  assert.ok(report.success);
});

test.run();
