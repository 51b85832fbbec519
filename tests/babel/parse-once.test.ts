// Babel parses a module the plugin rewrites once: the plugin's parser override hands Babel the
// parse of the rewritten module instead of the original (no second parse, no second scope
// crawl). Handed an AST instead of code, Babel gets the same output through the visitor.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { babels, optionsFor, root } from "./babels.js";
import { createService } from "../../transformer/hosts/service/service.js";

const dir = join(root, "tests", "transformer", "fixtures", "basics", "function-call");
const input = join(dir, "input.ts");
const tsconfig = join(root, "tests", "babel", "fixtures.tsconfig.json");
const code = readFileSync(input, "utf8");
const rewritten = createService({ cwd: root, tsconfig }).transform(input, code).code!;

for (const babel of babels) {
  const options = { ...optionsFor(babel, input, root, { tsconfig }), ast: true };

  test(`Babel ${babel.major} parses the rewritten module, not the original`, () => {
    const out = babel.transformSync(code, options)!;
    // The Program node spans the text Babel parsed: the rewritten module's, to its last character.
    assert.is(out.ast!.program.end, rewritten.length);
    assert.is.not(rewritten.length, code.length);
    assert.match(out.code!, "function*");
  });

  test(`Babel ${babel.major} given an AST: the same output through the visitor`, () => {
    const fromCode = babel.transformSync(code, options)!.code;
    const ast = babel.parseSync(code, { filename: input, configFile: false, babelrc: false, parserOpts: { plugins: ["typescript"] } })!;
    const fromAst = babel.transformFromAstSync(ast, code, options)!.code;
    assert.is(fromAst, fromCode);
  });
}

test.run();
