// The compile API over an in-memory file system (the playground's Web Worker has no disk) gives
// the same JavaScript, facts and diagnostics as over the disk.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import ts from "typescript";
import { compile, memoryFileSystem } from "../../transformer/hosts/compile/compile.js";
import { libraryFiles } from "../../playground/build/libs.js";
import { LAYOUT } from "../../playground/worker/layout.js";

const root = join(import.meta.dirname, "..", "..");
const options = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ["lib.es2024.d.ts"], types: [] };
const program = `import * as Miou from "miou";
function slow(n: number): number {
  Miou.yield_();
  return n * 2;
}
export const v = Miou.run(() => Miou.await_exn(Miou.async(() => slow(21))));
const wrong: string = Miou.await_exn;
`;

test("in memory and on disk: the same JavaScript, facts and diagnostics", () => {
  const disk = join(root, ".cache", "compile-memory");
  const onDisk = compile({ files: { [`${disk}/main.ts`]: program }, cwd: disk, compilerOptions: options });
  const fs = memoryFileSystem(libraryFiles(root), LAYOUT.lib);
  const inMemory = compile({ files: { [`${LAYOUT.app}/main.ts`]: program }, cwd: LAYOUT.app, compilerOptions: options, fileSystem: fs });
  const js = (out: typeof onDisk, dir: string) => out.outputs.get(`${dir}/main.js`);
  assert.ok(js(onDisk, disk)!.includes("function* slow"), "compiled on disk");
  assert.is(js(inMemory, LAYOUT.app), js(onDisk, disk));
  assert.is(inMemory.facts, onDisk.facts);
  assert.match(inMemory.facts, /^slow, at main\.ts:2:1, suspends:$/m);
  const strip = (out: typeof onDisk) => out.diagnostics.map((d) => ({ ...d, file: d.file?.replace(/^.*\//, "") }));
  assert.equal(strip(inMemory), strip(onDisk));
  assert.is(inMemory.diagnostics.length, 1, JSON.stringify(inMemory.diagnostics));
  assert.is(inMemory.diagnostics[0]!.code, 2322);
});

test.run();
