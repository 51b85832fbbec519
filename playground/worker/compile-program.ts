/**
 * Compiling the playground's program with the compile API, the CLI's own code path: the real
 * TypeScript 6 and the transformer, over the site's declaration files held in memory.
 */
import ts from "typescript";
import { compile, type CompileFileSystem } from "../../transformer/hosts/compile/compile.js";
import { LAYOUT, LIBS } from "./layout.js";
import type { Compiled, Problem } from "./protocol.js";

/** The program's compiler options: ES2024 without the DOM, ES modules, strict. */
export const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: LIBS,
  strict: true,
  skipLibCheck: true,
  sourceMap: true,
  types: [],
};

export function compileProgram(fs: CompileFileSystem, text: string, imports: Record<string, string>): Compiled {
  const globals = fs.readFile(LAYOUT.globals)!;
  const out = compile({ files: { [LAYOUT.main]: text, [LAYOUT.globals]: globals }, cwd: LAYOUT.app, compilerOptions: OPTIONS, imports, fileSystem: fs });
  const problems = out.diagnostics.map((d) => toProblem(text, d.code, d.message, d.line, d.column));
  const js = (out.outputs.get(LAYOUT.main.replace(/\.ts$/, ".js")) ?? "").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  const map = out.outputs.get(LAYOUT.main.replace(/\.ts$/, ".js.map")) ?? "";
  return { js, map, problems, facts: out.facts };
}

/** The transformer's diagnostics are TS9101..9109 with a message `MIOU100n: ...`. */
export function problemCode(code: number, message: string): { code: string; message: string } {
  const m = /^(MIOU\d+): ([\s\S]*)$/.exec(message);
  return m !== null ? { code: m[1]!, message: m[2]! } : { code: `TS${code}`, message };
}

function toProblem(text: string, code: number, message: string, line = 1, column = 1): Problem {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const from = Math.min(text.length, (starts[line - 1] ?? 0) + column - 1);
  const named = problemCode(code, message);
  return { from, to: from, line, column, code: named.code, severity: "error", message: named.message };
}
