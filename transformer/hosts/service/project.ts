/**
 * One tsconfig.json's program in the host service, kept across edits. Its whole-program work (the
 * program, the analysis, the diagnostics, the digest) is done once per program version and shared
 * by every module's transform; each module is then rewritten and printed alone.
 *
 * What must stay true: the facts of every version are exactly those a cold build of it finds. A
 * new version is made when a module's text or the roots change: TypeScript reuses the parse of
 * every unchanged module, and when one module changed by an edit that can change no fact
 * (`neutral-edit.ts`), the facts are carried over to its new parse instead of analysing again.
 *
 * Any other edit analyses the whole program again, not only the edited module and its importers:
 * a module's facts do not depend only on what it imports. Which values may hold a suspending
 * function is decided by the types of the suspending functions stored into values anywhere in
 * the program (`analyse/values.ts`), whether a parameter holds one by every call site (in the
 * importers), whether a method call suspends by the subclasses that override it (in the
 * importers), and a function gets a twin when an importer hands it a suspending function
 * (tests/hosts/service-edits.test.ts edits a module and changes the output of one with no import
 * path to it).
 */
import ts from "typescript";
import { relative } from "node:path";
import { createMiou, type Miou } from "../../core.js";
import { analyseProgram } from "../../analyse/analyse.js";
import { methods, type ProjectConfig } from "./config.js";
import type { FileSystem } from "./probes.js";
import { carryFacts } from "./carry-facts.js";
import { changedFiles, digests } from "./digest.js";
import { neutralEdit } from "./neutral-edit.js";
import { qualifyPortableKeys } from "./portable-keys.js";
import type { ServiceDiagnostic, SourceMap, Transformed } from "./transformed.js";

/** One program version and everything whole-program about it. */
interface Version {
  program: ts.Program;
  miou: Miou;
  /** Each file's digest of facts (`digest.ts`). */
  digest: Map<string, string>;
}

/** How often the project analysed a version, and how often it carried the facts over an edit. */
export interface Counts {
  analyses: number;
  carried: number;
}

export class Project {
  private readonly roots: Set<string>;
  private readonly sources = new Map<string, ts.SourceFile>();
  private readonly host: ts.CompilerHost;
  private version: Version | undefined;
  /** Files whose text changed since the current version; `undefined` for the roots. */
  private readonly edited = new Set<string | undefined>();
  /** The modules the bundler asked about: the ones to invalidate when their facts change. */
  private readonly served = new Set<string>();
  /** The last analysis's conclusions, on the nodes of the version it analysed. */
  private holds: (e: ts.Expression) => boolean = () => true;
  /** For the modules edited since: their current nodes' counterparts in the analysed version. */
  private readonly analysedNodes = new Map<string, Map<ts.Node, ts.Node>>();
  readonly counts: Counts = { analyses: 0, carried: 0 };

  constructor(
    private readonly config: ProjectConfig,
    private readonly cwd: string,
    text: (file: string) => string | undefined,
    fs: FileSystem,
  ) {
    this.roots = new Set(config.fileNames);
    const host = ts.createCompilerHost(config.options);
    Object.assign(host, methods(fs));
    host.getCurrentDirectory = () => cwd;
    host.readFile = text;
    host.fileExists = (f) => text(f) !== undefined;
    // JSDoc gives types in JavaScript files only: in TypeScript files and declarations it is prose.
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeInfo;
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
    // A module the program already holds (one the others import) changes nothing by becoming a
    // root: only a module new to the program makes a new version.
    if (this.version?.program.getSourceFile(file) === undefined) this.edited.add(undefined);
  }

  touch(file: string): void {
    if (this.has(file)) this.edited.add(file);
  }

  /** Brings the program up to date after `file` changed; the served modules whose digest changed. */
  refresh(file: string): string[] {
    this.touch(file);
    const before = this.version?.digest;
    const now = this.current().digest;
    // Modules served before this project built any version (from the build cache): their facts
    // are not known here, and any of them may have changed.
    if (before === undefined) return [...this.served];
    const changed = new Set(changedFiles(before, now));
    changed.add(file);
    return [...changed].filter((f) => this.served.has(f));
  }

  /** The current version: the last one, or a new one when a text or the roots changed. */
  private current(): Version {
    if (this.version !== undefined && this.edited.size === 0) return this.version;
    const old = this.version;
    const program = ts.createProgram({ rootNames: [...this.roots], options: this.config.options, host: this.host, oldProgram: old?.program });
    const [only, ...more] = this.edited;
    this.edited.clear();
    const carried = old !== undefined && only !== undefined && more.length === 0 ? this.carry(old, program, only) : undefined;
    this.version = carried ?? this.analyse(program);
    return this.version;
  }

  private analyse(program: ts.Program): Version {
    this.counts.analyses += 1;
    const analysed = analyseProgram(ts, program);
    this.holds = analysed.holds;
    this.analysedNodes.clear();
    const miou = createMiou(ts, program, { facts: analysed.facts });
    return { program, miou, digest: digests(miou.facts) };
  }

  /** The new version with the old one's facts, when `file`'s edit can change none; else undefined. */
  private carry(old: Version, program: ts.Program, file: string): Version | undefined {
    const before = old.program.getSourceFile(file);
    const after = program.getSourceFile(file);
    if (before === undefined || after === undefined || program.getSyntacticDiagnostics(after).length > 0) return undefined;
    // Every other module must be the very parse the facts are about.
    const others = program.getSourceFiles();
    if (others.length !== old.program.getSourceFiles().length || others.some((f) => f !== after && old.program.getSourceFile(f.fileName) !== f)) return undefined;
    // A diagnostic's message may name places of its module: a module with one is analysed again.
    if (old.miou.diagnostics.some((d) => d.file === before)) return undefined;
    const sides = [{ file: before, checker: old.program.getTypeChecker() }, { file: after, checker: program.getTypeChecker() }] as const;
    const map = before === after ? new Map<ts.Node, ts.Node>() : neutralEdit(sides[0], sides[1], old.miou.facts, (e) => this.analysedHolds(e));
    const facts = map === undefined ? undefined : before === after ? old.miou.facts : carryFacts(old.miou.facts, before, map);
    if (map === undefined || facts === undefined) return undefined;
    this.counts.carried += 1;
    this.remember(file, map);
    const miou = createMiou(ts, program, { facts, diagnostics: old.miou.diagnostics });
    const digest = new Map(old.digest);
    const own = digests(facts, after.fileName).get(after.fileName);
    if (own === undefined) digest.delete(after.fileName);
    else digest.set(after.fileName, own);
    return { program, miou, digest };
  }

  /** The analysis's conclusion on an expression of the current version, if it has one. */
  private analysedHolds(e: ts.Expression): boolean | undefined {
    const nodes = this.analysedNodes.get(e.getSourceFile().fileName);
    const analysed = nodes === undefined ? e : nodes.get(e);
    return analysed === undefined ? undefined : this.holds(analysed as ts.Expression);
  }

  /** Keeps, for `file`'s new nodes, their counterparts in the analysed version. */
  private remember(file: string, map: ReadonlyMap<ts.Node, ts.Node>): void {
    if (map.size === 0) return;
    const known = this.analysedNodes.get(file);
    const nodes = new Map<ts.Node, ts.Node>();
    for (const [old, now] of map) {
      const analysed = known === undefined ? old : known.get(old);
      if (analysed !== undefined) nodes.set(now, analysed);
    }
    this.analysedNodes.set(file, nodes);
  }

  /** The bundler has `file`'s output already: it is reported when its facts change all the same. */
  serve(file: string): void {
    this.served.add(file);
  }

  transform(file: string): Transformed {
    const { program, miou, digest } = this.current();
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
    if (!digest.has(file)) return { code: null, map: null, diagnostics, reads, portable: false };
    return { ...this.emit(program, miou, source), diagnostics, reads };
  }

  /** The module rewritten and printed alone, or nulls when the rewrite leaves it as it is. */
  private emit(program: ts.Program, miou: Miou, source: ts.SourceFile): Pick<Transformed, "code" | "map" | "portable"> {
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
    const moduleName = relative(this.cwd, source.fileName);
    program.emit(source, (name, data) => {
      if (name.endsWith(".map")) map = JSON.parse(data) as SourceMap;
      else if (/\.[cm]?jsx?$/.test(name)) code = data;
    }, undefined, false, { before, after: [qualifyPortableKeys(moduleName, () => void (portable = true))] });
    if (!rewritten || code === null || map === null) return { code: null, map: null, portable: false };
    return { code: (code as string).replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"), map: withSource(map, source.fileName, source.text), portable };
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
