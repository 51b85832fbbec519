/**
 * A compiler host over files held in memory, for `compile` where there is no disk (a Web Worker:
 * the playground). Only what `compile` needs: TypeScript's lib.*.d.ts and the declarations of the
 * packages a program imports, read from a `CompileFileSystem`, and nothing written anywhere.
 */
import type ts from "typescript";

type TS = typeof import("typescript");

/**
 * Where `compile` reads the files its input does not hold: TypeScript's lib.*.d.ts (in `libFolder`)
 * and the declarations of imported packages (under `node_modules`, as on disk).
 *
 * @example
 * ```ts
 * const fs = memoryFileSystem({ "/lib/lib.es5.d.ts": es5, "/node_modules/miou/package.json": pkg, ... }, "/lib");
 * compile({ files: { "/main.ts": text }, cwd: "/", fileSystem: fs, compilerOptions: { lib: ["lib.es5.d.ts"] } });
 * ```
 */
export interface CompileFileSystem {
  /** The folder holding TypeScript's lib.*.d.ts files. */
  readonly libFolder: string;
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  getDirectories(path: string): string[];
}

/**
 * A `CompileFileSystem` over a map of absolute paths to contents (folders are implied by the
 * paths), with TypeScript's libs in `libFolder`.
 *
 * @example
 * ```ts
 * const fs = memoryFileSystem(await (await fetch("/libs.json")).json(), "/lib");
 * const { outputs } = compile({ files: { "/app/main.ts": text }, cwd: "/app", fileSystem: fs });
 * ```
 */
export function memoryFileSystem(files: Map<string, string> | Record<string, string>, libFolder: string): CompileFileSystem {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  const children = new Map<string, Set<string>>();
  for (const path of map.keys()) {
    let child = path;
    for (let i = path.lastIndexOf("/"); i >= 0; i = child.lastIndexOf("/")) {
      const folder = i === 0 ? "/" : child.slice(0, i);
      const set = children.get(folder) ?? new Set<string>();
      children.set(folder, set);
      if (child !== path) set.add(child.slice(i + 1));
      if (i === 0) break;
      child = folder;
    }
  }
  return {
    libFolder,
    readFile: (p) => map.get(p),
    fileExists: (p) => map.has(p),
    directoryExists: (p) => children.has(p),
    getDirectories: (p) => [...(children.get(p) ?? [])],
  };
}

/**
 * Parsed source files of each file system, by language version and path: a file system's files
 * do not change, and parsing (and binding) TypeScript's libs again at every compile would cost
 * most of its time.
 */
const parsed = new WeakMap<CompileFileSystem, Map<string, ts.SourceFile>>();

/** A compiler host that reads `fs` and keeps what the program writes in `outputs`. */
export function memoryHost(ts: TS, fs: CompileFileSystem, options: ts.CompilerOptions, cwd: string): ts.CompilerHost {
  let cache = parsed.get(fs);
  if (cache === undefined) parsed.set(fs, (cache = new Map()));
  const languageVersion = (v: ts.ScriptTarget | ts.CreateSourceFileOptions) => (typeof v === "number" ? v : v.languageVersion);
  const host: ts.CompilerHost = {
    // Reads through `host.readFile`, which `compile` overrides with its input files: those are
    // parsed afresh each time, and only the file system's own files are kept.
    getSourceFile(path, version) {
      const text = host.readFile(path);
      if (text === undefined) return undefined;
      if (text !== fs.readFile(path)) return ts.createSourceFile(path, text, version);
      const key = `${languageVersion(version)}:${path}`;
      let file = cache.get(key);
      if (file === undefined) cache.set(key, (file = ts.createSourceFile(path, text, version)));
      return file;
    },
    getDefaultLibFileName: (o) => `${fs.libFolder}/${ts.getDefaultLibFileName(o)}`,
    getDefaultLibLocation: () => fs.libFolder,
    writeFile: () => undefined,
    getCurrentDirectory: () => cwd,
    getCanonicalFileName: (p) => p,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => (options.newLine === ts.NewLineKind.CarriageReturnLineFeed ? "\r\n" : "\n"),
    fileExists: (p) => fs.fileExists(p),
    readFile: (p) => fs.readFile(p),
    directoryExists: (p) => fs.directoryExists(p),
    getDirectories: (p) => fs.getDirectories(p),
    realpath: (p) => p,
  };
  return host;
}
