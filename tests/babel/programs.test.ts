// The program suite built through miou/babel (with @babel/preset-typescript), module by module as
// a Babel pipeline does, on Babel 8 and Babel 7: each program prints exactly its .stdout, as its
// tspc build does. Source maps are chained to the .ts files, so stack frames map to .ts lines.
import { test } from "uvu";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { babels, optionsFor, root } from "./babels.js";
import { assertPrints, modules, programs as names, programsDir as programs } from "../programs/suite.js";

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
    test(`${name} built by Babel ${babel.major}`, () => assertPrints(join(out, `${name}.js`), name));
  }
}

test.run();
