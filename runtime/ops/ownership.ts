/** Ownership: resources a task owns and that are finalised when it dies (README, "Ownership"). */
import { currentDomain, suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Not_owner } from "../core/errors.js";
import { Op } from "../core/protocol.js";
import { Resource as Handle, resourceUid } from "../core/resource.js";
import { innermostSite, type Task } from "../core/task.js";
import { isInstance, type Operation } from "../types.js";
import { Stub } from "../domains/crossing.js";
import { transferAway } from "../domains/stand-ins.js";

declare const RESOURCE: unique symbol;

/** An owned resource: a value and its finaliser (opaque; see `Ownership.create`). */
export interface Resource<V> {
  readonly [RESOURCE]: () => V;
}

/** The resource behind a handle, or a TypeError naming the function that got something else. */
export function handle(r: unknown, fn: string): Handle<unknown> {
  if (!isInstance(r, Handle)) throw new TypeError(`Miou.${fn}: expected a resource made by Miou.Ownership.create`);
  return r;
}

function owned(task: Task, r: Handle<unknown>): number {
  return task.resources === null ? -1 : task.resources.indexOf(r);
}

function drop(task: Task, index: number): void {
  const [r] = task.resources!.splice(index, 1);
  r!.owner = null;
}

function attach(task: Task, r: Handle<unknown>): void {
  r.owner = task;
  (task.resources ??= []).unshift(r);
}

/** `give`: moves resources from the creating task to its new child (taken with `surrender`). */
export function give(to: Task, resources: readonly Handle<unknown>[]): void {
  for (const r of resources) attach(to, r);
}

/**
 * The resources `give` names, no longer the giver's (`fn` names the function in errors). All are
 * checked before any moves: the giver must own each of them, or nothing changes hands.
 */
export function surrender(from: Task, resources: readonly Resource<unknown>[], fn: string): Handle<unknown>[] {
  const handles = resources.map((given) => handle(given, `${fn}: give`));
  for (const r of handles) {
    if (owned(from, r) < 0)
      throw new Not_owner(
        `Miou.${fn}: task ${from.uid} gives resource ${r.uid}, which it does not own; ` +
          "a task gives only what it owns: `yield* Miou.Ownership.own(r)` first",
      );
  }
  for (const r of handles) drop(from, owned(from, r));
  return handles;
}

type Kind = "own" | "disown" | "release" | "transfer" | "check";

class OwnershipOp extends Op {
  constructor(
    readonly kind: Kind,
    readonly r: Handle<unknown>,
  ) {
    super();
    this.cleanup = kind === "disown" || kind === "release";
  }
  get label(): string {
    return `Ownership.${this.kind}`;
  }
  perform(task: Task, domain: DomainPort): unknown {
    const r = this.r;
    const i = owned(task, r);
    if (this.kind === "own") {
      if (i >= 0) throw new TypeError(`Miou.Ownership.own: the current promise already holds resource ${r.uid}`);
      const owner = r.owner;
      if (owner !== null)
        throw new Not_owner(
          `Miou.Ownership.own: resource ${r.uid} is owned by task ${owner.uid}, and a resource has one owner; ` +
            "move it with `give` (async/call) or `Ownership.transfer`, or have the owner `disown` it first",
        );
      attach(task, r);
      const f = task.fiber;
      if (f !== null) r.site = innermostSite(f);
      return undefined;
    }
    if (this.kind === "transfer" && task.parent === null)
      throw new TypeError("Miou.Ownership.transfer: the current promise has no parent, so it is impossible to transfer a resource");
    if (i < 0) throw new Not_owner(`Miou.${this.label}: task ${task.uid} does not own resource ${r.uid}`);
    if (this.kind === "release") {
      // Dropped first: the finaliser runs once, and if it throws, its error reaches the caller
      // with the resource already released (kept owned, it would be finalised again at the end).
      drop(task, i);
      r.finaliser(r.value);
    } else if (this.kind === "disown") {
      drop(task, i);
    } else if (this.kind === "transfer") {
      drop(task, i);
      // A parent on another domain gets it by message; its finaliser stays with its domain.
      if (!transferAway(task, domain.run, r)) attach(task.parent!, r);
    }
    return undefined;
  }
}

function op(kind: Kind, r: Resource<unknown>): Operation<void> {
  suspending(`Ownership.${kind}`);
  return new OwnershipOp(kind, handle(r, `Ownership.${kind}`)) as Operation<void>;
}

/**
 * Makes a resource: `value`, with the `finaliser` that releases it. It is owned by no one until
 * a task `own`s it; a task that dies owning it runs the finaliser.
 *
 * @example
 * ```ts
 * const r = Miou.Ownership.create(socket, (s) => s.destroy());
 * yield* Miou.Ownership.own(r);
 * // ... use Miou.Ownership.value(r); on failure or cancellation the socket is destroyed
 * yield* Miou.Ownership.release(r);
 * ```
 */
export function create<V>(value: V, finaliser: (value: V) => void): Resource<V> {
  if (typeof finaliser !== "function") throw new TypeError("Miou.Ownership.create: the finaliser must be a function");
  let domain: DomainPort | null = null;
  try {
    domain = currentDomain("Ownership.create");
  } catch {
    domain = null; // made outside a run: usable by whichever domain owns it
  }
  return new Handle(resourceUid(), value, finaliser as (v: unknown) => void, domain) as unknown as Resource<V>;
}

/** The value a resource holds; only on the domain that made it. */
export function value<V>(r: Resource<V>): V {
  const h = handle(r, "Ownership.value");
  if (h instanceof Stub)
    throw new TypeError(`Miou.Ownership.value: resource ${h.uid} belongs to domain ${h.origin}; its value stays there (only the obligation to release it crossed)`);
  return h.value as V;
}

/** ⏸ The current task takes ownership of `r`. */
export const own = (r: Resource<unknown>): Operation<void> => op("own", r);
/** ⏸ The current task gives up `r` without finalising it (no scheduling point while unwinding). */
export const disown = (r: Resource<unknown>): Operation<void> => op("disown", r);
/** ⏸ Runs `r`'s finaliser and drops it (no scheduling point while unwinding). */
export const release = (r: Resource<unknown>): Operation<void> => op("release", r);
/** ⏸ Moves `r` to the current task's parent. */
export const transfer = (r: Resource<unknown>): Operation<void> => op("transfer", r);
/** ⏸ Throws `Not_owner` unless the current task owns `r`. */
export const check = (r: Resource<unknown>): Operation<void> => op("check", r);
