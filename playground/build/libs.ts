/**
 * The declaration files the playground's compiler reads, gathered at build time into one JSON
 * file of the site: TypeScript's ES libraries (no DOM: a program runs in a Web Worker, and its
 * few globals are in `globals.d.ts`), miou's own declarations as the package ships them, and a
 * package.json that makes `import ... from "miou"` resolve to them. Nothing is fetched from
 * elsewhere at run time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LAYOUT } from "../worker/layout.js";

/** TypeScript's libs a program gets: up to ES2024, without DOM, WebWorker and ScriptHost. */
const LIB = /^lib\.(es5|es20(1[5-9]|2[0-4])(\.[a-z0-9.]+)?|decorators(\.legacy)?)\.d\.ts$/;

/** miou's declaration files for browsers: the direct-style, generator and compiled entries and their shared chunks. */
const MIOU = (name: string) => name.endsWith(".d.ts") && !/^(node|node-gen|cli|register|register-hooks|transformer|worker)\.d\.ts$/.test(name);

/** Absolute paths in the compiler's memory to file contents. */
export function libraryFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const tsLib = join(root, "node_modules", "typescript", "lib");
  for (const name of readdirSync(tsLib).filter((n) => LIB.test(n)).sort()) files[`${LAYOUT.lib}/${name}`] = readFileSync(join(tsLib, name), "utf8");
  const dist = join(root, "dist");
  const found = readdirSync(dist).filter(MIOU).sort();
  if (!found.includes("index.d.ts")) throw new Error(`${dist} has no index.d.ts: run \`npx tsup\` (or \`npm run build\`) before building the playground`);
  for (const name of found) files[`${LAYOUT.miou}/dist/${name}`] = readFileSync(join(dist, name), "utf8");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
  const entry = (name: string) => ({ types: `./dist/${name}.d.ts` });
  files[`${LAYOUT.miou}/package.json`] = JSON.stringify({
    name: pkg.name,
    version: pkg.version,
    type: "module",
    exports: { ".": entry("index"), "./gen": entry("gen"), "./compiled": entry("compiled") },
  });
  files[LAYOUT.globals] = readFileSync(join(root, "playground", "worker", "globals.d.ts"), "utf8");
  return files;
}
