/**
 * The loader's hooks (Node runs them on a thread of their own): resolve `./x.js` to `./x.ts`
 * when only the TypeScript file exists, and load `.ts` files from one compilation of the
 * program, kept in the same cache as `miou run`'s. A worker domain's loader (a thread of its
 * own, that first sees the module of a portable function) finds the compilation the main
 * thread made, and compiles nothing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { lookup, lookupHolding, placeOf, type Manifest } from "../compile/cache.js";
import { typescriptProblem } from "../cli/doctor.js";

interface Context {
  parentURL?: string;
  conditions?: readonly string[];
  format?: string;
}
type Next<R> = (specifier: string, context: Context) => Promise<R>;
interface Resolved {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface Loaded {
  format: string;
  source?: string | ArrayBuffer | null;
  shortCircuit?: boolean;
}

/** The outputs of the compilations found so far, by source path. */
const compiled = new Map<string, Manifest["outputs"][string]>();

const TS_FILE = /\.(m|c)?tsx?$/;

export async function resolve(specifier: string, context: Context, next: Next<Resolved>): Promise<Resolved> {
  try {
    return await next(specifier, context);
  } catch (e) {
    // NodeNext style: `./b.js` names b.ts before it is compiled.
    if (context.parentURL !== undefined && /^\.\.?\//.test(specifier) && /\.(m|c)?js$/.test(specifier)) {
      const url = new URL(specifier.replace(/js$/, "ts"), context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    throw e;
  }
}

export async function load(url: string, context: Context, next: Next<Loaded>): Promise<Loaded> {
  if (!url.startsWith("file:") || !TS_FILE.test(url)) return next(url, context);
  const path = fileURLToPath(url);
  if (!compiled.has(path)) await compileFrom(path);
  const out = compiled.get(path);
  if (out === undefined) throw new Error(`miou/register: ${path} is not part of the program compiled from its importer; add it to tsconfig.json's files or include`);
  return { format: out.format, source: readFileSync(out.js, "utf8"), shortCircuit: true };
}

/** Finds, or makes, a compilation that holds `entry`. */
async function compileFrom(entry: string): Promise<void> {
  let outputs = (lookup(placeOf(entry)) ?? lookupHolding(entry))?.outputs;
  if (outputs === undefined) {
    const problem = typescriptProblem(dirname(fileURLToPath(import.meta.url)));
    if (problem !== undefined) throw new Error(`miou/register: ${problem}\n(npx miou doctor checks the whole set-up)`);
    const result = (await import("../compile/project.js")).compileEntry(entry);
    if (result.errors.length > 0) throw new Error(`miou/register: ${pathToFileURL(entry).href} does not compile:\n${result.errors.join("\n")}`);
    outputs = result.outputs;
  }
  for (const [source, out] of Object.entries(outputs)) compiled.set(source, out);
}
