// The diagnostic fixtures (tests/transformer/diagnostics/) through miou/babel, on Babel 8 and
// Babel 7: the same codes, at the same positions, with the same messages as errors.txt (which
// the compile API and tspc give); each as a Babel error with a code frame. The `ok-` cases build.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { babels, optionsFor, root } from "./babels.js";

const dir = join(root, "tests", "transformer", "diagnostics");
const tsconfig = join(root, "tests", "transformer", "diagnostics.tsconfig.json");
const cases = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

for (const babel of babels) {
  for (const name of cases) {
    test(`${name} through Babel ${babel.major}`, () => {
      const input = join(dir, name, "input.ts");
      const expected = readFileSync(join(dir, name, "errors.txt"), "utf8").split("\n").filter((l) => l !== "");
      let message = "";
      try {
        babel.transformSync(readFileSync(input, "utf8"), optionsFor(babel, input, root, { tsconfig }));
      } catch (e) {
        message = (e as Error).message.replace(/\x1b\[[0-9;]*m/g, ""); // a terminal's colours
      }
      if (expected.length === 0) return assert.is(message, "", "builds");
      assert.ok(message.startsWith(`${input}: MIOU`), message);
      const seen = [...message.matchAll(/(MIOU\d{4}: .*) \((\d+):(\d+)\)$/gm)].map((m) => `${m[2]}:${m[3]} ${m[1]}`);
      assert.equal(seen, expected.map((l) => l.replace(/ TS\d+: /, " ")));
      // Each diagnostic comes with the code frame of its line, marked at its column.
      for (const line of expected) {
        const [at] = line.split(" ");
        const [row] = at!.split(":");
        assert.match(message, new RegExp(`> +${row} \\|`), `a code frame for line ${row}`);
      }
    });
  }
}

test.run();
