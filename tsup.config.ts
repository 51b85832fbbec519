import { defineConfig } from "tsup";

// One entry per public export of package.json. `typescript` stays external: the transformer uses
// the instance its host hands it. The runtime is shared through chunks,
// so `miou`, `miou/gen` and `miou/compiled` hand out the very same function objects.
export default defineConfig({
  entry: {
    index: "runtime/entry/node/index.ts",
    gen: "runtime/entry/node/gen.ts",
    compiled: "runtime/entry/node/compiled.ts",
    transformer: "transformer/hosts/ts-patch/index.ts",
    cli: "transformer/hosts/cli/index.ts",
    register: "transformer/hosts/register/index.ts",
    "register-hooks": "transformer/hosts/register/hooks.ts",
  },
  format: ["esm"],
  external: ["typescript"],
  target: "es2022",
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  splitting: true,
  clean: true,
  tsconfig: "tsconfig.build.json",
});
