import { defineConfig } from "tsup";

// Two builds. For Node, one entry per public export of package.json; `typescript` stays external:
// the transformer uses the instance its host hands it. For browsers and Web Workers, the runtime's
// three entries again, in dist/browser/, with the browser adapter installed instead of Node's
// (the "browser" conditions of package.json; the types are the Node build's, the same ones).
// Within each build the runtime is shared through chunks, so `miou`, `miou/gen` and
// `miou/compiled` hand out the very same function objects.
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
      vite: "transformer/hosts/vite/index.ts",
      "register-hooks": "transformer/hosts/register/hooks.ts",
      worker: "runtime/platform/node/worker.ts",
    },
    format: ["esm"],
    external: ["typescript", "vite"],
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
