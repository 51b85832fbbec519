/**
 * The transformer's one core: analysis once per program, then the per-file rewrite. Every host
 * (the ts-patch plugin, the compile API, the CLI, the loader, the playground) adapts this and
 * holds no logic of its own.
 */
import type ts from "typescript";
import { analyse } from "./analyse/analyse.js";
import type { Facts } from "./analyse/facts.js";
import { diagnose } from "./analyse/diagnostics.js";
import { rewriteFile } from "./rewrite/rewrite.js";
import { brandDeclarations } from "./rewrite/declarations.js";

type TS = typeof import("typescript");

export interface Miou {
  facts: Facts;
  /** MIOU1001..1006 (messages.ts) as TypeScript diagnostics: code 9100n, message `MIOU100n: ...`. */
  diagnostics: ts.Diagnostic[];
  transformers: ts.CustomTransformers;
}

/**
 * The transformers for `program`. `ts` is the compiler instance the host runs (ts-patch hands
 * its own), so nodes are made by the factory that will print them. `known`: the facts and
 * diagnostics of this very program, when the host has them already (a host service that carried
 * them over an edit that changes none, or analysed it with `analyseProgram`); they must be exactly
 * what the analysis (and the diagnostics) would give.
 */
export function createMiou(ts: TS, program: ts.Program, known?: { facts: Facts; diagnostics?: ts.Diagnostic[] }): Miou {
  const facts = known?.facts ?? analyse(ts, program);
  const root = program.getCurrentDirectory();
  const es5 = (program.getCompilerOptions().target ?? ts.ScriptTarget.ES2015) < ts.ScriptTarget.ES2015;
  const siteFile = (file: ts.SourceFile) => {
    const name = file.fileName;
    return name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name;
  };
  const before: ts.TransformerFactory<ts.SourceFile> = (context) => (file) =>
    rewriteFile(ts, context, file, facts, { siteFile: siteFile(file), commonjs: emitsCommonJS(ts, program, file), es5 });
  const diagnostics = known?.diagnostics ?? diagnose(ts, program, facts).map(
    (d): ts.Diagnostic => ({
      category: ts.DiagnosticCategory.Error,
      code: 9100 + (d.code - 1000),
      file: d.node.getSourceFile(),
      start: d.node.getStart(),
      length: d.node.getWidth(),
      messageText: `MIOU${d.code}: ${d.message}`,
    }),
  );
  const afterDeclarations: ts.TransformerFactory<ts.SourceFile | ts.Bundle> = (context) => (node) =>
    brandDeclarations(ts, context, node, facts);
  return { facts, diagnostics, transformers: { before: [before], afterDeclarations: [afterDeclarations] } };
}

/** Is `file` emitted as a CommonJS module (`module: commonjs`, or a `.cts` or CommonJS-scoped file under `node16`/`nodenext`)? */
function emitsCommonJS(ts: TS, program: ts.Program, file: ts.SourceFile): boolean {
  // The program knows (TypeScript >= 5.6, not in its declarations); else the same rule by hand.
  const known = (program as { getEmitModuleFormatOfFile?: (f: ts.SourceFile) => ts.ModuleKind }).getEmitModuleFormatOfFile?.(file);
  if (known !== undefined) return known === ts.ModuleKind.CommonJS;
  const module = program.getCompilerOptions().module;
  if (module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext) return file.impliedNodeFormat === ts.ModuleKind.CommonJS;
  return module === ts.ModuleKind.CommonJS;
}
