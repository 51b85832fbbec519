// A file with no suspending function is emitted exactly as plain TypeScript emits it, .js and
// .js.map byte for byte, over a corpus: every file of the project itself and of the program suite.
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createMiou } from "../../transformer/core.js";
import { defaultCompilerOptions } from "../../transformer/hosts/compile/compile.js";
import { touches } from "../../transformer/rewrite/rewrite.js";

const root = join(import.meta.dirname, "..", "..");
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [join(root, dir, e.name)] : [],
  );

test("untouched files: the same .js and .js.map with and without the transformer", () => {
  const files = [...sources("runtime"), ...sources("transformer"), ...sources("tests/programs").filter((f) => !f.endsWith(".test.ts"))];
  const options: ts.CompilerOptions = { ...defaultCompilerOptions, types: ["node"], outDir: "/out", rootDir: root };
  const program = ts.createProgram(files, options);
  const emitWith = (transformers?: ts.CustomTransformers) => {
    const out = new Map<string, string>();
    program.emit(undefined, (name, text) => void out.set(name, text), undefined, false, transformers);
    return out;
  };
  const miou = createMiou(ts, program);
  const plain = emitWith();
  const transformed = emitWith(miou.transformers);
  let same = 0;
  let changed = 0;
  for (const file of program.getSourceFiles().filter((f) => files.includes(f.fileName))) {
    const js = join("/out", file.fileName.slice(root.length + 1)).replace(/\.ts$/, ".js");
    if (touches(file, miou.facts)) {
      assert.is.not(transformed.get(js), plain.get(js), `${file.fileName} is rewritten`);
      changed += 1;
      continue;
    }
    assert.is(transformed.get(js), plain.get(js), js);
    assert.is(transformed.get(`${js}.map`), plain.get(`${js}.map`), `${js}.map`);
    same += 1;
  }
  assert.ok(same > 40, `compared ${same} untouched files`);
  assert.ok(changed >= 5, `and ${changed} rewritten ones`);
});

test.run();
