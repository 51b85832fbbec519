/** The Node adapter: what the core needs from Node, and nothing else. */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { installPlatform } from "../../core/platform.js";

installPlatform({
  macrotask: (fn) => void setImmediate(fn),
  now: () => performance.now(),
  env: (name) => process.env[name],
  parallelism: () => availableParallelism(),
  report: (message, error) => {
    console.error(error === undefined ? message : `${message}:`, ...(error === undefined ? [] : [error]));
  },
});
