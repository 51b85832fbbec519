#!/usr/bin/env node
// The whole suite: type-check, build, then every test file under tests/ with uvu.
// Its last line is always `N passed, N failed`, so a run that executes nothing shows.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const bin = (pkg, file) => join(root, "node_modules", pkg, file);
let passed = 0;
let failed = 0;

function step(name, args, options = {}) {
  process.stdout.write(`\n> ${name}\n`);
  const r = spawnSync(node, args, { cwd: root, encoding: "utf8", ...options });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  return r;
}

function check(name, args) {
  const r = step(name, args, { stdio: ["ignore", "pipe", "pipe"] });
  if (r.status === 0) passed += 1;
  else failed += 1;
  return r.status === 0;
}

// Build first: tests, examples and benches import the package as users do, through dist/.
const built = check("build", [bin("tsup", "dist/cli-default.js"), "--silent"]);
const typed =
  built &&
  check("type-check", [bin("typescript", "bin/tsc"), "-p", "tsconfig.json", "--noEmit"]) &&
  check("type-check the playground (DOM)", [bin("typescript", "bin/tsc"), "-p", "playground/tsconfig.json", "--noEmit"]);

if (built) {
  const pattern = process.argv[2] ?? "\\.test\\.ts$";
  const r = step("tests", ["--import", "tsx", bin("uvu", "bin.js"), "tests", pattern, "--no-color"], {
    env: { ...process.env, FORCE_COLOR: "0", MIOU_DOMAINS: process.env.MIOU_DOMAINS ?? "" },
  });
  const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(r.stdout ?? "")?.[1] ?? NaN);
  const total = count("Total");
  const ok = count("Passed");
  const skipped = count("Skipped");
  if (Number.isNaN(total) || Number.isNaN(ok)) {
    failed += 1; // the runner itself failed: a file did not load
  } else {
    passed += ok;
    failed += total - ok - (Number.isNaN(skipped) ? 0 : skipped);
    if (r.status !== 0 && total === ok) failed += 1;
  }
}
if (!built) process.stdout.write("\nthe build failed: type-check and tests skipped\n");
else if (!typed) process.stdout.write("\nthe type-check failed (the tests above still ran)\n");

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
