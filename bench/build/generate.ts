/**
 * A generated project for the build benchmark: `modules` modules of `functions` functions each,
 * about 20,000 lines in all, half of the functions suspending (directly, or through calls into
 * other modules), the other half plain. Deterministic: the same arguments give the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Generated {
  dir: string;
  lines: number;
  files: number;
}

function moduleText(m: number, modules: number, functions: number): string {
  const next = (m + 1) % modules;
  const out = [`import * as Miou from "miou";`, `import * as Next from "./m${next}.js";`, ""];
  for (let f = 0; f < functions; f++) {
    const suspends = f % 2 === 0;
    out.push(`export function f${f}(x: number, ys: readonly number[]): number {`);
    out.push(`  let total = x;`);
    out.push(`  for (const y of ys) {`);
    out.push(`    if (y % 3 === 0) total += y * 2;`);
    out.push(`    else if (y % 3 === 1) total -= y;`);
    out.push(`    else total = Math.max(total, y);`);
    out.push(`  }`);
    if (suspends && f % 4 === 0) out.push(`  Miou.yield_();`);
    if (suspends && f % 4 === 2) out.push(`  total += Next.f${(f + 2) % functions}(total, ys.slice(1));`);
    if (!suspends) out.push(`  total += ys.length > 0 ? ys[0]! : 0;`);
    out.push(`  const label = \`m${m}.f${f}:\${total}\`;`);
    out.push(`  return label.length + total;`);
    out.push(`}`, "");
  }
  return out.join("\n");
}

/** Writes the project into `dir` (emptied first), with a tsconfig with and without the plugin. */
export function generate(dir: string, root: string, modules = 100, functions = 16): Generated {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  let lines = 0;
  for (let m = 0; m < modules; m++) {
    const text = moduleText(m, modules, functions);
    lines += text.split("\n").length;
    writeFileSync(join(dir, "src", `m${m}.ts`), text);
  }
  const options = {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    types: [],
    skipLibCheck: true,
    rootDir: "src",
    sourceMap: true,
  };
  const config = (outDir: string, plugins: object[]) => JSON.stringify({ compilerOptions: { ...options, outDir, plugins }, include: ["src"] }, null, 2);
  writeFileSync(join(dir, "tsconfig.plain.json"), config("out-plain", []));
  writeFileSync(join(dir, "tsconfig.miou.json"), config("out-miou", [{ transform: join(root, "dist", "transformer.js") }]));
  return { dir, lines, files: modules };
}
