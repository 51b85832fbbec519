// `npx miou doctor` on real project folders, each with one set-up mistake a newcomer makes, and
// `npx miou run` / the loader where TypeScript 7 replaced TypeScript 6: each names the fix.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { userEnv } from "../helpers.js";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const base = mkdtempSync(join(tmpdir(), "miou-doctor-"));
/** Installed from the packed package, then TypeScript 7 and ts-patch 3 over miou's peers. */
const wrong = join(base, "wrong-versions");
/** The repository's own TypeScript 6 and ts-patch 4, with a tsconfig.json per mistake. */
const good = join(base, "good-versions");

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: userEnv() });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const npm = (args: string[], cwd: string) => execFileSync("npm", ["--no-audit", "--no-fund", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: userEnv() });

const APP = `import * as Miou from "miou";\nconsole.log(await Miou.run(() => Miou.await_exn(Miou.async(() => 42))));\n`;
const tsconfig = (options: Record<string, unknown>) => JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, ...options } });

test.before(() => {
  mkdirSync(wrong);
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", base], { cwd: root, encoding: "utf8", env: userEnv() }).trim().split("\n").pop()!;
  writeFileSync(join(wrong, "package.json"), JSON.stringify({ name: "wrong", private: true, type: "module" }));
  npm(["install", join(base, tarball)], wrong);
  // What `npm i -D typescript ts-patch@3` does after miou: npm warns, and puts them in the project.
  npm(["install", "-D", "typescript@7", "ts-patch@3", "@types/node@20"], wrong);
  writeFileSync(join(wrong, "tsconfig.json"), tsconfig({ types: ["node"], plugins: [{ transform: "miou/transformer" }] }));
  writeFileSync(join(wrong, "app.ts"), APP);

  mkdirSync(join(good, "node_modules"), { recursive: true });
  for (const pkg of ["typescript", "ts-patch", "@types"]) symlinkSync(join(root, "node_modules", pkg), join(good, "node_modules", pkg));
  symlinkSync(root, join(good, "node_modules", "miou"));
  writeFileSync(join(good, "package.json"), JSON.stringify({ name: "good", private: true, type: "module" }));
  writeFileSync(join(good, "tsconfig.json"), tsconfig({ types: ["node"], plugins: [{ transform: "miou/transformer" }] }));
  writeFileSync(join(good, "tsconfig.name.json"), tsconfig({ types: ["node"], plugins: [{ name: "miou/transformer" }] }));
  writeFileSync(join(good, "tsconfig.no-types.json"), tsconfig({ plugins: [{ transform: "miou/transformer" }] }));
});

test.after(() => rmSync(base, { recursive: true, force: true }));

test("doctor names TypeScript 7 and ts-patch 3, with the versions to install", () => {
  const r = run("npx", ["miou", "doctor"], wrong);
  assert.is(r.code, 1, r.out + r.err);
  assert.match(r.out, /error +TypeScript 7\.\d+\.\d+ is installed, but miou needs TypeScript 6\.0: .*npm install -D typescript@~6\.0/);
  assert.match(r.out, /error +ts-patch 3\.\d+\.\d+ is installed, but TypeScript 6 needs ts-patch 4 .*npm install -D ts-patch@\^4/);
  assert.match(r.out, "miou doctor: 2 problems to fix");
});

test("npx miou run and the loader run in a TypeScript 7 project: they bring their own TypeScript 6", () => {
  const r = run("npx", ["miou", "run", "app.ts"], wrong);
  assert.is(r.code, 0, r.err);
  assert.is(r.out, "42\n");
  const l = run(process.execPath, ["--import", "miou/register", "app.ts"], wrong);
  assert.is(l.code, 0, l.err);
  assert.is(l.out, "42\n");
});

test("doctor names a plugin entry written with name where transform is meant", () => {
  const r = run(process.execPath, [cli, "doctor", "-p", "tsconfig.name.json"], good);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, 'error    tsconfig.name.json: the plugin { "name": "miou/transformer" } is a language-service plugin entry, which ts-patch ignores: the transformer never runs. Write { "transform": "miou/transformer" }');
});

test("doctor warns of a tsconfig.json without types: [\"node\"]", () => {
  const r = run(process.execPath, [cli, "doctor", "-p", "tsconfig.no-types.json"], good);
  assert.match(r.out, 'warning  tsconfig.no-types.json: compilerOptions.types does not include "node"');
  assert.match(r.out, 'Add "types": ["node"]');
});

test("doctor passes a project set up as the README says", () => {
  const r = run(process.execPath, [cli, "doctor"], good);
  assert.is(r.code, 0, r.out);
  assert.match(r.out, /ok +TypeScript 6\.0\.\d+\nok +ts-patch 4\.\d+\.\d+\nmiou doctor: no problems\n$/);
});

test.run();
