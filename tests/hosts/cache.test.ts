// The compile cache of `miou run`, `miou print` and the loader, on a real project folder: an
// unchanged re-run compiles nothing and loads no TypeScript; an edit recompiles, every module
// that the edit changes included; a worker domain under the loader reuses the main thread's
// compilation. Whether something was compiled is read from the files a compilation writes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const project = mkdtempSync(join(tmpdir(), "miou-cache-"));
const cacheRoot = join(project, ".cache", "miou");

/**
 * Reports on stderr, when the process exits, whether TypeScript was loaded (by `import` or by
 * `require`: either way it is in the CommonJS module cache).
 */
const watchTypeScript = `data:text/javascript,${encodeURIComponent(
  `import { createRequire } from "node:module";
const { cache } = createRequire(process.cwd() + "/");
process.on("exit", () => { if (Object.keys(cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f))) process.stderr.write("[typescript loaded]\\n"); });`,
)}`;

const node = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const miou = (...args: string[]) => node(["--import", watchTypeScript, cli, ...args]);

/** Every cache folder with the modification time of its manifest and .tsbuildinfo. */
function writes(): string[] {
  let dirs: string[] = [];
  try {
    dirs = readdirSync(cacheRoot);
  } catch {
    return [];
  }
  return dirs.flatMap((d) => ["manifest.json", "tsbuildinfo"].map((f) => `${d}/${f}@${statSync(join(cacheRoot, d, f), { throwIfNoEntry: false })?.mtimeMs}`));
}

const LIB_PLAIN = `export function double(x: number): number {
  return x * 2;
}
`;
const LIB_SUSPENDING = `import * as Miou from "miou";
export function double(x: number): number {
  Miou.yield_();
  return x * 2 + 1000;
}
`;

test.before(() => {
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules", "miou"));
  symlinkSync(join(root, "node_modules", "@types"), join(project, "node_modules", "@types"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, types: ["node"] } }));
  writeFileSync(join(project, "lib.ts"), LIB_PLAIN);
  // `twice` calls `double` plainly: whether it suspends depends on lib.ts alone.
  writeFileSync(
    join(project, "app.ts"),
    `import * as Miou from "miou";
import { double } from "./lib.js";
function twice(x: number): number {
  return double(double(x));
}
console.log(await Miou.run(() => twice(Number(process.argv[2]))));
`,
  );
  // The portable function lives in plib.ts: a worker first loads plib.ts, not the entry.
  writeFileSync(
    join(project, "plib.ts"),
    `import * as Miou from "miou";
export function doubles(xs: number[]): Miou.Result<number>[] {
  return Miou.parallel((x: number) => x * 2, xs);
}
`,
  );
  writeFileSync(
    join(project, "par.ts"),
    `import * as Miou from "miou";
import { doubles } from "./plib.js";
const [a, b] = await Miou.run(() => doubles([1, 2]), { domains: 1 });
console.log(a!.ok && a!.value, b!.ok && b!.value);
`,
  );
});

test.after(() => rmSync(project, { recursive: true, force: true }));

test("miou run compiles once; an unchanged re-run writes nothing and loads no TypeScript", () => {
  const first = miou("run", "app.ts", "5");
  assert.is(first.out, "20\n", first.err);
  assert.match(first.err, "[typescript loaded]");
  const before = writes();
  assert.is(before.length, 2);
  const again = miou("run", "app.ts", "6");
  assert.is(again.out, "24\n", again.err);
  assert.is(again.err, "");
  assert.equal(writes(), before);
  const print = miou("print", "app.ts");
  assert.match(print.out, "function twice(x) {");
  assert.is(print.err, "");
});

test("an edit recompiles, and modules whose calls it made suspending are emitted again", () => {
  const before = writes();
  writeFileSync(join(project, "lib.ts"), LIB_SUSPENDING);
  const r = miou("run", "app.ts", "5");
  assert.is(r.out, `${(5 * 2 + 1000) * 2 + 1000}\n`, r.err);
  assert.match(r.err, "[typescript loaded]");
  assert.not.equal(writes(), before);
  assert.match(miou("print", "app.ts").out, "function* twice(x) {");
  // And back: the cache never serves a compilation of other contents.
  writeFileSync(join(project, "lib.ts"), LIB_PLAIN);
  assert.is(miou("run", "app.ts", "5").out, "20\n");
});

test("a compile error is reported on every run, never cached", () => {
  writeFileSync(join(project, "bad.ts"), `const x: number = "no";\nconsole.log(x);\n`);
  for (let i = 0; i < 2; i++) {
    const r = miou("run", "bad.ts");
    assert.is(r.code, 1);
    assert.match(r.err, "bad.ts(1,7): error TS2322");
  }
  rmSync(join(project, "bad.ts"));
});

test("under the loader, worker domains reuse the main thread's compilation", () => {
  rmSync(cacheRoot, { recursive: true, force: true });
  const first = node(["--import", "miou/register", "par.ts"]);
  assert.is(first.out, "2 4\n", first.err);
  // One compilation, of par.ts's program: a worker that compiled from plib.ts (where the
  // portable function's module is) would have made a second cache folder.
  const after = writes();
  assert.is(after.length, 2, after.join(", "));
  const again = node(["--import", "miou/register", "par.ts"]);
  assert.is(again.out, "2 4\n", again.err);
  assert.equal(writes(), after);
});

test.run();
