// One build of a project through miou/babel and then miou/vite, both with the build cache in the
// folder given, in a process of its own; prints whether TypeScript was loaded, and the outputs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [project, store] = process.argv.slice(2);
const root = join(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);
const babel = await import("@babel/core");
const { build } = await import("vite");
const { default: miou } = await import(join(root, "dist", "vite.js"));

const babelOutputs = [];
for (const name of ["main.ts", "lib.ts"]) {
  const file = join(project, name);
  const out = await babel.transformAsync(readFileSync(file, "utf8"), {
    filename: file,
    cwd: project,
    configFile: false,
    babelrc: false,
    plugins: [[join(root, "dist", "babel.js"), { cache: store }]],
    presets: [require.resolve("@babel/preset-typescript")],
  });
  babelOutputs.push(out.code);
}
const outDir = join(project, "..", "vite-out");
await build({
  root: project,
  configFile: false,
  logLevel: "silent",
  plugins: [miou({ cache: store })],
  build: { outDir, emptyOutDir: true, minify: false, lib: { entry: join(project, "main.ts"), formats: ["es"], fileName: "main" }, rollupOptions: { external: [/^miou/] } },
});
const typescript = Object.keys(require.cache).some((path) => path.endsWith(join("typescript", "lib", "typescript.js")));
console.log(JSON.stringify({ typescript, babel: babelOutputs, vite: readFileSync(join(outDir, "main.js"), "utf8") }));
