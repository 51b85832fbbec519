// The transformer's specification: each fixture's input.ts compiles (through the in-memory
// compile API) to exactly output.js (an input.cts, emitted as CommonJS, to output.cjs); with
// stdout.txt the output also runs and prints exactly it. UPDATE=1 rewrites output.js and the
// stdout.txt files there are (create an empty one for a new fixture that runs): review the diff.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { compile } from "../../transformer/hosts/compile/compile.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(import.meta.dirname, "fixtures");
const out = join(root, ".cache", "fixtures");
const update = process.env.UPDATE === "1";

const cases = readdirSync(fixtures).flatMap((group) => readdirSync(join(fixtures, group)).map((name) => join(fixtures, group, name)));

for (const dir of cases) {
  const name = relative(fixtures, dir);
  test(name, () => {
    const input = ["input.ts", "input.cts"].map((f) => join(dir, f)).find((f) => existsSync(f))!;
    const { outputs, diagnostics } = compile({ files: { [input]: readFileSync(input, "utf8") }, cwd: root });
    assert.equal(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`), [], "no diagnostics");
    const emitted = input.replace(/\.(c?)ts$/, ".$1js");
    const js = outputs.get(emitted)!.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
    const expected = join(dir, `output${extname(emitted)}`);
    if (update || !existsSync(expected)) writeFileSync(expected, js);
    assert.fixture(js, readFileSync(expected, "utf8"));

    const stdout = join(dir, "stdout.txt");
    if (!existsSync(stdout)) return;
    // Run the output where `miou` resolves to this package.
    const file = join(out, name, basename(emitted));
    mkdirSync(join(out, name), { recursive: true });
    writeFileSync(file, js);
    const printed = execFileSync(process.execPath, [file], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
    if (update) writeFileSync(stdout, printed);
    assert.fixture(printed, readFileSync(stdout, "utf8"));
  });
}

test.run();
