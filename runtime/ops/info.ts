/** The non-suspending queries: `Promise.uid`/`state`, `Domain.self`/`available`/`all`, `seed`. */
import { currentDomain } from "../core/context.js";
import { RETURNED, RUNNING } from "../core/task.js";
import { asTask, type Promise as MiouPromise } from "../types.js";

/** The task's uid: 1 for the root task of a run, then in order of creation. */
export function promiseUid(p: MiouPromise<unknown>): number {
  return asTask(p, "Promise.uid").uid;
}

/** `Running`, then `Finished` once it returned, or `Exited` once it failed or was cancelled. */
export function promiseState(p: MiouPromise<unknown>): "Running" | "Exited" | "Finished" {
  const t = asTask(p, "Promise.state");
  return t.state === RUNNING ? "Running" : t.state === RETURNED ? "Finished" : "Exited";
}

/** The current domain: 0 for dom0, the thread that called `run`. */
export function domainSelf(): number {
  return currentDomain("Domain.self").uid;
}

/** How many worker domains the run has (dom0 not counted). */
export function domainAvailable(): number {
  return currentDomain("Domain.available").run.domains;
}

/** The worker domains' uids: `[1..domains]`. */
export function domainAll(): number[] {
  const n = currentDomain("Domain.all").run.domains;
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** The current run's seed: pass it back as `run({ seed })` to replay the run's choices. */
export function seed(): string {
  return currentDomain("seed").run.seed;
}
