// One timed build of the generated project (see generate.ts), in a process of its own and in
// plain Node, as a user's build runs: `babel plain|miou` (each module through Babel's
// `transformAsync`, as @babel/cli, babel-loader and @rollup/plugin-babel call it) or
// `vite plain|miou` (a library build). With `cold`, miou's build cache is not used: every build
// makes the TypeScript program again. Prints one line: `MIOU_BENCH <milliseconds>`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [dir, tool, mode, cache = "cold"] = process.argv.slice(2);
const root = join(import.meta.dirname, "..", "..");
const src = join(dir, "src");
const modules = readdirSync(src).filter((f) => f.endsWith(".ts"));
const tsconfig = join(dir, "tsconfig.plain.json");
const options = { tsconfig, cache: cache === "cold" ? false : join(dir, "miou-cache") };

async function babelBuild(withMiou) {
  const start = performance.now();
  const babel = await import("@babel/core");
  for (const name of modules) {
    const file = join(src, name);
    const out = await babel.transformAsync(readFileSync(file, "utf8"), {
      filename: file,
      cwd: dir,
      configFile: false,
      babelrc: false,
      sourceMaps: true,
      plugins: withMiou ? [[join(root, "dist", "babel.js"), options]] : [],
      presets: ["@babel/preset-typescript"],
    });
    if (withMiou && name === "m0.ts" && !out.code.includes("function*")) throw new Error("miou/babel rewrote nothing");
  }
  return performance.now() - start;
}

async function viteBuild(withMiou) {
  const start = performance.now();
  const { build } = await import("vite");
  const miou = withMiou ? (await import("../../dist/vite.js")).default : undefined;
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    plugins: miou !== undefined ? [miou(options)] : [],
    build: { outDir: join(dir, `out-vite-${mode}`), emptyOutDir: true, minify: false, sourcemap: true, lib: { entry: join(src, "m0.ts"), formats: ["es"], fileName: "app" }, rollupOptions: { external: [/^miou/] } },
  });
  return performance.now() - start;
}

const ms = tool === "babel" ? await babelBuild(mode === "miou") : await viteBuild(mode === "miou");
console.log(`MIOU_BENCH ${JSON.stringify(ms)}`);
