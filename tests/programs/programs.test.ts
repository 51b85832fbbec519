// Direct-style programs built by the real tspc with the transformer from a real tsconfig.json,
// once per target (ES2022, and ES5 where TypeScript lowers the generators), then run: each must
// print exactly its .stdout file. They run with --enable-source-maps, so stack frames map to .ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { assertPrints, programs } from "./suite.js";

const here = import.meta.dirname;
const root = join(here, "..", "..");
const tspc = join(root, "node_modules", "ts-patch", "bin", "tspc.js");

for (const [target, config] of [["es2022", "tsconfig.json"], ["es5", "tsconfig.es5.json"]] as const) {
  test(`tspc builds the programs at ${target}`, () => {
    try {
      execFileSync(process.execPath, [tspc, "--pretty", "false", "-p", join(here, config)], { cwd: root, encoding: "utf8" });
    } catch (e) {
      assert.unreachable(`tspc failed:\n${(e as { stdout: string }).stdout}`);
    }
  });
  for (const name of programs) {
    test(`${name} at ${target}`, () => assertPrints(join(root, ".cache", "programs", target, `${name}.js`), name));
  }
}

test.run();
