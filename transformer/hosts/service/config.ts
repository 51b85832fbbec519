/**
 * Which tsconfig.json a module belongs to, and the compiler options the host service builds it
 * with: the project's own, so the type-driven analysis is the one `tspc` makes, except where a
 * bundler needs the output in another shape (ES modules as written, JSX kept, no downlevelling).
 */
import ts from "typescript";
import { dirname, resolve } from "node:path";
import type { FileSystem } from "./probes.js";

export interface ProjectConfig {
  /** The tsconfig.json, or undefined when no tsconfig.json is found above the module. */
  path: string | undefined;
  options: ts.CompilerOptions;
  /** The files the configuration includes. */
  fileNames: string[];
  /** Problems in the configuration itself (reported once, with the first module). */
  errors: ts.Diagnostic[];
}

/** Without a tsconfig.json: what `miou run` uses, in bundler form. */
const defaults: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext, strict: true, skipLibCheck: true };

/** Parses `path` (a tsconfig.json), or gives the defaults for `undefined`. */
export function readConfig(path: string | undefined, fs: FileSystem): ProjectConfig {
  if (path === undefined) return { path, options: bundlerOptions(defaults), fileNames: [], errors: [] };
  const errors: ts.Diagnostic[] = [];
  const host = { ...ts.sys, ...methods(fs), onUnRecoverableConfigFileDiagnostic: (d: ts.Diagnostic) => void errors.push(d) };
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, host);
  if (parsed === undefined) return { path, options: bundlerOptions(defaults), fileNames: [], errors };
  const config: ProjectConfig = { path, options: bundlerOptions(parsed.options), fileNames: parsed.fileNames, errors: [...errors, ...parsed.errors] };
  // A solution-style tsconfig.json (`files: []` and `references`, as Vite's templates make) names
  // the projects that hold the files: keep the references, to look a module up in them.
  referencesOf.set(config, (parsed.projectReferences ?? []).map((r) => ts.resolveProjectReferencePath(r)));
  return config;
}

const referencesOf = new WeakMap<ProjectConfig, string[]>();

/**
 * The configuration `file` is built with: the tsconfig.json given, else the nearest one above
 * `file`, else, when that one is solution-style and does not include it, the referenced project
 * that does. A module no configuration includes is added to the nearest one's program.
 */
export function configPathFor(file: string, given: string | undefined, read: (path: string | undefined) => ProjectConfig, fs: FileSystem): string | undefined {
  if (given !== undefined) return resolve(given);
  const nearest = ts.findConfigFile(dirname(file), (f) => fs.fileExists(f));
  if (nearest === undefined) return undefined;
  const config = read(nearest);
  if (config.fileNames.includes(file)) return nearest;
  for (const ref of referencesOf.get(config) ?? []) if (read(ref).fileNames.includes(file)) return ref;
  return nearest;
}

/**
 * The project's options with the output a bundler takes: imports and exports as written (the
 * bundler resolves them; `module: preserve` also keeps a `.cts` file CommonJS), JSX untouched,
 * nothing downlevelled (the bundler targets its browsers), one source map per module with its
 * source inside, nothing written to disk (the service catches every file the emit writes).
 */
export function bundlerOptions(options: ts.CompilerOptions): ts.CompilerOptions {
  const out: ts.CompilerOptions = {
    ...options,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    target: ts.ScriptTarget.ESNext,
    // The types stay those of the project's own target.
    lib: options.lib ?? [ts.getDefaultLibFileName(options)],
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: true,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    composite: false,
    incremental: false,
    noEmit: false,
    noEmitOnError: false,
    // The bundler reports no type errors (`tsc --noEmit` does): emitting a module must not make
    // the checker check all of it. The analysis still asks the checker what it needs.
    noCheck: true,
    importHelpers: false,
    outFile: undefined,
    plugins: undefined,
  };
  // JSX is the bundler's to compile (React's runtime, Preact's, Solid's...): emitted as written.
  out.jsx = ts.JsxEmit.Preserve;
  delete out.tsBuildInfoFile;
  return out;
}

/** `fs`'s methods, bound: what TypeScript's hosts read the disk with. */
export function methods(fs: FileSystem): FileSystem {
  return {
    readFile: (p) => fs.readFile(p),
    fileExists: (p) => fs.fileExists(p),
    directoryExists: (p) => fs.directoryExists(p),
    getDirectories: (p) => fs.getDirectories(p),
    realpath: (p) => fs.realpath?.(p) ?? p,
    readDirectory: (p, extensions, exclude, include, depth) => fs.readDirectory(p, extensions, exclude, include, depth),
  };
}
