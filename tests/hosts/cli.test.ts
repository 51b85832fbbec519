// The hosts as users run them: `npx miou run/print/check` and `node --import miou/register`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const here = (...p: string[]) => join(import.meta.dirname, ...p);
const node = (args: string[], cwd = root) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test("miou run compiles the program across modules and runs it, passing its arguments", () => {
  const r = node([cli, "run", here("project", "app.ts"), "a", "b"]);
  assert.is(r.err, "");
  assert.is(r.out, "42 a,b\n");
  assert.is(r.code, 0);
});

/** The `at` lines of a stack, as `name file:line` (the file's name relative to the project). */
const frames = (stack: string) =>
  stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim().replace(/^at (?:(\S+) \()?(?:file:\/\/)?(.*?):(\d+):\d+\)?$/, (_, name: string | undefined, file: string, line: string) => `${name ?? "top"} ${file.replace(`${root}/`, "")}:${line}`));

test("miou run prints an uncaught error as Node does: the user's frames, then run's call site", () => {
  const r = node([cli, "run", here("project", "throws.ts")]);
  assert.is(r.code, 1);
  assert.match(r.err, "Error: deep down\n");
  assert.equal(frames(r.err).slice(0, 4), [
    "inner tests/hosts/project/throws.ts:7",
    "outer tests/hosts/project/throws.ts:10",
    "<anonymous> tests/hosts/project/throws.ts:12",
    "ModuleJob.run node:internal/modules/esm/module_job:" + /module_job:(\d+)/.exec(r.err)![1],
  ]);
});

test("under the loader, an uncaught error's stack names the .ts files by their real paths", () => {
  const r = node(["--import", "miou/register", here("project", "throws.ts")]);
  assert.is(r.code, 1);
  assert.match(r.err, "Error: deep down\n");
  assert.equal(frames(r.err).slice(0, 3), [
    "inner tests/hosts/project/throws.ts:7",
    "outer tests/hosts/project/throws.ts:10",
    "<anonymous> tests/hosts/project/throws.ts:12",
  ]);
});

// The programs of tests/programs/ that check stacks, by `miou run` and by the loader: the same
// output as their tspc build, at depth 10,000 too.
for (const name of ["stack", "deep-stack", "forgotten-child", "leaked-resource"]) {
  const program = join(root, "tests", "programs", `${name}.ts`);
  const expected = readFileSync(join(root, "tests", "programs", `${name}.stdout`), "utf8");
  test(`tests/programs/${name}.ts prints the same under miou run and under the loader`, () => {
    const viaRun = node([cli, "run", program]);
    assert.fixture(viaRun.out, expected);
    const viaLoader = node(["--import", "miou/register", program]);
    assert.fixture(viaLoader.out, expected);
  });
}

test("miou print shows the transformed JavaScript", () => {
  const r = node([cli, "print", here("project", "lib.ts")]);
  assert.match(r.out, "export function* slowDouble(x) {");
  assert.match(r.out, "yield at_1(Miou.yield_(), s_1)");
});

test("miou print --facts says which functions suspend and why", () => {
  const r = node([cli, "print", here("project", "app.ts"), "--facts"]);
  assert.match(r.out, /slowDouble, at tests\/hosts\/project\/lib\.ts:3:1, suspends:\n {2}slowDouble calls ⏸ Miou\.yield_ at tests\/hosts\/project\/lib\.ts:4:3/);
});

test("miou check reports MIOU diagnostics as file(line,col) and exits 1", () => {
  const r = node([cli, "check", "-p", here("broken", "tsconfig.json")]);
  assert.is(r.code, 1);
  assert.match(r.err, "tests/hosts/broken/bad.ts(3,1): error MIOU1004: `Miou.yield_` suspends, but it is called at the top level");
});

test("miou check of a clean project exits 0", () => {
  const r = node([cli, "check", "-p", here("project", "tsconfig.json")]);
  assert.is(r.code, 0, r.err);
});

test("miou run refuses a program with errors, printing them", () => {
  const r = node([cli, "run", here("broken", "bad.ts")]);
  assert.is(r.code, 1);
  assert.match(r.err, "error MIOU1004");
});

test("a bad command prints the usage and exits 2", () => {
  const r = node([cli, "frobnicate"]);
  assert.is(r.code, 2);
  assert.match(r.err, "unknown command 'frobnicate'");
  assert.match(r.err, "miou run <file.ts>");
});

test("node --import miou/register runs direct-style TypeScript", () => {
  const r = node(["--import", "miou/register", here("project", "app.ts"), "x"]);
  assert.is(r.err, "");
  assert.is(r.out, "42 x\n");
});

test("node app.ts without the transformer never misbehaves", () => {
  // A single-file program: Node's type stripping resolves no `./x.js` imports of `.ts` files.
  const r = node([join(root, "tests", "programs", "hello.ts")]);
  assert.is.not(r.code, 0);
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  if (major > 22 || (major === 22 && minor >= 18)) {
    // Node strips the types and runs the file: the first ⏸ call says how to enable the transformer.
    assert.match(r.err, "TypeError: Miou.async suspends, but it was called from a plain function");
  } else {
    assert.match(r.err, "ERR_UNKNOWN_FILE_EXTENSION");
  }
});

test.run();
