/**
 * The compile cache of `miou run`, `miou print` and the loader: what a compilation of a program
 * emitted into `.cache/miou/<key>/`, beside a manifest of every file it read. A re-run whose
 * files, compiler options, miou and TypeScript are unchanged runs the JavaScript already there,
 * without loading TypeScript at all: this module uses only Node's own modules, and hashes files.
 *
 * What must stay true: a manifest is written only after a compilation without errors, last, so
 * that one on disk always describes the outputs beside it; a manifest is used only when every
 * file it lists still has the content it was compiled from.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** One input file: its content's hash, and its size and mtime to skip hashing files under node_modules. */
interface Input {
  hash: string;
  size: number;
  mtime: number;
}

export interface Manifest {
  /** miou's and TypeScript's versions: a new one of either compiles again. */
  versions: string;
  /** The entry the program was compiled from. */
  entry: string;
  /** The tsconfig.json files read (with those it extends) and the package.json of the project. */
  configs: Record<string, Input>;
  /** Every source file of the program, libraries' declarations included. */
  files: Record<string, Input>;
  /** The JavaScript emitted for each source file of the program's own, and how Node loads it. */
  outputs: Record<string, { js: string; format: "module" | "commonjs" }>;
}

export interface Place {
  /** The tsconfig.json that applies, if any. */
  configPath: string | undefined;
  /** The folder the cache lives in (`.cache/miou/` there). */
  projectDir: string;
  /** This entry's own folder in the cache. */
  outDir: string;
}

/** The nearest tsconfig.json above `dir`, as `tsc` looks for it. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Where the program of `entry` (or of `tsconfig`, for a whole project) is cached. */
export function placeOf(entry: string | undefined, tsconfig?: string): Place {
  const start = entry !== undefined ? dirname(resolve(entry)) : process.cwd();
  const configPath = tsconfig !== undefined ? resolve(tsconfig) : findConfig(start);
  const projectDir = configPath !== undefined ? dirname(configPath) : start;
  const key = createHash("sha1")
    .update(`${configPath ?? start}\0${entry === undefined ? "" : resolve(entry)}`)
    .digest("hex")
    .slice(0, 12);
  return { configPath, projectDir, outDir: join(projectDir, ".cache", "miou", key) };
}

let versions: string | undefined;
/** miou's and TypeScript's versions, read from their package.json files. */
export function toolVersions(): string {
  if (versions !== undefined) return versions;
  const require = createRequire(import.meta.url);
  let ts = "none";
  try {
    ts = (JSON.parse(readFileSync(require.resolve("typescript/package.json"), "utf8")) as { version: string }).version;
  } catch {
    // no TypeScript: nothing can be compiled, and no manifest matches
  }
  return (versions = `miou ${ownVersion()}, typescript ${ts}`);
}

/** The version in miou's package.json, found above this file (in dist/, or in the sources). */
function ownVersion(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    const file = join(d, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "miou") return pkg.version ?? "0";
  }
  return "0";
}

const hashOf = (data: Buffer | string) => createHash("sha1").update(data).digest("hex");

/** The file as an input; undefined if it cannot be read. */
export function inputOf(file: string): Input | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return { hash: hashOf(readFileSync(file)), size, mtime: mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Does `file` still hold what it held? Files under node_modules (libraries, TypeScript's own
 * lib files) are taken as unchanged when their size and mtime are; the project's own files are
 * always hashed, since an edit may keep both.
 */
function unchanged(file: string, was: Input): boolean {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return false;
  }
  if (stat.size !== was.size) return false;
  if (file.includes(`${sep}node_modules${sep}`) && stat.mtimeMs === was.mtime) return true;
  return hashOf(readFileSync(file)) === was.hash;
}

const manifestPath = (outDir: string) => join(outDir, "manifest.json");

function read(outDir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(manifestPath(outDir), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** Is the manifest's compilation still what compiling again would give? */
function valid(m: Manifest): boolean {
  if (m.versions !== toolVersions()) return false;
  for (const [file, was] of Object.entries(m.configs)) if (!unchanged(file, was)) return false;
  for (const [file, was] of Object.entries(m.files)) if (!unchanged(file, was)) return false;
  return Object.values(m.outputs).every((out) => existsSync(out.js));
}

/** The cached compilation of `place`, if it is still valid. */
export function lookup(place: Place): Manifest | undefined {
  const m = read(place.outDir);
  return m !== undefined && valid(m) ? m : undefined;
}

/**
 * A valid cached compilation that holds `file`, whatever its entry: a worker's loader, which
 * first sees the module of a portable function, finds the program the main thread compiled.
 * The most recently written wins.
 */
export function lookupHolding(file: string): Manifest | undefined {
  const root = join(placeOf(file).projectDir, ".cache", "miou");
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return undefined;
  }
  const candidates = entries
    .map((name) => join(root, name))
    .filter((dir) => existsSync(manifestPath(dir)))
    .sort((a, b) => statSync(manifestPath(b)).mtimeMs - statSync(manifestPath(a)).mtimeMs);
  for (const dir of candidates) {
    const m = read(dir);
    if (m !== undefined && Object.hasOwn(m.outputs, file) && valid(m)) return m;
  }
  return undefined;
}

/** Records a compilation without errors: written last, and atomically. */
export function store(place: Place, manifest: Manifest): void {
  const tmp = `${manifestPath(place.outDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, manifestPath(place.outDir));
}
