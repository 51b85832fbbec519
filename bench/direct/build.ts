/**
 * Builds `programs.ts` with the real tspc and the transformer, once per bench run (the runner's
 * `prepare` step), and loads the output in the measuring processes.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
let built = false;

export async function buildPrograms(): Promise<void> {
  if (built) return;
  execFileSync(process.execPath, [join(root, "node_modules", "ts-patch", "bin", "tspc.js"), "--pretty", "false", "-p", join(here, "tsconfig.json")], { stdio: "inherit" });
  built = true;
}

let loaded: typeof import("./programs.js") | undefined;

/** Loads the transformer's output of `programs.ts` (a workload's `setup`, after `prepare` built it). */
export async function loadPrograms(): Promise<void> {
  loaded = (await import(pathToFileURL(join(root, ".cache", "bench-direct", "programs.js")).href)) as typeof import("./programs.js");
}

/** The loaded programs: no `await` inside a timed sample. */
export function compiled(): typeof import("./programs.js") {
  if (loaded === undefined) throw new Error("bench/direct: loadPrograms() has not run; give the workload `setup: loadPrograms`");
  return loaded;
}
