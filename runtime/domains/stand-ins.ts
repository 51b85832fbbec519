/**
 * The stand-ins that keep a task tree whole across domains. `call` and `parallel` make, on the
 * caller's domain, a `Remote`: a child that holds the place of the task in the caller's tree
 * (awaited, cancelled, counted by rule 1 like any child) while the task itself runs on another
 * domain, under an `Anchor` that stands for the caller there. Both are children and parents
 * the core knows (`core/task.ts`, the `Child` contract); messages keep each pair in step:
 *
 * - `spawn` creates the task on its domain; `settled` brings back its outcome once its whole
 *   subtree is gone; `cancel` tears it down there, and the answer is `settled` again.
 */
import { Cancelled, describe } from "../core/errors.js";
import { drained, settle } from "../core/lifecycle.js";
import type { Resource } from "../core/resource.js";
import type { DomainPort, Run } from "../core/run.js";
import { AWAY, DONE, FAILED, GONE, LEAVING, PARKED, RETURNED, Task, detach, type Wait } from "../core/task.js";
import { encode } from "./codec.js";
import { crossing } from "./crossing.js";
import { distribution, post } from "./distribution.js";
import type { Ref } from "./portable.js";

/** The stand-ins of this domain of a run. */
interface StandIns {
  /** Stand-ins for children on other domains, by uid. */
  remotes: Map<number, Remote>;
  /** Tasks made here by other domains, by uid, until their outcome is sent. */
  anchored: Map<number, Task>;
}

const registry = new WeakMap<Run, StandIns>();

export function standIns(run: Run): StandIns {
  let s = registry.get(run);
  if (s === undefined) registry.set(run, (s = { remotes: new Map(), anchored: new Map() }));
  return s;
}

const noBody = (): undefined => undefined;

/** The stand-in, on the caller's domain, for a child running on domain `target`: AWAY until it ends. */
export class Remote extends Task {
  /** The run, on this domain (the task record knows its domain only as a `Home`). */
  private readonly run: Run;
  constructor(uid: number, domain: DomainPort, parent: Task, readonly target: number) {
    super(uid, domain, parent, noBody);
    this.run = domain.run;
    this.code = null;
    this.phase = AWAY;
  }

  /** AWAY → LEAVING: its outcome is `Cancelled`; it is gone when the other domain says so. */
  override tearDown(): void {
    this.phase = LEAVING;
    this.state = FAILED;
    this.result = new Cancelled();
    const run = this.run;
    post(run, { t: "cancel", run: run.id, to: this.target, id: this.uid });
  }
}

/**
 * Makes the stand-in and sends the task to `target`; a value that cannot cross fails the child.
 * The run must have reached its other domains already (the pool is connected).
 */
export function spawnRemote(task: Task, domain: DomainPort, target: number, fn: Ref, arg: { value: unknown } | null, give: readonly Resource<unknown>[], where: string): Remote {
  const run = domain.run;
  const d = distribution(run);
  const c = crossing(run);
  const child = new Remote(run.uid(), domain, task, target);
  standIns(run).remotes.set(child.uid, child);
  d.outside += 1;
  const refs = give.map((r) => encode(r, c.resources));
  try {
    d.link.post({
      t: "spawn",
      run: run.id,
      to: target,
      from: domain.uid,
      id: child.uid,
      parent: task.uid,
      fn: fn.kind === "registered" ? { ...fn, captures: encode(fn.captures, c.resources) as unknown[] } : fn,
      arg: arg === null ? undefined : encode(arg.value, c.resources),
      args: arg !== null,
      give: refs,
    });
  } catch (e) {
    // Settled at once, as if it had failed there: the caller still awaits or cancels it.
    standIns(run).remotes.delete(child.uid);
    d.outside -= 1;
    child.state = FAILED;
    child.result = new TypeError(`${where}: what the task needs cannot be sent to domain ${target}: ${describe(e)}`, { cause: e });
    child.phase = DONE;
  }
  return child;
}

/**
 * The task behind stand-in `r` is over: `r` settles with its outcome (`result` is read only
 * then), or, torn down by its caller, leaves its parent.
 */
export function remoteEnded(run: Run, r: Remote, ok: boolean, result: () => unknown): void {
  standIns(run).remotes.delete(r.uid);
  distribution(run).outside -= 1;
  if (r.phase === LEAVING) return drained(run.home, r, false);
  r.state = ok ? RETURNED : FAILED;
  r.result = result();
  settle(run.home, r, null); // its own domain reported it
}

/** Stands for a task of another domain, the parent of one task made here on its behalf. */
export class Anchor extends Task implements Wait {
  /** The run, on this domain (the task record knows its domain only as a `Home`). */
  private readonly run: Run;
  constructor(
    uid: number,
    domain: DomainPort,
    /** The caller's domain, and the uid of the stand-in there (the task's own uid). */
    readonly from: number,
    readonly id: number,
  ) {
    super(uid, domain, null, noBody);
    this.run = domain.run;
    this.code = null;
    this.phase = PARKED; // on its one child, for good: `childDone` sends the outcome back
  }
  override get wait(): Wait {
    return this;
  }
  override set wait(_: Wait | null) {}
  /** The task settled, or was torn down: its outcome goes back to its caller. */
  childDone(_anchor: Task, child: Task): void {
    answer(this.run, this, child);
  }
}

/** Sends the outcome of `task`, made here for `anchor`'s caller, back to it (once). */
export function answer(run: Run, anchor: Anchor, task: Task): void {
  if (!standIns(run).anchored.delete(task.uid)) return;
  detach(task);
  const c = crossing(run);
  const reply = { t: "settled" as const, run: run.id, to: anchor.from, id: task.uid };
  const torn = task.phase === GONE;
  const ok = task.state === RETURNED && !torn;
  try {
    post(run, { ...reply, ok, value: encode(task.result, c.resources), torn });
  } catch (e) {
    const error = new TypeError(`Miou.call: the value task ${task.uid} returned cannot be sent back to domain ${anchor.from}: ${describe(e)}`);
    post(run, { ...reply, ok: false, value: encode(error, c.resources), torn });
  }
  distribution(run).live -= 1;
}

/** `transfer` from a task whose parent is on another domain: the resource goes there by message. */
export function transferAway(task: Task, run: Run, r: Resource<unknown>): boolean {
  const parent = task.parent;
  if (!(parent instanceof Anchor)) return false;
  post(run, { t: "transfer", run: run.id, to: parent.from, task: parent.id, resource: encode(r, crossing(run).resources) });
  return true;
}
