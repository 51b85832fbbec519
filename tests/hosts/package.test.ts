// The README's set-up, end to end, as a user does it: the packed package installed in a fresh
// project beside typescript@~6.0 and ts-patch@4, then tspc with "miou/transformer" from
// tsconfig.json, npx miou run, the loader and miou check.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const project = mkdtempSync(join(tmpdir(), "miou-user-"));
const npm = (args: string[]) => execFileSync("npm", args, { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });

test.before(() => {
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: root, encoding: "utf8" }).trim().split("\n").pop()!;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
  npm(["install", "--no-audit", "--no-fund", join(project, tarball), "typescript@~6.0", "ts-patch@4", "@types/node@20"]);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", types: ["node"], strict: true, rootDir: "src", outDir: "dist", plugins: [{ transform: "miou/transformer" }] },
    }),
  );
  mkdirSync(join(project, "src"));
  writeFileSync(
    join(project, "src", "app.ts"),
    `import * as Miou from "miou";
function work(n: number): number {
  Miou.yield_();
  return n * 2;
}
const v = await Miou.run(() => Miou.await_exn(Miou.async(() => work(21))));
console.log(\`result \${v}\`);
`,
  );
});

test.after(() => rmSync(project, { recursive: true, force: true }));

test("npx tspc builds with the plugin named miou/transformer; node runs the output", () => {
  const build = run("npx", ["tspc"]);
  assert.is(build.status, 0, build.stdout + build.stderr);
  assert.is(run(process.execPath, ["dist/app.js"]).stdout, "result 42\n");
});

test("npx miou run, the loader and npx miou check work from the installed package", () => {
  assert.is(run("npx", ["miou", "run", "src/app.ts"]).stdout, "result 42\n");
  assert.is(run(process.execPath, ["--import", "miou/register", "src/app.ts"]).stdout, "result 42\n");
  const check = run("npx", ["miou", "check"]);
  assert.is(check.status, 0, check.stderr);
});

test.run();
