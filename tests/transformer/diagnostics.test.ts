// One fixture per diagnostic and situation: tests/transformer/diagnostics/<code>-<case>/input.ts
// gives exactly the diagnostics of errors.txt (`line:column TScode: message`), through the compile
// API. UPDATE=1 rewrites errors.txt: review the diff.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../transformer/hosts/compile/compile.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(import.meta.dirname, "diagnostics");

for (const name of readdirSync(dir)) {
  test(name, () => {
    const input = join(dir, name, "input.ts");
    const { diagnostics } = compile({ files: { [input]: readFileSync(input, "utf8") }, cwd: root });
    const text = diagnostics.map((d) => `${d.line}:${d.column} TS${d.code}: ${d.message}`).join("\n") + "\n";
    const expected = join(dir, name, "errors.txt");
    if (process.env.UPDATE === "1" || !existsSync(expected)) writeFileSync(expected, text);
    assert.fixture(text, readFileSync(expected, "utf8"));
    const code = /^(\d{4})-/.exec(name)?.[1];
    if (code === undefined) assert.is(text, "\n", "a case named ok-... has no diagnostic");
    else assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.message.startsWith(`MIOU${code}: `)), `only MIOU${code}`);
  });
}

test.run();
