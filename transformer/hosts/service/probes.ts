/**
 * The file system as the host service sees it, with a record of every question it asked (what
 * does this file hold, does it exist, which entries has this folder, where does this link lead)
 * and a fingerprint of each answer. Another process replays the questions: when every
 * fingerprint is the same, the service would build the same program from the same texts, so
 * its outputs are the same too (`cache.ts`). No TypeScript here: replaying must not load it.
 *
 * What must stay true: every read the service makes goes through a `FileSystem` (never `ts.sys`
 * directly), so the record covers whatever the program, its module resolution and its
 * tsconfig.json depend on, including files that were looked for and not found.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** What the service reads through: TypeScript's `System` has these (`ts.sys`). */
export interface FileSystem {
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  getDirectories(path: string): string[];
  realpath?(path: string): string;
  readDirectory(path: string, extensions?: readonly string[], exclude?: readonly string[], include?: readonly string[], depth?: number): string[];
}

/** One question and its answer's fingerprint: `[kind, path, detail, fingerprint]`. */
export type Probe = [kind: ProbeKind, path: string, detail: string, fingerprint: string];
type ProbeKind = "file" | "exists" | "dir" | "entries" | "real" | "tree";

/** The fingerprint of each kind of answer, read straight from the disk. */
const fingerprints: Record<ProbeKind, (path: string, detail: string) => string> = {
  file: (path) => {
    try {
      return createHash("sha1").update(readFileSync(path)).digest("base64");
    } catch {
      return "-";
    }
  },
  exists: (path) => String(statSync(path, { throwIfNoEntry: false })?.isFile() ?? false),
  dir: (path) => String(isDirectory(path)),
  entries: (path) => entries(path).join("\n"),
  real: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
  tree: (path, detail) => tree(path, JSON.parse(detail) as TreeDetail),
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder's entries, sorted, folders (links to folders too) marked with a trailing `/`. */
function entries(path: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return ["-"];
  }
  return names.sort().map((name) => (isDirectory(join(path, name)) ? `${name}/` : name));
}

interface TreeDetail {
  /** The include patterns: a folder TypeScript skips unless a pattern names it is walked when one does. */
  include: readonly string[];
  depth: number | undefined;
}

/**
 * The entries of every folder that TypeScript's search for a tsconfig.json's files may enter:
 * under `root`, the folders the include patterns start from (`src` for a pattern `src/...`). More than
 * it enters is only more to compare; never less: the package folders and hidden folders a
 * wildcard does not enter are skipped only when no include pattern names them.
 */
function tree(root: string, { include, depth }: TreeDetail): string {
  const named = (name: string) => include.some((pattern) => pattern.split(/[\\/]/).includes(name));
  const skipped = (name: string) => (name === "node_modules" || name === "bower_components" || name === "jspm_packages" || name.startsWith(".")) && !named(name);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, level: number) => {
    const real = fingerprints.real(dir, "");
    if (seen.has(real)) return;
    seen.add(real);
    const list = entries(dir);
    out.push(`${dir}:${list.join(",")}`);
    if (depth !== undefined && level >= depth) return;
    for (const entry of list) if (entry.endsWith("/") && !skipped(entry.slice(0, -1))) walk(join(dir, entry.slice(0, -1)), level + 1);
  };
  for (const base of [...new Set(include.map((pattern) => baseOf(root, pattern)))].sort()) walk(base, 0);
  return createHash("sha1").update(out.join("\n")).digest("base64");
}

/** The folder an include pattern starts from: its segments before the first wildcard. */
function baseOf(root: string, pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const wild = segments.findIndex((segment) => /[*?]/.test(segment));
  return resolve(root, ...(wild === -1 ? segments : segments.slice(0, wild)));
}

/** `base` with every question recorded; `probes()` lists them with their answers' fingerprints. */
export class RecordingFileSystem implements FileSystem {
  private readonly record = new Map<string, Probe>();

  constructor(private readonly base: FileSystem) {}

  private note(kind: ProbeKind, path: string, detail = ""): void {
    const key = `${kind}\0${path}\0${detail}`;
    // The last answer counts: an edited file is read again, and the program holds the new text.
    this.record.set(key, [kind, path, detail, fingerprints[kind](path, detail)]);
  }

  readFile(path: string): string | undefined {
    this.note("file", path);
    return this.base.readFile(path);
  }

  fileExists(path: string): boolean {
    this.note("exists", path);
    return this.base.fileExists(path);
  }

  directoryExists(path: string): boolean {
    this.note("dir", path);
    return this.base.directoryExists(path);
  }

  getDirectories(path: string): string[] {
    this.note("entries", path);
    return this.base.getDirectories(path);
  }

  realpath(path: string): string {
    this.note("real", path);
    return this.base.realpath?.(path) ?? path;
  }

  readDirectory(path: string, extensions?: readonly string[], exclude?: readonly string[], include?: readonly string[], depth?: number): string[] {
    this.note("tree", path, JSON.stringify({ include: include ?? [], depth }));
    return this.base.readDirectory(path, extensions, exclude, include, depth);
  }

  /** `path` was read again (a bundler's edit, a watcher's event): its new answer is the one to keep. */
  refresh(path: string): void {
    for (const [key, [kind, p, detail]] of this.record) if (p === path) this.record.set(key, [kind, p, detail, fingerprints[kind](p, detail)]);
  }

  probes(): Probe[] {
    return [...this.record.values()];
  }
}

/** Does the disk still answer every question as it did? The first that differs, or undefined. */
export function firstChanged(probes: readonly Probe[]): Probe | undefined {
  return probes.find(([kind, path, detail, fingerprint]) => fingerprints[kind](path, detail) !== fingerprint);
}
