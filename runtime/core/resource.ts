/**
 * Ownership: values with a finaliser that a task owns. A task that dies owning resources has
 * their finalisers run; one that returns owning some ends the run with `Resource_leaked`.
 */

/**
 * What a resource knows of its owner (a task) and of the domain that made it: who they are.
 * Nothing more, so that this file names no other (the task record lists its resources).
 */
export interface Holder {
  readonly uid: number;
}

export class Resource<V> {
  /**
   * The task that owns it on this domain, or null. A resource has at most one owner: whatever
   * adds it to a task's `resources` sets this, whatever takes it out clears it.
   */
  owner: Holder | null = null;

  /** The call site of the `own` (or `give`) that made a task its owner, for `Resource_leaked`; 0 when unknown. */
  site = 0;
  constructor(
    readonly uid: number,
    readonly value: V,
    readonly finaliser: (value: V) => void,
    /** The domain that created it: the only one that may read it or run its finaliser. */
    readonly domain: Holder | null,
  ) {}
}

let nextResource = 1;
export function resourceUid(): number {
  return nextResource++;
}
