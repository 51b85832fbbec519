/**
 * `miou/vite`: the Vite plugin, for the dev server and the build (Vitest takes it from the same
 * config).
 *
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from "vite";
 * import miou from "miou/vite";
 *
 * export default defineConfig({ plugins: [miou()] });
 * ```
 *
 * A thin adapter of the host service: each TypeScript module Vite loads is rewritten before
 * Vite strips its types (`enforce: "pre"`), from the TypeScript program of its tsconfig.json, with
 * a source map to the original. When a file changes, the service re-analyses it and the modules
 * whose facts changed are updated with it, so a hot update gives what a cold build gives.
 */
import type { EnvironmentModuleNode, Plugin, Rollup } from "vite";
import { createCachedService, type CachedService } from "../service/cache.js";
import type { Service, ServiceDiagnostic } from "../service/service.js";
import { emitWorkerChunk, nameWorkerChunk } from "./worker-chunk.js";

/** The options of `miou({ ... })`. */
export interface MiouViteOptions {
  /** The tsconfig.json to build every module with, instead of the nearest one to each module. */
  tsconfig?: string;
  /**
   * Where to keep each build for the next one (default `node_modules/.cache/miou`), or `false`.
   * A build (or a dev server's start) whose files are all as the last one read them builds no
   * TypeScript program, and does not even load TypeScript.
   */
  cache?: string | false;
}

/** The service's module, which loads TypeScript: imported at the first module the cache cannot answer. */
type Live = typeof import("../service/service.js");

const TYPESCRIPT = /\.[cm]?tsx?$/;
const DECLARATION = /\.d\.[cm]?tsx?$/;

/**
 * The plugin:
 *
 * ```ts
 * export default defineConfig({ plugins: [miou({ tsconfig: "tsconfig.app.json" })] });
 * ```
 */
export default function miou(options: MiouViteOptions = {}): Plugin {
  let service: CachedService | undefined;
  let live: Live | undefined;
  const loadLive = async () => void (live ??= await import("../service/service.js"));
  let root = process.cwd();
  let serving = false;
  /**
   * The modules whose facts changed with a file's last change: learnt in `watchChange`, used by
   * every environment's update. One save may reach Vite as two changes, the second learnt before
   * the first's update ran: what is learnt adds to what no update has used yet.
   */
  const changes = new Map<string, { files: Set<string>; used: boolean }>();
  const learn = (file: string) => {
    const known = changes.get(file);
    const files = known === undefined || known.used ? new Set<string>() : known.files;
    for (const changed of service?.changed(file) ?? []) files.add(changed);
    changes.set(file, { files, used: false });
  };

  return {
    name: "miou",
    enforce: "pre",
    config: () => ({
      // miou starts its worker domains from its own folder (`new URL("./worker.js", import.meta.url)`);
      // pre-bundled, it would look for the worker among Vite's dependency bundles.
      optimizeDeps: { exclude: ["miou"] },
    }),
    configResolved(config) {
      root = config.root;
      serving = config.command === "serve";
      const given = { cwd: root, ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }) };
      service = createCachedService({ ...given, ...(options.cache === undefined ? {} : { cache: options.cache }) }, (fileSystem) =>
        live!.createService({ ...given, ...(fileSystem === undefined ? {} : { fileSystem }) }),
      );
    },
    watchChange(id) {
      // Vite runs this before the update: the service learns the change once, for every environment.
      if (!TYPESCRIPT.test(id)) return;
      if (live === undefined) return loadLive().then(() => learn(id));
      learn(id);
    },
    transform(code, id) {
      const file = id.replace(/[?#].*$/, "");
      if (!serving) {
        const runtime = emitWorkerChunk(this, file, code);
        if (runtime !== null) return runtime;
      }
      if (service === undefined || !TYPESCRIPT.test(file) || DECLARATION.test(file) || file.includes("/node_modules/") || file.startsWith("\0")) return null;
      const served = service;
      // Synchronous unless the service must be loaded first (the first module the cache cannot answer).
      if (live === undefined && !served.hit(file, code)) return loadLive().then(() => transformModule(this, served, file, code, serving ? root : undefined));
      return transformModule(this, served, file, code, serving ? root : undefined);
    },
    buildEnd() {
      service?.flush();
    },
    renderChunk(code, chunk) {
      return nameWorkerChunk((ref) => this.getFileName(ref), code, chunk.fileName);
    },
    hotUpdate({ file, modules }) {
      if (!TYPESCRIPT.test(file)) return;
      const more: EnvironmentModuleNode[] = [];
      if (!changes.has(file) && live !== undefined) learn(file);
      const learnt = changes.get(file);
      if (learnt === undefined) return;
      learnt.used = true;
      for (const changed of learnt.files) {
        if (changed === file) continue;
        for (const m of this.environment.moduleGraph.getModulesByFile(changed) ?? []) if (!modules.includes(m)) more.push(m);
      }
      return more.length === 0 ? undefined : [...modules, ...more];
    },
  };
}

/** A TypeScript module through the service; `servedFrom`: the dev server's root (undefined in a build). */
function transformModule(context: Rollup.TransformPluginContext, service: Service, file: string, code: string, servedFrom: string | undefined) {
  const out = service.transform(file, code);
  // The facts of this module depend on every file the analysis read: a build in watch mode must
  // rebuild when one changes. The dev server's watcher sees the project's files, and `hotUpdate`
  // updates exactly the modules whose facts changed; it is told of the files outside the project.
  for (const read of out.reads) if (read !== file && (servedFrom === undefined || !read.startsWith(`${servedFrom}/`))) context.addWatchFile(read);
  if (out.diagnostics.length > 0) context.error(diagnosticsMessage(out.diagnostics), out.diagnostics[0]!.start);
  if (out.code === null) return null;
  // A worker domain imports the module that registers its function, by that module's URL: in a
  // chunk of its own, the module runs there without the app's other code (the page's DOM, Vite's
  // preload polyfill), which a worker has no document for.
  if (out.portable && servedFrom === undefined) context.emitFile({ type: "chunk", id: file });
  return { code: out.code, map: out.map };
}

/** Every MIOU diagnostic of the module, each with its position; Vite adds the first one's code frame. */
function diagnosticsMessage(diagnostics: readonly ServiceDiagnostic[]): string {
  return diagnostics.map((d) => `${d.message} (${d.start.line}:${d.start.column + 1})`).join("\n");
}
