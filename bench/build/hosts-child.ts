/**
 * One timed measure of the generated project, in a process of its own (so each sample starts
 * cold): `service` (miou's share of a build without its cache: loading TypeScript, the program,
 * the analysis, every module rewritten and printed), or `dev neutral|facts`, the dev server's
 * update after a one-line edit (one that changes no fact, or one that makes a function suspend).
 * The builds themselves run in plain Node (build-child.mjs). Prints one line: `MIOU_BENCH <json>`.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createServer } from "vite";

const [dir, tool, mode] = process.argv.slice(2) as [string, string, string];
const src = join(dir, "src");
const modules = readdirSync(src).filter((f) => f.endsWith(".ts"));
const tsconfig = join(dir, "tsconfig.plain.json");

/**
 * miou's share of a build: what the plugins do before handing each module to the bundler. With
 * its parts: loading TypeScript; the first module (the program, its type-driven
 * analysis and diagnostics, that module's rewrite and print); every other module's rewrite and print.
 */
async function serviceOnly(): Promise<number[]> {
  const before = performance.now();
  // As the built hosts load it (see tsup.config.ts).
  createRequire(import.meta.url)("typescript");
  const typescript = performance.now() - before;
  // The service's own modules are read from their sources here (through tsx): not counted.
  const { createService } = await import("../../transformer/hosts/service/service.js");
  const loaded = performance.now();
  const start = loaded - typescript;
  const service = createService({ cwd: dir, tsconfig });
  let first = 0;
  for (const name of modules) {
    const file = join(src, name);
    service.transform(file, readFileSync(file, "utf8"));
    if (first === 0) first = performance.now();
  }
  const end = performance.now();
  return [end - start, loaded - start, first - loaded, end - first];
}

/** The one-line edits: `x + i` changes no fact; a yield added to a plain function (`f1`) makes it suspend, then not. */
const EDITS: Record<string, (text: string, i: number) => readonly [string, string]> = {
  neutral: (text, i) => [text.replace("let total = x;", `let total = x + ${i};`), `x + ${i}`],
  facts: (text, i) => {
    const at = text.indexOf("export function f1(");
    const edited = text.slice(at).replace("let total = x;", `let total = x + ${i};${i % 2 === 1 ? " Miou.yield_();" : ""}`);
    return [text.slice(0, at) + edited, `x + ${i}`];
  },
};

/** miou/vite as users get it; imported when used, so that the service mode loads no Vite plugin before its clock starts. */
const vitePlugin = async () => (await import("../../dist/vite.js")).default;

/** Save to transformed output, after a one-line edit of a module the server has transformed. */
async function devUpdate(edit: (text: string, i: number) => readonly [string, string]): Promise<number[]> {
  const miou = await vitePlugin();
  const server = await createServer({ root: dir, configFile: false, logLevel: "silent", plugins: [miou({ tsconfig, cache: false })], server: { middlewareMode: true, ws: false }, appType: "custom" });
  for (const name of modules) await server.transformRequest(`/src/${name}`);
  const file = join(src, "m50.ts");
  const original = readFileSync(file, "utf8");
  const graph = server.environments.client.moduleGraph;
  const samples: number[] = [];
  for (let i = 1; i <= 7; i++) {
    const [edited, mark] = edit(original, i);
    const start = performance.now();
    writeFileSync(file, edited);
    while (graph.getModuleById(file)?.transformResult !== null) await new Promise((r) => setImmediate(r));
    const out = await server.transformRequest("/src/m50.ts");
    if (!out!.code.includes(mark)) throw new Error("the dev server served the old module");
    samples.push(performance.now() - start);
  }
  writeFileSync(file, original);
  await server.close();
  return samples;
}

const result = tool === "service" ? await serviceOnly() : await devUpdate(EDITS[mode]!);
console.log(`MIOU_BENCH ${JSON.stringify(result)}`);
