#!/usr/bin/env node
// `npm run soak`: the reliability suite (tests/reliability/) in its long mode (MIOU_SOAK=1:
// larger counts), through the usual runner, then its figures gathered at the end.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(process.execPath, [join(root, "scripts", "test.mjs"), "reliability/.*\\.test\\.ts$"], {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, MIOU_SOAK: "1" },
  maxBuffer: 64 << 20,
});
process.stdout.write(r.stdout ?? "");
process.stderr.write(r.stderr ?? "");
const figures = (r.stdout ?? "").split("\n").flatMap((l) => {
  const at = l.indexOf("soak: ");
  return at < 0 ? [] : [l.slice(at + "soak: ".length)];
});
console.log(`\nFigures (long mode):\n${figures.map((f) => `  ${f}`).join("\n")}`);
process.exitCode = r.status ?? 1;
