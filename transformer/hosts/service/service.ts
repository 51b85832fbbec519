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
import { configPathFor, readConfig, type ProjectConfig } from "./config.js";
import { Project, type Counts } from "./project.js";
import type { FileSystem } from "./probes.js";
import type { Transformed } from "./transformed.js";

export type { ServiceDiagnostic, SourceMap, Transformed } from "./transformed.js";

export interface ServiceOptions {
  /** The folder call sites are named from (Babel's `cwd`, Vite's `root`); default: the process's. */
  cwd?: string;
  /** One tsconfig.json for every module, instead of the nearest one to each. */
  tsconfig?: string;
  /** Wraps the disk every read goes through (the build cache records what is read). */
  fileSystem?: (disk: FileSystem) => FileSystem;
}

export interface Service {
  transform(file: string, code: string): Transformed;
  /** The bundler has `file` with this text, and will not ask for its output (it has it). */
  preload(file: string, code: string): void;
  /**
   * `file` changed on disk (or was deleted): re-analyse, and return the modules transformed so
   * far whose facts changed, `file` itself included when it was transformed.
   */
  changed(file: string): string[];
  /** How many program versions were analysed, and how many carried their facts over a neutral edit. */
  counts(): Counts;
}

export function createService(options: ServiceOptions = {}): Service {
  const cwd = options.cwd ?? process.cwd();
  const fs = options.fileSystem?.(ts.sys) ?? ts.sys;
  const configs = new Map<string | undefined, ProjectConfig>();
  const read = (path: string | undefined) => {
    let c = configs.get(path);
    if (c === undefined) configs.set(path, (c = readConfig(path, fs)));
    return c;
  };
  const projects = new Map<string | undefined, Project>();
  /** Module texts: what the bundler gave, else what was read from disk. */
  const texts = new Map<string, string | undefined>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, fs.readFile(file));
    return texts.get(file);
  };
  const projectOf = (file: string) => {
    const path = configPathFor(file, options.tsconfig, read, fs);
    let p = projects.get(path);
    if (p === undefined) projects.set(path, (p = new Project(read(path), cwd, text, fs)));
    return p;
  };

  const serve = (file: string, code: string) => {
    const project = projectOf(file);
    if (texts.get(file) !== code) {
      texts.set(file, code);
      project.touch(file);
    }
    project.addRoot(file);
    return project;
  };

  return {
    transform: (file, code) => serve(file, code).transform(file),
    preload: (file, code) => void serve(file, code).serve(file),
    changed(file) {
      texts.delete(file);
      const out: string[] = [];
      for (const p of projects.values()) if (p.has(file)) out.push(...p.refresh(file));
      return [...new Set(out)];
    },
    counts() {
      const all = [...projects.values()].map((p) => p.counts);
      return { analyses: all.reduce((n, c) => n + c.analyses, 0), carried: all.reduce((n, c) => n + c.carried, 0) };
    },
  };
}

