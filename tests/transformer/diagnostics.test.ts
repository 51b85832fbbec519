// One fixture per diagnostic and situation: tests/transformer/diagnostics/<code>-<case>/input.ts
// gives exactly the diagnostics of errors.txt (`line:column TScode: message`), through the compile
// API. UPDATE=1 rewrites errors.txt: review the diff.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../transformer/hosts/compile/compile.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(import.meta.dirname, "diagnostics");

const cases = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

for (const name of cases) {
  test(name, () => {
    const input = join(dir, name, "input.ts");
    const { outputs, diagnostics } = compile({ files: { [input]: readFileSync(input, "utf8") }, cwd: root });
    // Code with an error is still emitted (as tsc does); an async function or a hand-written
    // generator stays exactly what it was.
    const js = outputs.get(input.replace(/\.ts$/, ".js")) ?? "";
    assert.not.match(js, /async function\*|async \*/, "no async generator is made");
    const text = diagnostics.map((d) => `${d.line}:${d.column} TS${d.code}: ${d.message}`).join("\n") + "\n";
    const expected = join(dir, name, "errors.txt");
    if (process.env.UPDATE === "1" || !existsSync(expected)) writeFileSync(expected, text);
    assert.fixture(text, readFileSync(expected, "utf8"));
    const code = /^(\d{4})-/.exec(name)?.[1];
    if (code === undefined) assert.is(text, "\n", "a case named ok-... has no diagnostic");
    else assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.message.startsWith(`MIOU${code}: `)), `only MIOU${code}`);
  });
}

// The same fixtures through the real tspc, in one invocation: it prints exactly the same
// diagnostics, as `file(line,col): error TS910n: MIOU100n: ...`.
test("tspc reports the same diagnostics for every fixture", () => {
  const tspc = join(root, "node_modules", "ts-patch", "bin", "tspc.js");
  let out = "";
  try {
    execFileSync(process.execPath, [tspc, "--pretty", "false", "-p", join(import.meta.dirname, "diagnostics.tsconfig.json")], { cwd: root, encoding: "utf8" });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const seen = new Map<string, string[]>();
  for (const m of out.matchAll(/^tests\/transformer\/diagnostics\/([^/]+)\/input\.ts\((\d+),(\d+)\): error (TS\d+: .*)$/gm)) {
    const lines = seen.get(m[1]!) ?? [];
    lines.push(`${m[2]}:${m[3]} ${m[4]}`);
    seen.set(m[1]!, lines);
  }
  for (const name of cases) {
    const expected = readFileSync(join(dir, name, "errors.txt"), "utf8").split("\n").filter((l) => l !== "");
    // tspc prints a multi-line message's first line only on the diagnostic's own line
    assert.equal((seen.get(name) ?? []).map((l) => l.split("\n")[0]), expected.map((l) => l.split("\n")[0]), name);
  }
});

test.run();
