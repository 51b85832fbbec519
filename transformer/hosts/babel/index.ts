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
 * hands back the rewritten module, which replaces the module Babel parsed, with a source map
 * Babel chains to the original. A module the transformer leaves alone is left to Babel as it
 * parsed it. MIOU diagnostics become a Babel error with a code frame for each.
 */
import { resolve } from "node:path";
import { createService, type Service, type ServiceDiagnostic, type SourceMap } from "../service/service.js";

/** The options of `["miou/babel", { ... }]`. */
export interface MiouBabelOptions {
  /** The tsconfig.json to build every module with, instead of the nearest one to each module. */
  tsconfig?: string;
}

// The little of Babel's API the plugin uses, declared here so that the plugin's types need no
// Babel types installed (Babel 7 and 8 both provide these).
interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface BabelFile {
  code: string;
  opts: { filename?: string | null; cwd?: string; parserOpts?: object; sourceFileName?: string };
  ast: { comments?: unknown[] | null };
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

/** What Babel gets from a plugin: a name and a visitor. */
export interface MiouBabelPlugin {
  name: string;
  visitor: { Program(path: ProgramPath, state: { file: BabelFile }): void };
}

const services = new Map<string, Service>();

/** The service of a working folder and configuration: one TypeScript program per project, kept across files. */
function serviceFor(cwd: string, tsconfig: string | undefined): Service {
  const key = `${cwd}\0${tsconfig ?? ""}`;
  let s = services.get(key);
  if (s === undefined) services.set(key, (s = createService({ cwd, ...(tsconfig === undefined ? {} : { tsconfig: resolve(cwd, tsconfig) }) })));
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
  return {
    name: "miou",
    visitor: {
      Program(path, { file }) {
        const filename = file.opts.filename;
        if (typeof filename !== "string" || !TYPESCRIPT.test(filename) || DECLARATION.test(filename)) return;
        const cwd = file.opts.cwd ?? process.cwd();
        const out = serviceFor(cwd, options.tsconfig).transform(resolve(cwd, filename), file.code);
        if (out.diagnostics.length > 0) throw diagnosticsError(file, out.diagnostics);
        if (out.code === null || out.map === null) return;
        const parsed = api.parseSync(out.code, { filename, configFile: false, babelrc: false, sourceType: "module", parserOpts: file.opts.parserOpts ?? {} });
        if (parsed === null) throw new Error(`miou/babel: Babel could not parse the transformed ${filename}`);
        // The rewritten module replaces Babel's: the plugins and presets after this one see it.
        path.node.body = parsed.program.body;
        path.node.directives = parsed.program.directives;
        file.ast.comments = parsed.comments ?? [];
        path.scope.crawl();
        chainMap(file, out.map);
      },
    },
  };
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
