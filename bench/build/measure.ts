/**
 * The build benchmark: the generated project built by tspc without the plugin and with it.
 * Both runs pay tspc's live patch, so the ratio charges only the transformer's own cost.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generate } from "./generate.js";

export interface BuildResult {
  lines: number;
  files: number;
  plainMs: number;
  miouMs: number;
  ratio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function measureBuild(root: string, samples = 3): BuildResult {
  const dir = join(root, ".cache", "bench-build");
  const project = generate(dir, root);
  const tspc = join(root, "node_modules", "ts-patch", "bin", "tspc.js");
  const build = (config: string) => {
    const start = performance.now();
    execFileSync(process.execPath, [tspc, "-p", join(dir, config)], { cwd: dir, stdio: "pipe" });
    return performance.now() - start;
  };
  build("tsconfig.plain.json"); // warm the disk cache
  const plain: number[] = [];
  const miou: number[] = [];
  for (let i = 0; i < samples; i++) {
    plain.push(build("tsconfig.plain.json"));
    miou.push(build("tsconfig.miou.json"));
  }
  if (!existsSync(join(dir, "out-miou", "m0.js"))) throw new Error("the build with the plugin emitted nothing");
  const plainMs = median(plain);
  const miouMs = median(miou);
  return { lines: project.lines, files: project.files, plainMs, miouMs, ratio: miouMs / plainMs };
}
