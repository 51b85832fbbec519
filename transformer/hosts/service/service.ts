/**
 * The host service behind `miou/babel` and `miou/vite`: a TypeScript 6 program over the modules
 * a bundler asks about, built from their nearest tsconfig.json and updated file by file, so the
 * facts and diagnostics are the ones `tspc` gives. For each module it hands back the rewritten
 * JavaScript with a source map to the original, or nothing when the transformer leaves the module
 * alone (the bundler then keeps its own reading of it, byte for byte what it would do without us).
 *
 * ```ts
 * const service = createService({ cwd: process.cwd() });
 * const out = service.transform("/app/src/main.ts", code);
 * if (out.code !== null) use(out.code, out.map);
 * for (const file of service.changed("/app/src/lib.ts")) invalidate(file); // after an edit
 * ```
 */
import ts from "typescript";
import { relative } from "node:path";
import { createMiou, type Miou } from "../../core.js";
import { configPathFor, readConfig, type ProjectConfig } from "./config.js";
import { changedFiles, digests } from "./digest.js";
import { qualifyPortableKeys } from "./portable-keys.js";

export interface ServiceOptions {
  /** The folder call sites are named from (Babel's `cwd`, Vite's `root`); default: the process's. */
  cwd?: string;
  /** One tsconfig.json for every module, instead of the nearest one to each. */
  tsconfig?: string;
}

/** A MIOU diagnostic of one module, positioned in the code the bundler gave. */
export interface ServiceDiagnostic {
  code: string;
  message: string;
  /** 1-based line, 0-based column (Babel's convention). */
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface SourceMap {
  version: number;
  file: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

export interface Transformed {
  /** The rewritten module (types stripped, imports and JSX kept), or null when nothing changes. */
  code: string | null;
  map: SourceMap | null;
  diagnostics: ServiceDiagnostic[];
  /** The files the analysis read to decide this module's facts: the program's own files. */
  reads: string[];
  /** The module registers portable functions: a worker domain imports it (by its URL) to find them. */
  portable: boolean;
}

export interface Service {
  transform(file: string, code: string): Transformed;
  /**
   * `file` changed on disk (or was deleted): re-analyse, and return the modules transformed so
   * far whose facts changed, `file` itself included when it was transformed.
   */
  changed(file: string): string[];
}

export function createService(options: ServiceOptions = {}): Service {
  const cwd = options.cwd ?? process.cwd();
  const configs = new Map<string | undefined, ProjectConfig>();
  const read = (path: string | undefined) => {
    let c = configs.get(path);
    if (c === undefined) configs.set(path, (c = readConfig(path)));
    return c;
  };
  const projects = new Map<string | undefined, Project>();
  /** Module texts: what the bundler gave, else what was read from disk. */
  const texts = new Map<string, string | undefined>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, ts.sys.readFile(file));
    return texts.get(file);
  };
  const projectOf = (file: string) => {
    const path = configPathFor(file, options.tsconfig, read);
    let p = projects.get(path);
    if (p === undefined) projects.set(path, (p = new Project(read(path), cwd, text)));
    return p;
  };

  return {
    transform(file, code) {
      const project = projectOf(file);
      if (texts.get(file) !== code) {
        texts.set(file, code);
        project.touch(file);
      }
      project.addRoot(file);
      return project.transform(file);
    },
    changed(file) {
      texts.delete(file);
      const out: string[] = [];
      for (const p of projects.values()) if (p.has(file)) out.push(...p.refresh(file));
      return [...new Set(out)];
    },
  };
}

/** One tsconfig.json's program, rebuilt (reusing what did not change) when a module changes. */
class Project {
  private readonly roots: Set<string>;
  private readonly sources = new Map<string, ts.SourceFile>();
  private readonly host: ts.CompilerHost;
  private program: ts.Program | undefined;
  private miou: Miou | undefined;
  /** The program is older than a module's text or the roots: rebuild it (reusing what it can). */
  private stale = true;
  private digest = new Map<string, string>();
  /** The modules the bundler asked about: the ones to invalidate when their facts change. */
  private readonly served = new Set<string>();

  constructor(
    private readonly config: ProjectConfig,
    private readonly cwd: string,
    text: (file: string) => string | undefined,
  ) {
    this.roots = new Set(config.fileNames);
    const host = ts.createCompilerHost(config.options);
    host.getCurrentDirectory = () => cwd;
    host.readFile = text;
    host.fileExists = (f) => text(f) !== undefined;
    host.getSourceFile = (fileName, language) => {
      const content = text(fileName);
      if (content === undefined) return undefined;
      const known = this.sources.get(fileName);
      if (known !== undefined && known.text === content) return known;
      const sf = ts.createSourceFile(fileName, content, language);
      this.sources.set(fileName, sf);
      return sf;
    };
    this.host = host;
  }

  has(file: string): boolean {
    return this.sources.has(file) || this.roots.has(file);
  }

  addRoot(file: string): void {
    if (this.roots.has(file)) return;
    this.roots.add(file);
    this.stale = true;
  }

  touch(file: string): void {
    if (this.sources.has(file) || this.roots.has(file)) this.stale = true;
  }

  /** Re-analyses after `file` changed; the served modules whose digest changed. */
  refresh(file: string): string[] {
    this.stale = true;
    const before = this.digest;
    this.analysed();
    const changed = new Set(changedFiles(before, this.digest));
    changed.add(file);
    return [...changed].filter((f) => this.served.has(f));
  }

  private analysed(): { program: ts.Program; miou: Miou } {
    if (this.stale || this.program === undefined || this.miou === undefined) {
      this.stale = false;
      this.program = ts.createProgram({ rootNames: [...this.roots], options: this.config.options, host: this.host, oldProgram: this.program });
      this.miou = createMiou(ts, this.program);
      this.digest = digests(this.miou.facts);
    }
    return { program: this.program, miou: this.miou };
  }

  transform(file: string): Transformed {
    const { program, miou } = this.analysed();
    this.served.add(file);
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`miou: ${file} is not part of the TypeScript program of ${this.config.path ?? "the default options"}`);
    const diagnostics = miou.diagnostics.filter((d) => d.file === source).map((d) => position(d, source));
    const reads = program
      .getSourceFiles()
      .filter((f) => !program.isSourceFileDefaultLibrary(f) && !program.isSourceFileFromExternalLibrary(f))
      .map((f) => f.fileName);
    // No fact is about this module: the transformer has nothing to rewrite in it (the digest
    // covers every table of the facts), so it is not emitted at all.
    if (!this.digest.has(file)) return { code: null, map: null, diagnostics, reads, portable: false };
    // The core's `before` transformer hands back the very source file it was given when it has
    // nothing to do: then the module is not ours to emit.
    let rewritten = false;
    const before = miou.transformers.before!.map((factory) => (context: ts.TransformationContext) => {
      const inner = (factory as ts.TransformerFactory<ts.SourceFile>)(context);
      return (sf: ts.SourceFile) => {
        const out = inner(sf);
        if (out !== sf) rewritten = true;
        return out;
      };
    });
    let code: string | null = null;
    let map: SourceMap | null = null;
    let portable = false;
    const moduleName = relative(this.cwd, file);
    program.emit(source, (name, data) => {
      if (name.endsWith(".map")) map = JSON.parse(data) as SourceMap;
      else if (/\.[cm]?jsx?$/.test(name)) code = data;
    }, undefined, false, { before, after: [qualifyPortableKeys(moduleName, () => void (portable = true))] });
    if (!rewritten || code === null || map === null) return { code: null, map: null, diagnostics, reads, portable: false };
    return { code: (code as string).replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"), map: withSource(map, file, source.text), diagnostics, reads, portable };
  }
}

/** The map names the module by its base name beside it, with its text inside. */
function withSource(map: SourceMap, file: string, text: string): SourceMap {
  const base = file.slice(file.lastIndexOf("/") + 1);
  return { ...map, file: base.replace(/\.([cm]?)tsx?$/, ".$1js"), sources: [base], sourcesContent: [text] };
}

function position(d: ts.Diagnostic, source: ts.SourceFile): ServiceDiagnostic {
  const at = (pos: number) => {
    const { line, character } = source.getLineAndCharacterOfPosition(pos);
    return { line: line + 1, column: character };
  };
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const code = /^(MIOU\d+):/.exec(message)?.[1] ?? `TS${d.code}`;
  return { code, message, start: at(d.start ?? 0), end: at((d.start ?? 0) + (d.length ?? 0)) };
}
