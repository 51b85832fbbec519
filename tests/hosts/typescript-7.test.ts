// The README's TypeScript 7 set-up, end to end, as a user does it: the packed package installed
// in a fresh project beside typescript@7 (whose tsc runs no transformer) and Vite; tsc --noEmit
// type-checks the direct-style code, vite build with miou/vite builds it (miou brings its own
// TypeScript 6 for that), node runs it, and npx miou check reports the MIOU diagnostics.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { userEnv } from "../helpers.js";

const root = join(import.meta.dirname, "..", "..");
const project = mkdtempSync(join(tmpdir(), "miou-ts7-"));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: "utf8", env: userEnv() });

const app = `import * as Miou from "miou";
function work(n: number): number {
  Miou.yield_();
  return n * 2;
}
const v = await Miou.run(() => Miou.await_exn(Miou.async(() => work(21))));
console.log(\`result \${v}\`);
`;

test.before(() => {
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: root, encoding: "utf8", env: userEnv() }).trim().split("\n").pop()!;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", join(project, tarball), "typescript@7", "vite@8", "@types/node@20"], { cwd: project, stdio: ["ignore", "pipe", "pipe"], env: userEnv() });
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", types: ["node"], strict: true, noEmit: true }, include: ["src"] }));
  writeFileSync(
    join(project, "vite.config.ts"),
    `import { defineConfig } from "vite";\nimport miou from "miou/vite";\n\nexport default defineConfig({\n  plugins: [miou()],\n  build: { ssr: "src/app.ts", outDir: "dist", target: "node20" },\n});\n`,
  );
  mkdirSync(join(project, "src"));
  writeFileSync(join(project, "src", "app.ts"), app);
});

test.after(() => rmSync(project, { recursive: true, force: true }));

test("TypeScript 7's tsc type-checks; vite build with miou/vite builds; node runs the output", () => {
  const version = run("npx", ["tsc", "--version"]);
  assert.match(version.stdout, /Version 7\./, "the project's tsc is TypeScript 7");
  const check = run("npx", ["tsc", "--noEmit"]);
  assert.is(check.status, 0, check.stdout + check.stderr);
  const build = run("npx", ["vite", "build"]);
  assert.is(build.status, 0, build.stdout + build.stderr);
  assert.is(run(process.execPath, ["dist/app.js"]).stdout, "result 42\n");
});

test("npx miou check reports a MIOU diagnostic that tsc --noEmit does not", () => {
  writeFileSync(join(project, "src", "bad.ts"), `import * as Miou from "miou";\nexport const x = 1;\nMiou.yield_();\n`);
  assert.is(run("npx", ["tsc", "--noEmit"]).status, 0, "TypeScript 7 sees nothing wrong");
  const check = run("npx", ["miou", "check"]);
  assert.is(check.status, 1);
  assert.match(check.stdout + check.stderr, /src\/bad\.ts\(3,1\): error MIOU1004: /);
  const build = run("npx", ["vite", "build"]);
  assert.is(build.status, 0, "bad.ts is not part of the build");
  rmSync(join(project, "src", "bad.ts"));
});

test.run();
