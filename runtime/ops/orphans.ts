/** Orphans: a collector of background children (rule 5 in RULES.md). */
import { suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { isInstance, asPromise, type Operation, type Promise, type Result } from "../types.js";
import { computed, pick } from "./result.js";

declare const ORPHANS: unique symbol;

/** A collector of background children; see `orphans()`. */
export interface Orphans<T> {
  readonly [ORPHANS]: T;
}

class Collector {
  /** The task that first used the collector; only it may use it afterwards. */
  owner: Task | null = null;
  /** Newest first. */
  tasks: Task[] = [];

  add(child: Task): void {
    this.tasks.unshift(child);
  }

  remove(p: Task): void {
    this.tasks.splice(this.tasks.indexOf(p), 1);
  }
}

/** Throws unless `o` is a collector: what every function taking one checks at the call. */
export function asCollector(o: unknown, fn: string): Collector {
  if (!isInstance(o, Collector)) throw new TypeError(`Miou.${fn}: expected a collector made by Miou.orphans()`);
  return o;
}

export function claim(o: Orphans<unknown>, task: Task, fn: string): Collector {
  const c = asCollector(o, fn);
  c.owner ??= task;
  if (c.owner !== task)
    throw new TypeError(`Miou.${fn}: the given orphans is owned by another promise (task ${c.owner.uid}); only the task that first used it may use it`);
  return c;
}

/**
 * Makes an empty collector. Children created with `async(fn, { orphans })` are registered in
 * it; `care` hands back the finished ones, to be awaited, so a server can clean up after its
 * handlers without keeping a list.
 */
export function orphans<T>(): Orphans<T> {
  return new Collector() as unknown as Orphans<T>;
}

/** How many children the collector still holds (a child awaited directly stays counted). */
export function length(o: Orphans<unknown>): number {
  return asCollector(o, "length").tasks.length;
}

class CareOp extends Op {
  constructor(
    readonly o: Orphans<unknown>,
    readonly takeAny: boolean,
  ) {
    super();
  }
  get label(): string {
    return this.takeAny ? "take" : "care";
  }
  perform(task: Task): unknown {
    const c = claim(this.o, task, this.label);
    if (c.tasks.length === 0) return undefined;
    const p = this.takeAny ? c.tasks[0] : c.tasks.find((t) => t.done);
    if (p === undefined) return "pending";
    c.remove(p);
    return asPromise(p);
  }
}

/**
 * ⏸ Hands back a finished child of the collector (still to be awaited, which then returns at
 * once); `"pending"` when children are left but none has finished; `undefined` when none is left.
 */
export function care<T>(o: Orphans<T>): Operation<Promise<T> | "pending" | undefined> {
  suspending("care");
  asCollector(o, "care");
  return new CareOp(o, false) as Operation<Promise<T> | "pending" | undefined>;
}

/** ⏸ Removes and returns the newest child of the collector, finished or not (to await or cancel). */
export function take<T>(o: Orphans<T>): Operation<Promise<T> | undefined> {
  suspending("take");
  asCollector(o, "take");
  return new CareOp(o, true) as Operation<Promise<T> | undefined>;
}

class GetOp extends Op implements Wait {
  constructor(readonly o: Orphans<unknown>) {
    super();
  }
  get label(): string {
    return "get";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const c = claim(this.o, task, "get");
    if (c.tasks.length === 0) return undefined;
    const settled = c.tasks.filter((t) => t.done);
    if (settled.length === 0) {
      task.wait = this;
      return PARK;
    }
    const winner = pick(settled, domain.random);
    c.remove(winner);
    detach(winner);
    return computed(winner);
  }
  childDone(task: Task, child: Task): void {
    if ((this.o as unknown as Collector).tasks.includes(child)) task.domain.retry(task);
  }
}

/**
 * ⏸ Waits for a child of the collector to finish and returns its outcome (a random one among
 * those finished, preferring values); `undefined` when the collector is empty.
 */
export function get<T>(o: Orphans<T>): Operation<Result<T> | undefined> {
  suspending("get");
  asCollector(o, "get");
  return new GetOp(o) as Operation<Result<T> | undefined>;
}
