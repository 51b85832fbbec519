// The brand survives declaration output: a library built with the transformer exports suspending
// functions that its users' builds recognise.
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { join } from "node:path";
import { analyse } from "../../transformer/analyse/analyse.js";
import { functionName } from "../../transformer/analyse/facts.js";
import { compile } from "../../transformer/hosts/compile/compile.js";
import { errorsOf, programOf } from "./program.js";

const root = join(import.meta.dirname, "..", "..");

const library = `import * as Miou from "miou";
export function wait(p: Miou.Promise<number>): number;
export function wait(p: Miou.Promise<string>): string;
export function wait(p: Miou.Promise<number | string>): number | string { return Miou.await_exn(p); }
export const pause = (): void => Miou.yield_();
export class Pool { drain(): number { Miou.yield_(); return 0; } size(): number { return 1; } }
export function plain(x: number): number { return x; }
`;

test("the .d.ts of a library carries the brand on exactly its suspending exports", () => {
  const lib = join(root, "tests", "__virtual__", "lib.ts");
  const { outputs, diagnostics } = compile({ files: { [lib]: library }, cwd: root, compilerOptions: { declaration: true } });
  assert.equal(diagnostics, []);
  const dts = outputs.get(lib.replace(/\.ts$/, ".d.ts"))!;
  assert.match(dts, "export declare namespace wait {\n    const __miou_suspends: true;\n}");
  assert.match(dts, 'export declare const pause: import("miou").Suspending<() => void>;');
  assert.match(dts, 'drain: import("miou").Suspending<() => number>;');
  assert.match(dts, "size(): number;");
  assert.not.match(dts, "namespace plain");

  // A user's build against those declarations sees which library functions suspend.
  const program = programOf({
    "lib.d.ts": dts,
    "app.ts": `import * as Lib from "./lib.js";
import type * as Miou from "miou";
export function useWait(p: Miou.Promise<number>) { return Lib.wait(p); }
export function usePause() { Lib.pause(); }
export function useDrain(pool: Lib.Pool) { return pool.drain(); }
export function usePlain() { return Lib.plain(1) + new Lib.Pool().size(); }`,
  });
  assert.equal(errorsOf(program), []);
  const names = [...analyse(ts, program).suspending.keys()].map((fn) => functionName(ts, fn)).sort();
  assert.equal(names, ["useDrain", "usePause", "useWait"]);
});

test.run();
