// The README's "Setting up the transformer", done as a user does it: in an empty folder, its
// commands and files taken from README.md itself (so this test breaks when the README changes),
// with `npm install miou` installing the packed package. Then the other ways to run the same
// program from the installed package, its compile API, and the source maps it ships.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { userEnv } from "../helpers.js";

const root = join(import.meta.dirname, "..", "..");
const project = mkdtempSync(join(tmpdir(), "miou-readme-"));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: "utf8", env: userEnv() });

/** The fenced code blocks of a README section, with the line that introduces each. */
function blocks(section: string): { lang: string; intro: string; code: string }[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const start = readme.indexOf(`## ${section}\n`);
  assert.ok(start >= 0, `README.md has a section "${section}"`);
  const end = readme.indexOf("\n## ", start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  const out: { lang: string; intro: string; code: string }[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    const before = text.slice(0, m.index).trimEnd().split("\n");
    out.push({ lang: m[1]!, intro: before[before.length - 1]!, code: m[2]! });
  }
  return out;
}

const setup = blocks("Setting up the transformer");
const [install, config, app, build] = [setup[0]!, setup[1]!, setup[2]!, setup[3]!];
/** The shell commands of a block, one a line, without their comments. */
const commands = (code: string) => code.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim()).filter((l) => l !== "");
const shell = (line: string) => run("sh", ["-c", line]);

let tarball = "";
test.before(() => {
  tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: root, encoding: "utf8", env: userEnv() }).trim().split("\n").pop()!;
});

test.after(() => rmSync(project, { recursive: true, force: true }));

test("the README's install commands work in an empty folder", () => {
  assert.is(install.lang, "sh");
  for (const line of commands(install.code)) {
    // `npm install miou`, from the packed package instead of the registry.
    const r = shell(line.replace(/^npm install miou$/, `npm install --no-audit --no-fund ./${tarball}`));
    assert.is(r.status, 0, `${line}\n${r.stdout}${r.stderr}`);
  }
  const pkg = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  assert.ok(pkg.dependencies.miou !== undefined);
  // The peer dependencies came with miou.
  for (const [name, major] of [["typescript", 6], ["ts-patch", 4]] as const) {
    const v = (JSON.parse(readFileSync(join(project, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    assert.is(Number(v.split(".")[0]), major, `${name} ${v}`);
  }
});

test("the README's tsconfig.json and src/app.ts, built with npx tspc, run as it says", () => {
  assert.is(config.lang, "jsonc");
  assert.match(config.intro, "`tsconfig.json`");
  writeFileSync(join(project, "tsconfig.json"), config.code);
  assert.match(app.intro, "`src/app.ts`");
  mkdirSync(join(project, "src"), { recursive: true });
  writeFileSync(join(project, "src", "app.ts"), app.code);
  const expected = /console\.log\(v\); \/\/ (.*)$/m.exec(app.code)![1]!;
  const [tspc, start] = commands(build.code);
  assert.is(tspc, "npx tspc");
  const b = shell(tspc!);
  assert.is(b.status, 0, b.stdout + b.stderr);
  assert.ok(existsSync(join(project, "dist", "app.js.map")), "sourceMap: true emits a map");
  const r = shell(start!);
  assert.is(r.stdout, `${expected}\n`, r.stderr);
});

test("an error in the README's set-up names the src/app.ts line it was thrown at, mapped", () => {
  writeFileSync(join(project, "src", "throws.ts"), `import * as Miou from "miou";\nfunction f(): void {\n  Miou.yield_();\n  throw new Error("boom");\n}\nawait Miou.run(f);\n`);
  assert.is(shell("npx tspc").status, 0);
  const r = shell(commands(build.code)[1]!.replace("dist/app.js", "dist/throws.js"));
  assert.match(r.stderr, /Error: boom\n\s+at f \(.*src\/throws\.ts:4:9\)/);
  rmSync(join(project, "src", "throws.ts"));
  rmSync(join(project, "dist", "throws.js"));
});

test("tspc --noEmit reports MIOU errors, as the README says", () => {
  writeFileSync(join(project, "src", "bad.ts"), `import * as Miou from "miou";\nMiou.yield_();\n`);
  const r = shell("npx tspc --noEmit --pretty false");
  rmSync(join(project, "src", "bad.ts"));
  assert.is(r.status, 2, r.stdout + r.stderr);
  assert.ok(/src\/bad\.ts\(2,1\): error TS9104: MIOU1004: /.test(r.stdout), r.stdout);
});

test("npx miou run, the loader, check and doctor work from the installed package", () => {
  assert.is(run("npx", ["miou", "run", "src/app.ts"]).stdout, "42\n");
  assert.is(run(process.execPath, ["--import", "miou/register", "src/app.ts"]).stdout, "42\n");
  const check = run("npx", ["miou", "check"]);
  assert.is(check.status, 0, check.stderr);
  const doctor = run("npx", ["miou", "doctor"]);
  assert.is(doctor.status, 0, doctor.stdout);
  assert.match(doctor.stdout, "miou doctor: no problems");
});

test("the README's compile API example runs from the installed package", () => {
  const example = blocks("Setting up the transformer").find((b) => b.code.includes('from "miou/compile"'));
  assert.ok(example !== undefined, "the README shows miou/compile");
  writeFileSync(join(project, "src", "compile-demo.ts"), example!.code);
  const r = run("npx", ["miou", "run", "src/compile-demo.ts"]);
  rmSync(join(project, "src", "compile-demo.ts"));
  assert.ok(/\nexport function\* main\(\) \{\n/.test(r.stdout), r.stdout + r.stderr);
  assert.match(r.stdout, "\n[]\n");
});

test("every source file the shipped source maps name is in the package", () => {
  const pkg = join(project, "node_modules", "miou");
  const missing: string[] = [];
  for (const dir of ["dist", "dist/browser"]) {
    for (const f of readdirSync(join(pkg, dir)).filter((f) => f.endsWith(".map"))) {
      const map = JSON.parse(readFileSync(join(pkg, dir, f), "utf8")) as { sources: string[] };
      for (const s of map.sources) if (!existsSync(resolve(dirname(join(pkg, dir, f)), s))) missing.push(`${dir}/${f}: ${s}`);
    }
  }
  assert.equal(missing, []);
});

test.run();
