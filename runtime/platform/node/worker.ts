/** The entry of a worker domain's thread in Node (`dist/worker.js`). */
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import "./index.js";
import "../../gen.js"; // `miou/gen`, for functions rebuilt from their source
import { serve } from "../../domains/worker.js";

/**
 * Node 20 does not run the main thread's `--import` modules in worker threads, so loaders such
 * as `miou/register` would be missing here: the domain imports them itself, resolved from the
 * working directory as `--import` does, before it takes its first message.
 */
async function preload(): Promise<void> {
  const argv = process.execArgv;
  const cwd = process.cwd();
  const require = createRequire(join(cwd, "noop.js"));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const spec = arg === "--import" ? argv[++i] : arg.startsWith("--import=") ? arg.slice("--import=".length) : undefined;
    if (spec === undefined) continue;
    const url = spec.startsWith("file:") ? spec : spec.startsWith(".") || isAbsolute(spec) ? pathToFileURL(resolve(cwd, spec)).href : pathToFileURL(require.resolve(spec)).href;
    await import(url);
  }
}

const data = workerData as { uid: number; taken: Int32Array };
const port = parentPort!;
await preload();
serve(
  {
    post: (m) => port.postMessage(m),
    listen: (fn) => void port.on("message", fn),
    ref: () => port.ref(),
    unref: () => port.unref(),
    terminate: () => process.exit(0),
    onExit: () => undefined,
  },
  data.uid,
  data.taken,
);
