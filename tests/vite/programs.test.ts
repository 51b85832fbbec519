// The program suite built by a real Vite (an SSR library build, one entry per program, shared
// modules in shared chunks) with miou/vite: each program prints exactly its .stdout, as its tspc
// build does, stack frames mapped to the .ts lines through Vite's chained source maps.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import miou from "../../dist/vite.js";

const root = join(import.meta.dirname, "..", "..");
const programs = join(root, "tests", "programs");
const out = join(root, ".cache", "vite-programs");
const names = readdirSync(programs)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3));

test("Vite builds the program suite with miou/vite", async () => {
  await build({
    root: programs,
    configFile: false,
    logLevel: "silent",
    plugins: [miou()],
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
  test(`${name} built by Vite`, () => {
    const printed = execFileSync(process.execPath, ["--enable-source-maps", join(out, `${name}.js`)], {
      cwd: programs,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    assert.fixture(printed, readFileSync(join(programs, `${name}.stdout`), "utf8"));
  });
}

test.run();
