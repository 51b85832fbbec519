// The program suite built through miou/babel (with @babel/preset-typescript), module by module as
// a Babel pipeline does, on Babel 8 and Babel 7: each program prints exactly its .stdout, as its
// tspc build does. Source maps are chained to the .ts files, so stack frames map to .ts lines.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { babels, optionsFor, root } from "./babels.js";

const programs = join(root, "tests", "programs");
const modules = readdirSync(programs).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
const names = modules.filter((f) => !f.startsWith("_")).map((f) => f.slice(0, -3));

for (const babel of babels) {
  const out = join(root, ".cache", "babel-programs", String(babel.major));
  test(`Babel ${babel.major} (${babel.version}) builds every module of the program suite`, () => {
    mkdirSync(out, { recursive: true });
    for (const name of modules) {
      const file = join(programs, name);
      const result = babel.transformSync(readFileSync(file, "utf8"), optionsFor(babel, file))!;
      const js = name.replace(/\.ts$/, ".js");
      writeFileSync(join(out, js), `${result.code}\n//# sourceMappingURL=${js}.map\n`);
      writeFileSync(join(out, `${js}.map`), JSON.stringify(result.map));
    }
  });
  for (const name of names) {
    test(`${name} built by Babel ${babel.major}`, () => {
      const printed = execFileSync(process.execPath, ["--enable-source-maps", join(out, `${name}.js`)], {
        cwd: programs,
        encoding: "utf8",
        env: { ...process.env, FORCE_COLOR: "0" },
      });
      assert.fixture(printed, readFileSync(join(programs, `${name}.stdout`), "utf8"));
    });
  }
}

test.run();
