/**
 * The host service's build cache: what a build handed the bundler, kept on disk with the record
 * of every file-system question the build's TypeScript program rested on (`probes.ts`). The next
 * process replays the questions; when the disk answers all of them as before, no TypeScript
 * program is built: each module's output is the one kept (the same code, map and diagnostics),
 * for as long as the bundler hands the same module texts. At the first difference the service is
 * started as without a cache, and what it hands out is kept for next time.
 *
 * ```ts
 * const service = createCachedService({ cwd }, (fs) => createService({ cwd, fs }));
 * service.transform(file, code); // from the cache, or from the service
 * service.flush();               // at the end of a build (also done when the process exits)
 * ```
 *
 * The cache lives in `node_modules/.cache/miou/` under the working folder (beside Babel's and
 * Vite's), or in the system's temporary folder when there is no `node_modules`. A kept build is
 * only used by the same miou code, the same TypeScript, the same working folder and options.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { firstChanged, RecordingFileSystem, type FileSystem, type Probe } from "./probes.js";
import type { Service } from "./service.js";
import type { Transformed } from "./transformed.js";

export interface CacheOptions {
  cwd: string;
  tsconfig?: string;
  /** The folder to keep builds in, or `false` for none; default: `node_modules/.cache/miou`. */
  cache?: string | false;
}

/** A service that answers from the last build when nothing it rested on changed. */
export interface CachedService extends Service {
  /** Would `transform(file, code)` be answered from the cache (no TypeScript needed)? */
  hit(file: string, code: string): boolean;
  /** Writes what this process built, for the next one (when the disk still holds what it read). */
  flush(): void;
}

interface Snapshot {
  key: string;
  probes: Probe[];
  /** Each module's text (its fingerprint) and what the service handed out for it. */
  modules: Record<string, { text: string; out: Transformed }>;
}

const FORMAT = 1;

const fingerprint = (data: string | Buffer) => createHash("sha1").update(data).digest("base64");

/** The code that decides the outputs: this folder's modules, built (`dist/`) or from source (`transformer/`). */
function codeFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = basename(here) === "service";
  const root = fromSource ? resolve(here, "..", "..") : here;
  const hash = createHash("sha1");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (fromSource) walk(path);
      } else if (/\.[cm]?[jt]s$/.test(entry.name)) hash.update(path).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest("base64");
}

/** The TypeScript the service would load: its version and where it is. */
function typescriptIdentity(): string {
  const path = createRequire(import.meta.url).resolve("typescript/package.json");
  return `${path}@${(JSON.parse(readFileSync(path, "utf8")) as { version: string }).version}`;
}

function cacheFolder(options: CacheOptions): string {
  if (typeof options.cache === "string") return resolve(options.cwd, options.cache);
  const modules = join(options.cwd, "node_modules");
  return existsSync(modules) ? join(modules, ".cache", "miou") : join(tmpdir(), "miou-cache");
}

/** What to write when the process exits: one listener for every service. */
const atExit = new Set<() => void>();
process.once("exit", () => atExit.forEach((flush) => flush()));

/**
 * The service for `options`, answering from the cache while it can; `live(fs)` makes the real
 * one (reading the disk through the recorder it is handed) at the first module it cannot answer.
 */
export function createCachedService(options: CacheOptions, live: (fileSystem: ((disk: FileSystem) => FileSystem) | undefined) => Service): CachedService {
  if (options.cache === false) {
    let service: Service | undefined;
    const get = () => (service ??= live(undefined));
    return { transform: (f, c) => get().transform(f, c), preload: (f, c) => get().preload(f, c), changed: (f) => get().changed(f), counts: () => get().counts(), hit: () => false, flush: () => {} };
  }
  const identity = JSON.stringify([FORMAT, codeFingerprint(), typescriptIdentity(), options.cwd, options.tsconfig ?? null]);
  const key = fingerprint(identity);
  const file = join(cacheFolder(options), `${fingerprint(`${options.cwd}\0${options.tsconfig ?? ""}`).replace(/[/+=]/g, "_")}.json`);
  const kept = readSnapshot(file, key);
  /** The modules answered from the cache, with their texts: the real service starts with them. */
  const answered = new Map<string, string>();

  let recorder: RecordingFileSystem | undefined;
  let service: Service | undefined;
  /** What the real service handed out in this process, and the texts it was handed. */
  const built = new Map<string, { code: string; out: Transformed }>();
  const start = (): Service => {
    if (service !== undefined) return service;
    service = live((disk) => (recorder = new RecordingFileSystem(disk)));
    for (const [f, code] of answered) service.preload(f, code);
    return service;
  };

  const flush = () => {
    if (recorder === undefined || built.size === 0) return;
    const modules: Snapshot["modules"] = {};
    for (const [f, { code, out }] of built) {
      // A text the bundler gave that is not the disk's: the record would not describe it.
      let disk: Buffer;
      try {
        disk = readFileSync(f);
      } catch {
        return;
      }
      if (!disk.equals(Buffer.from(code))) return;
      recorder.refresh(f);
      modules[f] = { text: fingerprint(code), out };
    }
    const snapshot: Snapshot = { key, probes: recorder.probes(), modules };
    try {
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify(snapshot));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written is only a slower next build.
    }
  };
  atExit.add(flush);
  const hit = (f: string, code: string) => service === undefined && kept !== undefined && kept.modules[f]?.text === fingerprint(code);

  return {
    hit,
    transform(f, code) {
      if (hit(f, code)) {
        answered.set(f, code);
        return kept!.modules[f]!.out;
      }
      const out = start().transform(f, code);
      built.set(f, { code, out });
      return out;
    },
    preload(f, code) {
      start().preload(f, code);
    },
    changed(f) {
      const changed = start().changed(f);
      for (const c of changed) built.delete(c);
      return changed;
    },
    counts() {
      return service?.counts() ?? { analyses: 0, carried: 0 };
    },
    flush,
  };
}

/** The snapshot in `file`, if it is for `key` and the disk still answers its questions as it did. */
function readSnapshot(file: string, key: string): Snapshot | undefined {
  let snapshot: Snapshot;
  try {
    if (!statSync(file).isFile()) return undefined;
    snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.key !== key || firstChanged(snapshot.probes) !== undefined) return undefined;
  return snapshot;
}
