import { defineConfig } from "tsup";
import type { Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

/** The Node build's `import ts from "typescript"`: transformer/hosts/require-typescript.ts, which says why. */
const requireTypeScript: Plugin = {
  name: "require-typescript",
  setup(build) {
    const loader = fileURLToPath(new URL("transformer/hosts/require-typescript.ts", import.meta.url));
    build.onResolve({ filter: /^typescript$/ }, (args) => (args.importer === loader ? undefined : { path: loader }));
  },
};

export default defineConfig([
  {
    entry: {
      index: "runtime/entry/node/index.ts",
      gen: "runtime/entry/node/gen.ts",
      compiled: "runtime/entry/node/compiled.ts",
      node: "runtime/entry/node/node.ts",
      "node-gen": "runtime/entry/node/node-gen.ts",
      transformer: "transformer/hosts/ts-patch/index.ts",
      compile: "transformer/hosts/compile/index.ts",
      cli: "transformer/hosts/cli/index.ts",
      register: "transformer/hosts/register/index.ts",
      babel: "transformer/hosts/babel/index.ts",
      // Not a public entry: miou/babel requires it (and TypeScript) only when its cache cannot answer.
      service: "transformer/hosts/service/service.ts",
      vite: "transformer/hosts/vite/index.ts",
      "register-hooks": "transformer/hosts/register/hooks.ts",
      worker: "runtime/platform/node/worker.ts",
    },
    format: ["esm"],
    external: ["vite"],
    noExternal: ["typescript"], // not bundled: resolved by requireTypeScript, which requires it
    esbuildPlugins: [requireTypeScript],
    target: "es2022",
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    splitting: true,
    clean: ["!browser/**", "!playground/**"], // the browser build cleans its own folder; the playground its own
    tsconfig: "tsconfig.build.json",
  },
  {
    entry: {
      index: "runtime/entry/browser/index.ts",
      gen: "runtime/entry/browser/gen.ts",
      compiled: "runtime/entry/browser/compiled.ts",
      worker: "runtime/platform/browser/worker.ts",
    },
    outDir: "dist/browser",
    platform: "browser",
    format: ["esm"],
    target: "es2022",
    sourcemap: true,
    splitting: true,
    clean: true,
    tsconfig: "tsconfig.build.json",
  },
]);
