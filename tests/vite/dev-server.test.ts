// The Vite dev server with miou/vite: edit a module so that its function stops suspending, and
// the module importing it, which Vite would otherwise serve from its cache, is transformed again
// with the new facts (a plain function again), as a cold start would give. No port is opened.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, type Plugin, type ViteDevServer } from "vite";
import miou from "../../dist/vite.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, ".cache", "vite-dev");

const suspending = `import * as Miou from "miou";\nexport function work(n: number): number {\n  Miou.yield_();\n  return n * 2;\n}\n`;
const plain = `export function work(n: number): number {\n  return n * 2;\n}\n`;
const main = `import * as Miou from "miou";\nimport { work } from "./lib.js";\nexport function twice(n: number): number {\n  return work(work(n));\n}\nexport const result = Miou.run(() => twice(1));\n`;

let server: ViteDevServer | undefined;
/** How many times each module went through the plugins' transforms (Vite's own cache spares a module it keeps). */
const transforms = new Map<string, number>();
const counter: Plugin = { name: "count-transforms", transform: (_code, id) => void transforms.set(id, (transforms.get(id) ?? 0) + 1) };
test.after(async () => {
  await server?.close();
});

/**
 * Waits until Vite dropped the module's cached output, as it does when told it is stale. With
 * `edited`, a file written just before: if the watcher has not told Vite within 3 s (a long run
 * of many servers in one process can leave a watcher behind), it is told as the watcher would.
 */
async function invalidated(file: string, edited?: string): Promise<void> {
  const graph = server!.environments.client.moduleGraph;
  for (let i = 0; i < 2000; i++) {
    if (i === 300 && edited !== undefined) server!.watcher.emit("change", edited);
    const m = graph.getModuleById(file);
    if (m !== undefined && m.transformResult === null) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.unreachable(`${file} was never invalidated: its facts changed, its output is stale`);
}

test("an edit that makes a function stop suspending transforms its importer again", async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, types: [] }, include: ["*.ts"] }));
  writeFileSync(join(dir, "lib.ts"), suspending);
  writeFileSync(join(dir, "main.ts"), main);
  server = await createServer({ root: dir, configFile: false, logLevel: "silent", plugins: [miou({ cache: false }), counter], server: { middlewareMode: true, ws: false }, appType: "custom" });

  const before = await server.transformRequest("/main.ts");
  assert.match(before!.code, /function\* twice/, "twice suspends while work does");
  assert.match((await server.transformRequest("/lib.ts"))!.code, /function\* work/);

  writeFileSync(join(dir, "lib.ts"), plain);
  await invalidated(join(dir, "main.ts"));
  const after = await server.transformRequest("/main.ts");
  assert.not.match(after!.code, /function\*/, "twice is a plain function again");
  assert.match(after!.code, /function twice/);
  assert.not.match((await server.transformRequest("/lib.ts"))!.code, /function\*/);
});

test("an edit that changes no fact transforms the edited module again, not its importer", async () => {
  const lib = join(dir, "lib.ts");
  const main = join(dir, "main.ts");
  writeFileSync(lib, suspending); // work suspends again: main.ts is transformed again
  await invalidated(main, lib);
  assert.match((await server!.transformRequest("/main.ts"))!.code, /function\* twice/);
  await server!.transformRequest("/lib.ts");
  const before = { lib: transforms.get(lib)!, main: transforms.get(main) };
  writeFileSync(lib, suspending.replace("n * 2", "n * 2 + 1"));
  // What the file watcher tells Vite, told now (the first test leaves it to the watcher, which a
  // long test run in one process may leave behind: this test is about what the plugin does then).
  server!.watcher.emit("change", lib);
  for (let i = 0; !(await server!.transformRequest("/lib.ts"))!.code.includes("n * 2 + 1"); i++) {
    if (i === 2000) assert.unreachable("lib.ts was never transformed again after its edit");
    await new Promise((r) => setTimeout(r, 10));
  }
  await server!.transformRequest("/main.ts");
  assert.ok(transforms.get(lib)! > before.lib, "lib.ts is transformed again");
  assert.is(transforms.get(main), before.main, "main.ts keeps its output: its facts did not change");
});

test("a MIOU diagnostic is the module's error, with its position and code frame", async () => {
  writeFileSync(join(dir, "bad.ts"), `import * as Miou from "miou";\nexport const x = 1;\nMiou.yield_();\n`);
  let error: { message: string; loc?: { line: number; column: number }; frame?: string; plugin?: string } | undefined;
  try {
    await server!.transformRequest("/bad.ts");
  } catch (e) {
    error = e as typeof error;
  }
  assert.ok(error !== undefined, "the module does not build");
  assert.match(error!.message, /MIOU1004: `Miou.yield_` suspends, but it is called at the top level/);
  assert.is(error!.plugin, "miou");
  assert.equal([error!.loc?.line, error!.loc?.column], [3, 0]);
  assert.match(error!.frame ?? "", /3 +\| +Miou.yield_\(\);/);
});

// With the build cache (the default): a dev server that starts from the cache (no TypeScript
// program is built) still updates an importer when an edit changes its facts.
test("a server started from the build cache: an edit that changes facts still updates the importer", async () => {
  await server?.close();
  const warm = join(root, ".cache", "vite-dev-warm");
  const project = join(warm, "project");
  rmSync(warm, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, types: [] }, include: ["*.ts"] }));
  writeFileSync(join(project, "lib.ts"), suspending);
  writeFileSync(join(project, "main.ts"), main);
  const start = () => createServer({ root: project, configFile: false, logLevel: "silent", plugins: [miou({ cache: join(warm, "store") })], server: { middlewareMode: true, ws: false }, appType: "custom" });
  server = await start();
  await server.transformRequest("/main.ts");
  await server.transformRequest("/lib.ts");
  await server.close(); // writes the cache
  server = await start();
  assert.match((await server.transformRequest("/main.ts"))!.code, /function\* twice/);
  assert.match((await server.transformRequest("/lib.ts"))!.code, /function\* work/);
  writeFileSync(join(project, "lib.ts"), plain);
  server.watcher.emit("change", join(project, "lib.ts"));
  for (let i = 0; /function\*/.test((await server.transformRequest("/main.ts"))!.code); i++) {
    if (i === 2000) assert.unreachable("main.ts kept the output of the cache after lib.ts's edit");
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.match((await server.transformRequest("/main.ts"))!.code, /function twice/);
});

test.run();
