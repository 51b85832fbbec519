/**
 * Ownership: values with a finaliser that a task owns. A task that dies owning resources has
 * their finalisers run; one that returns owning some ends the run with `Resource_leaked`.
 */
import type { Domain } from "./domain.js";
import type { Task } from "./task.js";

export class Resource<V> {
  /**
   * The task that owns it on this domain, or null. A resource has at most one owner: whatever
   * adds it to a task's `resources` sets this, whatever takes it out clears it.
   */
  owner: Task | null = null;

  /** The call site of the `own` (or `give`) that made a task its owner, for `Resource_leaked`; 0 when unknown. */
  site = 0;
  constructor(
    readonly uid: number,
    readonly value: V,
    readonly finaliser: (value: V) => void,
    /** The domain that created it: the only one that may read it or run its finaliser. */
    readonly domain: Domain | null,
  ) {}
}

let nextResource = 1;
export function resourceUid(): number {
  return nextResource++;
}
