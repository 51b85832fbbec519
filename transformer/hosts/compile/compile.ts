/**
 * The in-memory compile API: TypeScript files in, JavaScript, source maps and diagnostics out,
 * through the real compiler with the transformer. The CLI, the loader, the playground and the
 * fixture tests use it.
 */
import ts from "typescript";
import { createMiou } from "../../core.js";

export interface CompileInput {
  /** Source files by path (absolute, or relative to `cwd`). */
  files: Map<string, string> | Record<string, string>;
  /** The folder relative paths and call sites are taken from; default: the process's. */
  cwd?: string;
  compilerOptions?: ts.CompilerOptions;
}

export interface CompileDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  code: number;
  message: string;
}

export interface CompileOutput {
  /** Emitted files by path: `.js`, `.js.map`, `.d.ts`. */
  outputs: Map<string, string>;
  diagnostics: CompileDiagnostic[];
}

export const defaultCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  sourceMap: true,
  skipLibCheck: true,
  types: [],
};

export function compile(input: CompileInput): CompileOutput {
  const cwd = input.cwd ?? process.cwd();
  const absolute = (p: string) => (p.startsWith("/") ? p : `${cwd}/${p}`);
  const files = new Map([...(input.files instanceof Map ? input.files : Object.entries(input.files))].map(([p, text]) => [absolute(p), text]));
  const options = { ...defaultCompilerOptions, ...input.compilerOptions };
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, directoryExists } = host;
  const folders = new Set([...files.keys()].flatMap((p) => ancestors(p)));
  host.readFile = (p) => files.get(p) ?? readFile(p);
  host.fileExists = (p) => files.has(p) || fileExists(p);
  host.directoryExists = (d) => folders.has(d) || (directoryExists?.(d) ?? false);
  host.getCurrentDirectory = () => cwd;
  const outputs = new Map<string, string>();
  host.writeFile = (p, text) => void outputs.set(p, text);

  const program = ts.createProgram([...files.keys()], options, host);
  const miou = createMiou(ts, program);
  const emitted = program.emit(undefined, undefined, undefined, false, miou.transformers);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...miou.diagnostics, ...emitted.diagnostics].map(describe);
  return { outputs, diagnostics };
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.lastIndexOf("/"); i > 0; i = path.lastIndexOf("/", i - 1)) out.push(path.slice(0, i));
  return out;
}

function describe(d: ts.Diagnostic): CompileDiagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (d.file === undefined || d.start === undefined) return { code: d.code, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: d.file.fileName, line: line + 1, column: character + 1, code: d.code, message };
}
