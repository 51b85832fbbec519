/**
 * Builds the playground's static site: the page, the compiler's worker (TypeScript, the
 * transformer and the compile API, bundled for browsers), the worker a program runs in, the
 * `miou` module programs import, the browser build of the runtime (dist/browser/, as is), the
 * declaration files and the examples. Needs dist/ built first (`npx tsup`).
 *
 * ```ts
 * await buildPlayground({ outDir: "dist/playground" });
 * ```
 */
import * as esbuild from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { libraryFiles } from "./libs.js";
import { readExamples } from "./examples.js";

const root = join(import.meta.dirname, "..", "..");
const source = join(root, "playground");

/** Node's modules that TypeScript requires only when it runs in Node: never loaded in a browser. */
const NODE_ONLY = ["fs", "path", "os", "crypto", "module", "perf_hooks", "inspector", "source-map-support", "buffer", "node:*"];

/**
 * `import ... from "miou"` in the `miou` module: the runtime's browser build beside it, at run
 * time (`index.js` for `miou.js`, `gen.js` for `miou-gen.js`, which programs in generator style
 * import).
 */
const runtimeExternal = (entry: string): esbuild.Plugin => ({
  name: "miou-runtime",
  setup(build) {
    build.onResolve({ filter: /^miou$/ }, () => ({ path: `./runtime/${entry}`, external: true }));
  },
});

export interface BuildOptions {
  /** Where the site goes; emptied first. */
  outDir: string;
  /** Minified (the default) or readable. */
  minify?: boolean;
}

export async function buildPlayground(options: BuildOptions): Promise<void> {
  const { outDir } = options;
  const minify = options.minify ?? true;
  const runtime = join(root, "dist", "browser");
  if (!existsSync(join(runtime, "index.js"))) throw new Error(`${runtime} is missing: run \`npx tsup\` (or \`npm run build\`) before building the playground`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common: esbuild.BuildOptions = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "error",
    outdir: outDir,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { page: join(source, "page", "main.ts") },
      define: { PLAYGROUND_EXAMPLES: JSON.stringify(readExamples(join(source, "examples"))) },
    }),
    esbuild.build({ ...common, entryPoints: { compiler: join(source, "worker", "compiler.ts") }, external: NODE_ONLY }),
    esbuild.build({ ...common, entryPoints: { "run-worker": join(source, "worker", "run.ts") } }),
    esbuild.build({ ...common, entryPoints: { miou: join(source, "worker", "miou.ts") }, plugins: [runtimeExternal("index.js")] }),
    esbuild.build({ ...common, entryPoints: { "miou-gen": join(source, "worker", "miou.ts") }, plugins: [runtimeExternal("gen.js")] }),
  ]);
  cpSync(runtime, join(outDir, "runtime"), { recursive: true });
  writeFileSync(join(outDir, "libs.json"), JSON.stringify(libraryFiles(root)));
  for (const name of ["index.html", "style.css"]) writeFileSync(join(outDir, name), readFileSync(join(source, "site", name)));
}
