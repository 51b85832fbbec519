/**
 * Compiling a program on disk, for `miou run`, `miou print`, `miou check` and the loader: the
 * nearest tsconfig.json (or defaults), the whole program with its type checker, the transformer,
 * and the JavaScript emitted into `.cache/miou/<key>/` beside the tsconfig.json: inside the
 * project, so bare imports still resolve from its node_modules (and outside node_modules, whose
 * files Node gives no package scope). Type checking is incremental (a `.tsbuildinfo` there), and
 * a compilation without errors leaves a manifest that `cache.ts` reuses without TypeScript.
 */
import ts from "typescript";
import { dirname, join, relative, resolve } from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createMiou, type Miou } from "../../core.js";
import { defaultCompilerOptions } from "./compile.js";
import { inputOf, placeOf, store, toolVersions, type Manifest, type Place } from "./cache.js";

export interface Project {
  program: ts.Program;
  builder: ts.EmitAndSemanticDiagnosticsBuilderProgram;
  miou: Miou;
  place: Place;
  /** The folder emitted files go to. */
  outDir: string;
  /** The folder sources are laid out from inside `outDir`. */
  rootDir: string;
  /** Configuration problems, type errors and MIOU diagnostics. */
  diagnostics: readonly ts.Diagnostic[];
  /** What the compilation read: the manifest's `configs` and `files`. */
  inputs: Pick<Manifest, "configs" | "files">;
  entry: string | undefined;
}

/** The program of `tsconfig` (a path), or of `entry` with the nearest tsconfig.json's options. */
export function loadProject(options: { entry?: string; tsconfig?: string }): Project {
  const place = placeOf(options.entry, options.tsconfig);
  const { configPath, projectDir, outDir } = place;
  let compilerOptions: ts.CompilerOptions = { ...defaultCompilerOptions, types: ["node"] };
  let rootNames = options.entry !== undefined ? [resolve(options.entry)] : [];
  const problems: ts.Diagnostic[] = [];
  const configs: Manifest["configs"] = {};
  if (configPath !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => void problems.push(d) });
    if (parsed !== undefined) {
      compilerOptions = parsed.options;
      problems.push(...parsed.errors);
      if (options.entry === undefined) rootNames = parsed.fileNames;
      for (const file of [configPath, ...((parsed.options.configFile as ts.TsConfigSourceFile | undefined)?.extendedSourceFiles ?? [])]) record(configs, file);
    }
  }
  // The package.json above the sources says whether `.ts` files are ES modules.
  const pkg = ts.findConfigFile(projectDir, ts.sys.fileExists, "package.json");
  if (pkg !== undefined) record(configs, pkg);
  const rootDir = compilerOptions.rootDir ?? projectDir;
  const emitOptions = emitOptionsOf(compilerOptions, outDir, rootDir);
  const host = ts.createIncrementalCompilerHost(emitOptions);
  const files: Manifest["files"] = {};
  const readFile = host.readFile;
  host.readFile = (file) => {
    const text = readFile(file);
    if (text !== undefined && !file.endsWith("tsbuildinfo")) record(files, file);
    return text;
  };
  const builder = ts.createIncrementalProgram({ rootNames, options: emitOptions, host, configFileParsingDiagnostics: problems });
  const program = builder.getProgram();
  const miou = createMiou(ts, program);
  const syntactic = builder.getSyntacticDiagnostics();
  const semantic = syntactic.length > 0 ? [] : builder.getSemanticDiagnostics();
  const diagnostics = [...problems, ...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...syntactic, ...semantic, ...miou.diagnostics];
  return { program, builder, miou, place, outDir, rootDir, diagnostics, inputs: { configs, files }, entry: options.entry };
}

/** The project's options, made to emit runnable JavaScript with inline maps into the cache. */
function emitOptionsOf(compilerOptions: ts.CompilerOptions, outDir: string, rootDir: string): ts.CompilerOptions {
  const options: ts.CompilerOptions = {
    ...compilerOptions,
    outDir,
    rootDir,
    noEmit: false,
    emitDeclarationOnly: false,
    declaration: false,
    declarationMap: false,
    composite: false,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
    // Maps name the sources by their real location, wherever the JavaScript is run from.
    sourceRoot: `${pathToFileURL(rootDir).href}/`,
    incremental: true,
    tsBuildInfoFile: join(outDir, "tsbuildinfo"),
  };
  // Options set to undefined would be saved in the .tsbuildinfo as paths, and differ next time.
  delete options.outFile;
  delete options.mapRoot;
  return options;
}

function record(into: Record<string, ReturnType<typeof inputOf> & object>, file: string): void {
  const input = inputOf(resolve(file));
  if (input !== undefined) into[resolve(file)] = input;
}

/** The program's own source files: what is emitted. */
export function ownSources(project: Project): ts.SourceFile[] {
  const { program } = project;
  return program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f));
}

/**
 * Emits every file of the program into the cache (an edit in one module may change which calls
 * suspend in others, so all are emitted; only type checking is incremental), saves the
 * `.tsbuildinfo`, and, when there is no error, the manifest.
 */
export function emit(project: Project): Manifest["outputs"] {
  const { program, builder, miou, outDir } = project;
  mkdirSync(outDir, { recursive: true });
  const write: ts.WriteFileCallback = (name, text) => {
    mkdirSync(dirname(name), { recursive: true });
    writeFileSync(name, text);
  };
  const transformers = { ...miou.transformers, after: [realSitePaths] };
  // File by file: an emit of the whole program at once type-checks every file, libraries'
  // declarations included, where the builder has already checked (and cached) what changed.
  for (const f of ownSources(project)) program.emit(f, write, undefined, false, transformers);
  // The builder saves what it checked (present at run time, not in TypeScript's declarations).
  (builder as unknown as { emitBuildInfo(w: ts.WriteFileCallback): ts.EmitResult }).emitBuildInfo(write);
  const outputs: Manifest["outputs"] = {};
  for (const f of ownSources(project)) {
    const commonjs = (program as { getEmitModuleFormatOfFile?: (f: ts.SourceFile) => ts.ModuleKind }).getEmitModuleFormatOfFile?.(f) === ts.ModuleKind.CommonJS;
    outputs[f.fileName] = { js: outputOf(project, f.fileName), format: commonjs ? "commonjs" : "module" };
  }
  if (!project.diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error)) {
    const entry = project.entry === undefined ? "" : resolve(project.entry);
    store(project.place, { versions: toolVersions(), entry, ...project.inputs, outputs });
  }
  return outputs;
}

/**
 * Call sites name their file relative to where the compiler ran (`registerSites("src/a.ts", ...)`):
 * what a build for publishing wants. A program run from the cache names them by their real path,
 * as Node names the frames it maps.
 */
const realSitePaths: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
  const f = context.factory;
  const statements = file.statements.map((s) => {
    if (!ts.isVariableStatement(s)) return s;
    const declarations = s.declarationList.declarations.map((d) => {
      const call = d.initializer;
      if (call === undefined || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return d;
      if (!ts.idText(call.expression).startsWith("registerSites") || call.arguments.length !== 2) return d;
      const args = [f.createStringLiteral(file.fileName), call.arguments[1]!];
      return f.updateVariableDeclaration(d, d.name, d.exclamationToken, d.type, f.updateCallExpression(call, call.expression, call.typeArguments, args));
    });
    return f.updateVariableStatement(s, s.modifiers, f.updateVariableDeclarationList(s.declarationList, declarations));
  });
  return f.updateSourceFile(file, statements);
};

export function outputOf(project: Project, source: string): string {
  return join(project.outDir, relative(project.rootDir, resolve(source))).replace(/\.(m|c)?tsx?$/, (_, m: string | undefined) => `.${m ?? ""}js`);
}

/** Is this one of the transformer's diagnostics (TS9101..9109, `MIOU100n: ...`)? */
export function isMiou(d: ts.Diagnostic): boolean {
  return d.code >= 9101 && d.code <= 9109;
}

/** `file(line,col): error TSn: message` as tsc prints it; ours as `error MIOU100n: message`. */
export function format(d: ts.Diagnostic, cwd = process.cwd()): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const level = d.category === ts.DiagnosticCategory.Warning ? "warning" : "error";
  const text = isMiou(d) ? `${level} ${message}` : `${level} TS${d.code}: ${message}`;
  if (d.file === undefined || d.start === undefined) return text;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(cwd, d.file.fileName)}(${line + 1},${character + 1}): ${text}`;
}

/** The errors of the project, formatted; empty when it compiles. */
export function errorsOf(project: Project, only?: (d: ts.Diagnostic) => boolean): string[] {
  return project.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error && (only?.(d) ?? true)).map((d) => format(d));
}

/** Compiles the program of `entry` into the cache: its outputs, or its errors. */
export function compileEntry(entry: string): { outputs: Manifest["outputs"]; errors: string[] } {
  const project = loadProject({ entry });
  const errors = errorsOf(project);
  if (errors.length > 0) return { outputs: {}, errors };
  return { outputs: emit(project), errors };
}
