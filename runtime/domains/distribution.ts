/**
 * What a run keeps about its other domains, owned by this layer: how its messages reach them,
 * the promise uids they share, and the counts that keep it from concluding (or from reporting
 * a deadlock) while other domains still have its tasks. The core sees it as `Run.elsewhere`.
 */
import type { Elsewhere, Run } from "../core/run.js";
import type { Message } from "./messages.js";

/** How a domain sends a message to another domain of its run. */
export interface Link {
  post(message: Message): void;
}

export class Distribution implements Elsewhere {
  /** Stand-ins on this domain whose task's end has not been reported yet. */
  outside = 0;
  /** Tasks other domains made here whose outcome they have not been sent yet. */
  live = 0;
  /** Called once the run is over on the thread that called `run` (the pool lets its workers go). */
  onEnd: (() => void) | null = null;

  constructor(
    readonly link: Link,
    /** Promise uids, shared by every domain of the run; null where there is no SharedArrayBuffer. */
    readonly uids: Int32Array | null,
    /** A uid when none are shared: unique across the run's domains, not ordered. */
    private readonly unshared: () => number,
  ) {}

  uid(): number {
    const shared = this.uids;
    return shared !== null ? Atomics.add(shared, 0, 1) + 1 : this.unshared();
  }

  end(): void {
    this.onEnd?.();
  }
}

/** The run's distribution; only code that runs once the run reached another domain asks. */
export function distribution(run: Run): Distribution {
  const e = run.elsewhere;
  if (!(e instanceof Distribution)) throw new Error(`miou: run ${run.id} has not reached another domain, yet something of its domains layer ran`);
  return e;
}

/** Sends `m` from this domain of `run` to another. */
export function post(run: Run, m: Message): void {
  distribution(run).link.post(m);
}

/** A counter of promise uids to share with other domains, from the count `run` issued so far. */
export function sharedUids(run: Run): Int32Array | null {
  if (typeof SharedArrayBuffer === "undefined") return null;
  const uids = new Int32Array(new SharedArrayBuffer(4));
  uids[0] = run.issued;
  return uids;
}
