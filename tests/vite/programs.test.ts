// The program suite built by a real Vite (an SSR library build, one entry per program, shared
// modules in shared chunks) with miou/vite: each program prints exactly its .stdout, as its tspc
// build does, stack frames mapped to the .ts lines through Vite's chained source maps.
import { test } from "uvu";
import { join } from "node:path";
import { build } from "vite";
import miou from "../../dist/vite.js";
import { assertPrints, programs as names, programsDir as programs } from "../programs/suite.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, ".cache", "vite-programs");

test("Vite builds the program suite with miou/vite", async () => {
  await build({
    root: programs,
    configFile: false,
    logLevel: "silent",
    plugins: [miou({ cache: false })],
    build: {
      ssr: true,
      outDir: out,
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: "node20",
      rollupOptions: { input: Object.fromEntries(names.map((n) => [n, join(programs, `${n}.ts`)])), output: { entryFileNames: "[name].js" } },
    },
  });
});

for (const name of names) {
  test(`${name} built by Vite`, () => assertPrints(join(out, `${name}.js`), name));
}

test.run();
