/**
 * The in-memory compile API: TypeScript files in, JavaScript, source maps and diagnostics out,
 * through the real compiler with the transformer. The CLI, the loader, the playground and the
 * fixture tests use it.
 */
import ts from "typescript";
import { createMiou } from "../../core.js";
import { printFacts } from "../../analyse/facts.js";
import { memoryHost, type CompileFileSystem } from "./memory-host.js";

export { memoryFileSystem, type CompileFileSystem } from "./memory-host.js";

export interface CompileInput {
  /** Source files by path (absolute, or relative to `cwd`). */
  files: Map<string, string> | Record<string, string>;
  /** The folder relative paths and call sites are taken from; default: the process's. */
  cwd?: string;
  compilerOptions?: ts.CompilerOptions;
  /**
   * Module specifiers to replace in the emitted JavaScript, such as `{ miou: "/dist/browser/index.js" }`
   * for a browser: a module Web Worker has no import map, so a module that worker domains load
   * must import miou by URL.
   */
  imports?: Record<string, string>;
  /**
   * Where the files `files` does not hold are read from (lib.*.d.ts, imported packages'
   * declarations); default: the disk. An in-memory one (`memoryFileSystem`) lets `compile` run
   * where there is no disk, such as a Web Worker; its parsed files are kept from one compile to
   * the next.
   */
  fileSystem?: CompileFileSystem;
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
  /** Which functions suspend, and why, as `miou print --facts` prints it (paths relative to `cwd`). */
  facts: string;
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
  const host = input.fileSystem === undefined ? ts.createCompilerHost(options) : memoryHost(ts, input.fileSystem, options, cwd);
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
  const transformers = input.imports === undefined ? miou.transformers : { ...miou.transformers, after: [rewriteImports(input.imports)] };
  const emitted = program.emit(undefined, undefined, undefined, false, transformers);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...miou.diagnostics, ...emitted.diagnostics].map(describe);
  const facts = printFacts(ts, miou.facts, (f) => (f.startsWith(`${cwd}/`) ? f.slice(cwd.length + 1) : f));
  return { outputs, diagnostics, facts };
}

/** Replaces the specifiers of static imports, re-exports and `import("...")` found in `map`. */
function rewriteImports(map: Record<string, string>): ts.TransformerFactory<ts.SourceFile> {
  const replaced = (spec: ts.Expression | undefined): ts.StringLiteral | undefined =>
    spec !== undefined && ts.isStringLiteral(spec) && Object.hasOwn(map, spec.text) ? ts.factory.createStringLiteral(map[spec.text]!) : undefined;
  return (context) => (file) => {
    const f = context.factory;
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        const spec = replaced(node.moduleSpecifier);
        if (spec !== undefined) return f.updateImportDeclaration(node, node.modifiers, node.importClause, spec, node.attributes);
      } else if (ts.isExportDeclaration(node)) {
        const spec = replaced(node.moduleSpecifier);
        if (spec !== undefined) return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, spec, node.attributes);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const spec = replaced(node.arguments[0]);
        if (spec !== undefined) return f.updateCallExpression(node, node.expression, node.typeArguments, [spec, ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(file, visit, context);
  };
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
