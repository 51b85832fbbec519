// The transformer fixtures' inputs through miou/babel, on Babel 8 and Babel 7: each module comes
// out as its output.js says (the same functions suspend, the same twins, the same portable
// functions and call sites), compared as Babel prints both. The one intended difference: in
// output for bundlers a portable function's index is qualified by its module ("file#0").
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { babels, optionsFor, root } from "./babels.js";

const fixtures = join(root, "tests", "transformer", "fixtures");
const shared = join(root, "tests", "babel", "fixtures.tsconfig.json");
const configs = mkdtempSync(join(tmpdir(), "miou-babel-fixtures-"));
// Each fixture is its own program, as the in-memory fixtures are: which values may hold a
// suspending function is decided over the whole program, so fixtures must not see each other.
function tsconfigFor(dir: string): string {
  const file = join(configs, `${relative(fixtures, dir).replaceAll("/", "-")}.json`);
  writeFileSync(file, JSON.stringify({ extends: shared, include: [join(dir, "*.ts"), join(dir, "*.cts")] }));
  return file;
}
const cases = readdirSync(fixtures).flatMap((group) => readdirSync(join(fixtures, group)).map((name) => join(fixtures, group, name)));

for (const babel of babels) {
  for (const dir of cases) {
    test(`${relative(fixtures, dir)} through Babel ${babel.major}`, () => {
      const input = ["input.ts", "input.cts"].map((f) => join(dir, f)).find((f) => existsSync(f))!;
      const expected = join(dir, extname(input) === ".cts" ? "output.cjs" : "output.js");
      const built = babel.transformSync(readFileSync(input, "utf8"), optionsFor(babel, input, root, { tsconfig: tsconfigFor(dir) }))!.code!;
      // The expected output printed by the same Babel, with no plugin: only the layout changes.
      const reprinted = babel.transformSync(readFileSync(expected, "utf8"), { filename: expected, configFile: false, babelrc: false, sourceType: "unambiguous" })!.code!;
      const key = relative(root, input).replaceAll("\\", "/");
      assert.fixture(built.replaceAll(`"${key}#`, "").replace(/portable_1\(([^,]+), (\d+)"/g, "portable_1($1, $2"), reprinted);
    });
  }
}

test.run();
