/**
 * The transformer's one core: analysis once per program, then the per-file rewrite. Every host
 * (the ts-patch plugin, the compile API, the CLI, the loader, the playground) adapts this and
 * holds no logic of its own.
 */
import type ts from "typescript";
import { analyse } from "./analyse/analyse.js";
import type { Facts } from "./analyse/facts.js";
import { rewriteFile } from "./rewrite/rewrite.js";

type TS = typeof import("typescript");

export interface Miou {
  facts: Facts;
  transformers: ts.CustomTransformers;
}

/**
 * The transformers for `program`. `ts` is the compiler instance the host runs (ts-patch hands
 * its own), so nodes are made by the factory that will print them.
 */
export function createMiou(ts: TS, program: ts.Program): Miou {
  const facts = analyse(ts, program);
  const root = program.getCurrentDirectory();
  const siteFile = (file: ts.SourceFile) => {
    const name = file.fileName;
    return name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name;
  };
  const before: ts.TransformerFactory<ts.SourceFile> = (context) => (file) =>
    rewriteFile(ts, context, file, facts, { siteFile: siteFile(file) });
  return { facts, transformers: { before: [before] } };
}
