/**
 * The loader's hooks (Node runs them on a thread of their own): resolve `./x.js` to `./x.ts`
 * when only the TypeScript file exists, and load `.ts` files from one compilation of the program.
 */
import ts from "typescript";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { emit, format, loadProject, outputOf } from "../compile/project.js";

interface Context {
  parentURL?: string;
  conditions?: readonly string[];
  format?: string;
}
type Next<R> = (specifier: string, context: Context) => Promise<R>;
interface Resolved {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface Loaded {
  format: string;
  source?: string | ArrayBuffer | null;
  shortCircuit?: boolean;
}

/** JavaScript by source path, filled by the first compilation. */
const compiled = new Map<string, { text: string; format: string }>();

const TS_FILE = /\.(m|c)?tsx?$/;

export async function resolve(specifier: string, context: Context, next: Next<Resolved>): Promise<Resolved> {
  try {
    return await next(specifier, context);
  } catch (e) {
    // NodeNext style: `./b.js` names b.ts before it is compiled.
    if (context.parentURL !== undefined && /^\.\.?\//.test(specifier) && /\.(m|c)?js$/.test(specifier)) {
      const url = new URL(specifier.replace(/js$/, "ts"), context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    throw e;
  }
}

export async function load(url: string, context: Context, next: Next<Loaded>): Promise<Loaded> {
  if (!url.startsWith("file:") || !TS_FILE.test(url)) return next(url, context);
  const path = fileURLToPath(url);
  if (!compiled.has(path)) compileFrom(path);
  const out = compiled.get(path);
  if (out === undefined) throw new Error(`miou/register: ${path} is not part of the program compiled from its importer; add it to tsconfig.json's files or include`);
  return { format: out.format, source: out.text, shortCircuit: true };
}

function compileFrom(entry: string): void {
  const project = loadProject({ entry });
  const errors = project.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(`miou/register: ${pathToFileURL(entry).href} does not compile:\n${errors.map((d) => format(d)).join("\n")}`);
  const kind = project.program.getCompilerOptions().module;
  const formatOf = (file: string) =>
    file.endsWith(".cts") || (kind === ts.ModuleKind.CommonJS && !file.endsWith(".mts")) ? "commonjs" : "module";
  const sources = new Map(
    project.program
      .getSourceFiles()
      .filter((f) => !f.isDeclarationFile && !project.program.isSourceFileFromExternalLibrary(f))
      .map((f) => [outputOf(project, f.fileName), f.fileName]),
  );
  emit(project, (name, text) => {
    const source = sources.get(name);
    if (source !== undefined) compiled.set(source, { text, format: formatOf(source) });
  });
}
