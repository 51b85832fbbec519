/**
 * `miou/babel`: the Babel plugin (Babel 7.22+ and 8). In babel.config.json, before the
 * TypeScript preset strips the types the analysis needs (Babel runs plugins before presets):
 *
 * ```json
 * { "plugins": ["miou/babel"], "presets": ["@babel/preset-typescript"] }
 * ```
 *
 * A thin adapter of the host service: the service builds the module's TypeScript program from
 * its nearest tsconfig.json (or the `tsconfig` option), runs the transformer's core over it, and
 * hands back the rewritten module with a source map Babel chains to the original. Babel parses
 * the rewritten module in place of the original (the plugin's `parserOverride`: one parse per
 * module, as without the plugin); when Babel was handed an AST instead of code, the rewritten
 * module replaces the parsed one in the `Program` visitor. A module the transformer leaves alone
 * is left to Babel as it parsed it. MIOU diagnostics become a Babel error with a code frame for each.
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { createCachedService } from "../service/cache.js";
import type { Service, ServiceDiagnostic, SourceMap, Transformed } from "../service/service.js";

/** The options of `["miou/babel", { ... }]`. */
export interface MiouBabelOptions {
  /** The tsconfig.json to build every module with, instead of the nearest one to each module. */
  tsconfig?: string;
  /**
   * Where to keep each build for the next one (default `node_modules/.cache/miou`), or `false`.
   * A build whose files are all as the last one read them builds no TypeScript program.
   */
  cache?: string | false;
}

// The little of Babel's API the plugin uses, declared here so that the plugin's types need no
// Babel types installed (Babel 7 and 8 both provide these).
interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface BabelFile {
  code: string;
  ast: ParsedFile & { comments?: unknown[] | null };
  opts: { filename?: string | null; cwd?: string; parserOpts?: object; sourceFileName?: string };
  inputMap: { toObject(): object } | null;
  buildCodeFrameError(node: { loc: Loc } | null, message: string, kind?: typeof Error): Error;
}
interface ProgramPath {
  node: { body: unknown[]; directives: unknown[] };
  scope: { crawl(): void };
}
interface Api {
  version: string;
  assertVersion(range: number | string): void;
  parseSync(code: string, options: object): { program: { body: unknown[]; directives: unknown[] }; comments?: unknown[] | null } | null;
}

/** The AST Babel's parser gives (a `File` node); only its identity matters here. */
type ParsedFile = object;
type Parse = (code: string, parserOpts: object) => ParsedFile;

/** What Babel gets from a plugin: a name, a visitor, and the parse of the rewritten module. */
export interface MiouBabelPlugin {
  name: string;
  manipulateOptions(options: { filename?: string | null; cwd?: string }, parserOpts: object): void;
  parserOverride(code: string, parserOpts: object, parse: Parse): ParsedFile | undefined;
  visitor: { Program(path: ProgramPath, state: { file: BabelFile }): void };
}

const services = new Map<string, Service>();

/**
 * The service's module, which loads TypeScript, required when the cache cannot answer a module:
 * a build the cache answers whole does not load TypeScript. It is the built module beside this
 * one (Babel's hooks are synchronous: `require` of an ES module, Node 20.19+ and 22.12+).
 */
function live(): typeof import("../service/service.js") {
  try {
    return createRequire(import.meta.url)("./service.js") as typeof import("../service/service.js");
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_REQUIRE_ESM") throw error;
    throw new Error(`miou/babel needs a Node.js that can require ES modules (20.19+, 22.12+); this is ${process.version}`, { cause: error });
  }
}

/** The service of a working folder and configuration: one TypeScript program per project, kept across files. */
function serviceFor(cwd: string, { tsconfig, cache }: MiouBabelOptions): Service {
  const key = `${cwd}\0${tsconfig ?? ""}\0${cache ?? ""}`;
  let s = services.get(key);
  if (s === undefined) {
    const options = { cwd, ...(tsconfig === undefined ? {} : { tsconfig: resolve(cwd, tsconfig) }) };
    services.set(key, (s = createCachedService({ ...options, ...(cache === undefined ? {} : { cache }) }, (fileSystem) => live().createService({ ...options, ...(fileSystem === undefined ? {} : { fileSystem }) }))));
  }
  return s;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;
const DECLARATION = /\.d\.[cm]?tsx?$/;

/**
 * The plugin. Babel calls it with its API and the plugin's options:
 *
 * ```js
 * babel.transformSync(code, {
 *   filename: "src/app.ts",
 *   plugins: [["miou/babel", { tsconfig: "tsconfig.app.json" }]],
 *   presets: ["@babel/preset-typescript"],
 * });
 * ```
 */
export default function miouBabel(api: Api, options: MiouBabelOptions = {}): MiouBabelPlugin {
  api.assertVersion("^7.22.0 || ^8.0.0-0");
  // Babel hands `manipulateOptions` and then `parserOverride` the very same `parserOpts` of one
  // module: the first learns which module it is (file name and working folder), the second
  // parses the rewritten module, and the visitor finds what the parse left for it by the AST.
  const modules = new WeakMap<object, { filename: string; cwd: string }>();
  const parsed = new WeakMap<ParsedFile, Transformed>();
  const transform = (filename: string, cwd: string, code: string) => serviceFor(cwd, options).transform(resolve(cwd, filename), code);
  return {
    name: "miou",
    manipulateOptions(opts, parserOpts) {
      const filename = opts.filename;
      if (typeof filename === "string" && ours(filename)) modules.set(parserOpts, { filename, cwd: opts.cwd ?? process.cwd() });
    },
    parserOverride(code, parserOpts, parse) {
      const module = modules.get(parserOpts);
      // `unambiguous` (the TypeScript preset's for .cts) decides module or script from the syntax,
      // which the rewrite changes (`import x = require()` is emitted as a `require`): that parse
      // stays Babel's own, of the original, and the visitor replaces its body.
      if (module === undefined || (parserOpts as { sourceType?: string }).sourceType === "unambiguous") return undefined;
      const out = transform(module.filename, module.cwd, code);
      // With diagnostics, the original is parsed: the visitor throws them with its code frames.
      const ast = parse(out.code === null || out.diagnostics.length > 0 ? code : out.code, parserOpts);
      parsed.set(ast, out);
      return ast;
    },
    visitor: {
      Program(path, { file }) {
        const filename = file.opts.filename;
        const early = parsed.get(file.ast);
        if (early === undefined && (typeof filename !== "string" || !ours(filename))) return;
        const out = early ?? transform(filename!, file.opts.cwd ?? process.cwd(), file.code);
        if (out.diagnostics.length > 0) throw diagnosticsError(file, out.diagnostics);
        if (out.code === null || out.map === null) return;
        if (early === undefined) replaceProgram(api, path, file, out.code);
        chainMap(file, out.map);
      },
    },
  };
}

/** A TypeScript module (not a declaration file): the modules the service transforms. */
function ours(filename: string): boolean {
  return TYPESCRIPT.test(filename) && !DECLARATION.test(filename);
}

/** When Babel was given an AST rather than code: the rewritten module replaces the one it holds. */
function replaceProgram(api: Api, path: ProgramPath, file: BabelFile, code: string): void {
  const filename = file.opts.filename;
  const parsed = api.parseSync(code, { filename, configFile: false, babelrc: false, sourceType: "module", parserOpts: file.opts.parserOpts ?? {} });
  if (parsed === null) throw new Error(`miou/babel: Babel could not parse the transformed ${filename}`);
  // The rewritten module replaces Babel's: the plugins and presets after this one see it.
  path.node.body = parsed.program.body;
  path.node.directives = parsed.program.directives;
  file.ast.comments = parsed.comments ?? [];
  path.scope.crawl();
}

/**
 * The new nodes are positioned in the rewritten code: Babel maps its output to them, then
 * through this input map to the original module.
 */
function chainMap(file: BabelFile, map: SourceMap): void {
  // An input map of the module's own (from a tool before Babel) would now be one step too far:
  // the original's positions are what the service's map leads to.
  // TODO(when a pipeline needs it): compose with an earlier input map instead of replacing it.
  file.inputMap = { toObject: () => ({ ...map, sources: [file.opts.sourceFileName ?? map.sources[0]!] }) };
}

/** One Babel error for all of the module's MIOU diagnostics, each with its code frame. */
function diagnosticsError(file: BabelFile, diagnostics: readonly ServiceDiagnostic[]): Error {
  const parts = diagnostics.map((d) => file.buildCodeFrameError({ loc: { start: d.start, end: d.end } }, `${d.message} (${d.start.line}:${d.start.column + 1})`).message);
  const error = new SyntaxError(parts.join("\n\n"));
  (error as SyntaxError & { code?: string }).code = diagnostics[0]!.code;
  return error;
}
