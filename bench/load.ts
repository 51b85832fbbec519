/** Finding and loading workload files; shared by the runner and the measuring process. */
import type { Workload } from "./workload.js";

/** Loads a workload file (by URL): its default export is one workload or a list of them. */
export async function loadWorkloads(url: string): Promise<Workload[]> {
  const mod = (await import(url)) as { default?: Workload | Workload[] };
  const w = mod.default;
  if (w === undefined) throw new Error(`${url} has no default export; a workload file exports its workloads as default`);
  return Array.isArray(w) ? w : [w];
}
