/**
 * Compiling a program on disk, for `miou run`, `miou print`, `miou check` and the loader: the
 * nearest tsconfig.json (or defaults), the whole program with its type checker, the transformer,
 * and the JavaScript emitted into `.cache/miou/` beside the tsconfig.json: inside the project, so
 * bare imports still resolve from its node_modules (and outside node_modules, whose files Node
 * gives no package scope).
 */
import ts from "typescript";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { createMiou, type Miou } from "../../core.js";
import { defaultCompilerOptions } from "./compile.js";

export interface Project {
  program: ts.Program;
  miou: Miou;
  /** The folder emitted files go to. */
  outDir: string;
  /** The folder sources are laid out from inside `outDir`. */
  rootDir: string;
  /** Configuration problems, type errors and MIOU diagnostics. */
  diagnostics: readonly ts.Diagnostic[];
}

/** The program of `tsconfig` (a path), or of `entry` with the nearest tsconfig.json's options. */
export function loadProject(options: { entry?: string; tsconfig?: string }): Project {
  const start = options.entry !== undefined ? dirname(resolve(options.entry)) : process.cwd();
  const configPath = options.tsconfig !== undefined ? resolve(options.tsconfig) : ts.findConfigFile(start, ts.sys.fileExists);
  let compilerOptions: ts.CompilerOptions = { ...defaultCompilerOptions, types: ["node"] };
  let rootNames = options.entry !== undefined ? [resolve(options.entry)] : [];
  const problems: ts.Diagnostic[] = [];
  if (configPath !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => void problems.push(d) });
    if (parsed !== undefined) {
      compilerOptions = parsed.options;
      problems.push(...parsed.errors);
      if (options.entry === undefined) rootNames = parsed.fileNames;
    }
  }
  const projectDir = configPath !== undefined ? dirname(configPath) : start;
  const key = createHash("sha1").update(configPath ?? start).digest("hex").slice(0, 12);
  const outDir = join(projectDir, ".cache", "miou", key);
  const rootDir = compilerOptions.rootDir ?? projectDir;
  const program = ts.createProgram(rootNames, {
    ...compilerOptions,
    outDir,
    rootDir,
    noEmit: false,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
  });
  const miou = createMiou(ts, program);
  const diagnostics = [...problems, ...ts.getPreEmitDiagnostics(program), ...miou.diagnostics];
  return { program, miou, outDir, rootDir, diagnostics };
}

/** Emits every file; returns the path of the JavaScript for `source`. */
export function emit(project: Project, writeFile?: ts.WriteFileCallback): ts.EmitResult {
  return project.program.emit(undefined, writeFile, undefined, false, project.miou.transformers);
}

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
