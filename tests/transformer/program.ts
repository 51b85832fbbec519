/** Builds a real TypeScript program over in-memory files, resolving `miou` from the project. */
import ts from "typescript";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

export function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: [],
  };
  const paths = new Map(Object.entries(files).map(([name, text]) => [join(root, "tests", "__virtual__", name), text]));
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, directoryExists } = host;
  const virtual = join(root, "tests", "__virtual__");
  host.readFile = (f) => paths.get(f) ?? readFile(f);
  host.fileExists = (f) => paths.has(f) || fileExists(f);
  host.directoryExists = (d) => d === virtual || (directoryExists?.(d) ?? false);
  return ts.createProgram([...paths.keys()], options, host);
}

export function errorsOf(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** Project-relative file names, for printed facts. */
export const relative = (file: string) => file.slice(join(root, "tests", "__virtual__").length + 1);
