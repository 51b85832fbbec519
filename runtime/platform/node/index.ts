/** The Node adapter: what the core needs from Node, and nothing else. */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, workerData } from "node:worker_threads";
import { installPlatform, type Port } from "../../core/platform.js";

/** Marks the `workerData` of threads miou starts as domains. */
export const DOMAIN_MARK = "miou.domain";

installPlatform({
  macrotask: (fn) => void setImmediate(fn),
  now: () => performance.now(),
  env: (name) => process.env[name],
  parallelism: () => availableParallelism(),
  report: (message, error) => {
    console.error(error === undefined ? message : `${message}:`, ...(error === undefined ? [] : [error]));
  },
  timer: (ms, fn) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
  domainThread: !isMainThread && (workerData as Record<string, unknown> | null)?.[DOMAIN_MARK] === true,
  startWorker: (uid, data) => {
    // The domain entry sits beside the runtime's own files (dist/worker.js).
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: { ...(data as object), [DOMAIN_MARK]: true },
      name: `miou domain ${uid}`,
    });
    return wrap(worker);
  },
});

function wrap(worker: Worker): Port {
  let exited = false;
  const exits: Array<(error: unknown) => void> = [];
  let failure: unknown;
  worker.on("error", (e) => (failure = e));
  worker.on("exit", () => {
    exited = true;
    for (const fn of exits) fn(failure);
  });
  return {
    post: (m) => worker.postMessage(m),
    listen: (fn) => void worker.on("message", fn),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: () => void worker.terminate(),
    onExit: (fn) => (exited ? fn(failure) : void exits.push(fn)),
  };
}
