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
import type { EnvironmentModuleNode, Plugin } from "vite";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceDiagnostic } from "../service/service.js";

/** The options of `miou({ ... })`. */
export interface MiouViteOptions {
  /** The tsconfig.json to build every module with, instead of the nearest one to each module. */
  tsconfig?: string;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;
/** miou's own built files: this plugin's folder (dist/) and the browser build in it. */
const OWN = dirname(fileURLToPath(import.meta.url));
/** How miou's runtime starts a worker domain: its entry beside the runtime's files. */
const WORKER_URL = 'new URL("./worker.js", import.meta.url)';
const WORKER_MARK = "__MIOU_WORKER_";
const DECLARATION = /\.d\.[cm]?tsx?$/;

/**
 * The plugin:
 *
 * ```ts
 * export default defineConfig({ plugins: [miou({ tsconfig: "tsconfig.app.json" })] });
 * ```
 */
export default function miou(options: MiouViteOptions = {}): Plugin {
  let service: Service | undefined;
  let root = process.cwd();
  let serving = false;
  /**
   * The modules whose facts changed with a file's last change: learnt once (in `watchChange`),
   * used by every environment's update.
   */
  const changes = new Map<string, string[]>();
  const changedWith = (file: string): string[] => {
    let files = changes.get(file);
    if (files === undefined) changes.set(file, (files = service?.changed(file) ?? []));
    return files;
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
      service = createService({ cwd: root, ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }) });
    },
    watchChange(id) {
      // Vite runs this before the update: the service learns the change once, for every environment.
      if (TYPESCRIPT.test(id)) {
        changes.delete(id);
        changedWith(id);
      }
    },
    transform(code, id) {
      const file = id.replace(/[?#].*$/, "");
      if (!serving && dirname(file).startsWith(OWN) && code.includes(WORKER_URL)) {
        // miou bundled into the app: its worker entry becomes a chunk of the same build, so that a
        // worker shares the app's copy of the runtime (its portable functions, its operations).
        // The chunk's name is filled in once chunks have names (`renderChunk`), relative to the
        // chunk that starts workers, whatever the build's `base`.
        const ref = this.emitFile({ type: "chunk", id: join(dirname(file), "worker.js"), name: "miou-worker" });
        return { code: code.replace(WORKER_URL, `new URL("./" + "${WORKER_MARK}${ref}__", import.meta.url)`), map: null };
      }
      if (service === undefined || !TYPESCRIPT.test(file) || DECLARATION.test(file) || file.includes("/node_modules/") || file.startsWith("\0")) return null;
      const out = service.transform(file, code);
      // The facts of this module depend on every file the analysis read: a build in watch mode must
      // rebuild when one changes. The dev server's watcher sees the project's files, and the
      // update below invalidates exactly the modules whose facts changed; it is told of the rest.
      for (const read of out.reads) if (read !== file && (!serving || !read.startsWith(`${root}/`))) this.addWatchFile(read);
      if (out.diagnostics.length > 0) this.error(diagnosticsMessage(out.diagnostics), out.diagnostics[0]!.start);
      if (out.code === null) return null;
      // A worker domain imports the module that registers its function, by that module's URL:
      // in a chunk of its own, the module runs there without the app's other code (the page's
      // DOM, Vite's preload polyfill), which a worker has no document for.
      if (out.portable && !serving) this.emitFile({ type: "chunk", id: file });
      return { code: out.code, map: out.map };
    },
    renderChunk(code, chunk) {
      if (!code.includes(WORKER_MARK)) return null;
      const from = dirname(chunk.fileName);
      const named = code.replace(new RegExp(`${WORKER_MARK}(\\w+?)__`, "g"), (_, ref: string) => posix.relative(from, this.getFileName(ref)));
      return { code: named, map: null };
    },
    hotUpdate({ file, modules }) {
      if (!TYPESCRIPT.test(file)) return;
      const more: EnvironmentModuleNode[] = [];
      for (const changed of changedWith(file)) {
        if (changed === file) continue;
        for (const m of this.environment.moduleGraph.getModulesByFile(changed) ?? []) if (!modules.includes(m)) more.push(m);
      }
      return more.length === 0 ? undefined : [...modules, ...more];
    },
  };
}

/** Every MIOU diagnostic of the module, each with its position; Vite adds the first one's code frame. */
function diagnosticsMessage(diagnostics: readonly ServiceDiagnostic[]): string {
  return diagnostics.map((d) => `${d.message} (${d.start.line}:${d.start.column + 1})`).join("\n");
}
