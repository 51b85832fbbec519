/**
 * Compiles and runs both versions of a batch of programs, and compares their traces. (A) goes
 * through the in-memory compile API with the transformer, all programs of a batch in one
 * compile (one type-check of the libraries for many programs); (B) through
 * `ts.transpileModule`. Both are emitted as CommonJS (`.cts`) and run in this process with a
 * `require` that hands out this package's own `miou` and the shared prelude.
 */
import ts from "typescript";
import { join } from "node:path";
import * as Miou from "miou";
import * as Compiled from "miou/compiled";
import { compile, type CompileDiagnostic } from "../../transformer/hosts/compile/compile.js";
import { headerLines, prelude, source } from "./versions.js";
import type { Node } from "./tree.js";

export type Target = "es2022" | "es5";

export type Outcome =
  | { kind: "same"; trace: string[] }
  /** A documented MIOU diagnostic: an allowed answer, counted. */
  | { kind: "rejected"; codes: string[] }
  /** The generator's fault: the program is not valid TypeScript. */
  | { kind: "invalid"; message: string }
  /** A silent difference: the failure this fuzzer exists for. */
  | { kind: "differ"; direct: string[]; plain: string[] }
  /** The transformer threw, or gave an undocumented diagnostic. */
  | { kind: "crash"; message: string };

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, ".cache", "fuzz");
/** MIOU1001..1005 as README's Diagnostics table lists them, and MIOU1006 (calls through values). */
const documented = new Set([9101, 9102, 9103, 9104, 9105, 9106]);

/** Where the time goes: the compile of (A), the rest (transpiling and running both versions). */
export const timing = { compile: 0 };

export function compilerOptions(target: Target): ts.CompilerOptions {
  const common = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, sourceMap: false, strict: true };
  if (target === "es2022") return { ...common, target: ts.ScriptTarget.ES2022 };
  // As tests/programs/tsconfig.es5.json: TypeScript lowers the generators.
  return { ...common, target: ts.ScriptTarget.ES5, lib: ["lib.es2022.d.ts"], downlevelIteration: true, ignoreDeprecations: "6.0" };
}

function transpile(text: string, target: Target): string {
  const options = { ...compilerOptions(target), module: ts.ModuleKind.CommonJS, moduleResolution: undefined };
  return ts.transpileModule(text, { compilerOptions: options, fileName: "plain.cts" }).outputText;
}

const preludes = new Map<Target, { reset(): void }>();
function preludeOf(target: Target) {
  let p = preludes.get(target);
  if (p === undefined) {
    p = load(transpile(prelude, target), target) as { reset(): void };
    preludes.set(target, p);
  }
  return p;
}

function load(js: string, target: Target): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (spec: string): unknown => {
    if (spec === "miou") return Miou;
    if (spec === "miou/compiled") return Compiled;
    if (spec === "./prelude.cjs") return preludeOf(target);
    throw new Error(`a generated program required ${spec}`);
  };
  new Function("require", "exports", "module", js)(require, module.exports, module);
  return module.exports;
}

/** Runs one compiled program: its trace, a fresh one each time. */
async function execute(js: string, target: Target): Promise<string[]> {
  const exports = load(js, target);
  preludeOf(target).reset();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve(["<timed out after 10 s>"]), 10_000)));
  try {
    return [...(await Promise.race([(exports.run as () => Promise<string[]>)(), timeout]))];
  } finally {
    clearTimeout(timer);
  }
}

const fileOf = (i: number) => join(dir, `p${i}.cts`);

/** Checks each program of the batch at `target`. */
export async function check(trees: Node[], target: Target): Promise<Outcome[]> {
  const files = new Map<string, string>([[join(dir, "prelude.cts"), prelude]]);
  trees.forEach((t, i) => files.set(fileOf(i), source(t, "direct")));
  let compiled: ReturnType<typeof compile>;
  try {
    const t = performance.now();
    compiled = compile({ files, cwd: root, compilerOptions: compilerOptions(target) });
    timing.compile += performance.now() - t;
  } catch (e) {
    if (trees.length === 1) return [{ kind: "crash", message: `the transformer threw: ${(e as Error).stack}` }];
    const half = trees.length >> 1;
    return [...(await check(trees.slice(0, half), target)), ...(await check(trees.slice(half), target))];
  }
  const outcomes: Outcome[] = [];
  for (let i = 0; i < trees.length; i++) {
    const diagnostics = compiled.diagnostics.filter((d) => d.file === fileOf(i) || d.file === undefined || d.file.endsWith("prelude.cts"));
    const js = compiled.outputs.get(fileOf(i).replace(/\.cts$/, ".cjs"));
    outcomes.push(await judge(trees[i]!, target, diagnostics, js));
  }
  return outcomes;
}

async function judge(tree: Node, target: Target, diagnostics: CompileDiagnostic[], js: string | undefined): Promise<Outcome> {
  const where = (d: CompileDiagnostic) => `line ${(d.line ?? 0) - headerLines("direct")}: ${d.message}`;
  const ts = diagnostics.filter((d) => d.code < 9100 || d.code > 9199);
  if (ts.length > 0) return { kind: "invalid", message: ts.map(where).join("\n") };
  const unknown = diagnostics.filter((d) => !documented.has(d.code));
  if (unknown.length > 0) return { kind: "crash", message: `undocumented diagnostic: ${unknown.map(where).join("\n")}` };
  if (diagnostics.length > 0) return { kind: "rejected", codes: [...new Set(diagnostics.map((d) => d.message.slice(0, 8)))] };
  if (js === undefined) return { kind: "crash", message: "no output emitted" };
  const plain = await execute(transpile(source(tree, "plain"), target), target);
  let direct: string[];
  try {
    direct = await execute(js, target);
  } catch (e) {
    direct = [`<loading the compiled program threw ${(e as Error).name}: ${(e as Error).message}>`];
  }
  if (direct.join("\n") === plain.join("\n")) return { kind: "same", trace: plain };
  // TypeScript's own ES5 lowering departs from JavaScript in places (a parameter default's
  // closure sees the body's `var`s once defaults move into the body): there, (A) may keep what
  // JavaScript means, which is the plain program's meaning at ES2022.
  if (target === "es5") {
    const meant = await execute(transpile(source(tree, "plain"), "es2022"), "es2022");
    if (meant.join("\n") !== plain.join("\n") && direct.join("\n") === meant.join("\n")) return { kind: "same", trace: meant };
  }
  return { kind: "differ", direct, plain };
}
