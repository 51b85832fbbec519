/**
 * How a task ends (semantics §1.6) and how a subtree is cancelled (semantics §7, api.md
 * "Cancellation and cleanup"). A task settles (`done`) only once its whole subtree is torn down.
 *
 * Within a domain that happens at once. A child on another domain (a `call`) is torn down by
 * message: until its domain answers, its ancestors whose code has ended are `draining`, and
 * each becomes done when its last child is gone (`childGone`).
 */
import { ctx } from "./context.js";
import type { Domain } from "./domain.js";
import { Cancelled, Resource_leaked, Still_has_children } from "./errors.js";
import { platform } from "./platform.js";
import type { Resource } from "./resource.js";
import { FAILED, RETURNED, RUNNING, THROW, childrenOf, detach, type Task } from "./task.js";

export function returned(d: Domain, task: Task, value: unknown): void {
  if (task.resources !== null && task.resources.length > 0) {
    finalise(task);
    return fatal(d, task, new Resource_leaked());
  }
  if (task.hasChildren) return fatal(d, task, new Still_has_children());
  task.state = RETURNED;
  task.result = value;
  settle(d, task, "resolve");
}

export function failed(d: Domain, task: Task, error: unknown): void {
  task.state = FAILED;
  task.result = error;
  finalise(task);
  for (const child of childrenOf(task)) cancelTree(d, child);
  if (task.first !== null) task.draining = true; // children on other domains are being torn down
  else settle(d, task, "fail");
}

/** An uncatchable error: the task is finished and the whole run ends with `error`. */
function fatal(d: Domain, task: Task, error: Error): void {
  task.state = FAILED;
  task.result = error;
  task.done = true;
  d.run.emit("fail", task);
  d.run.fatal(error);
}

export function settle(d: Domain, task: Task, kind: "resolve" | "fail"): void {
  task.done = true;
  if (!task.remote) d.run.emit(kind, task); // a remote task's own domain reported it
  const parent = task.parent;
  if (parent === null) {
    d.run.rootDone();
    return;
  }
  parent.wait?.childDone?.(parent, task);
}

/** Runs the finalisers of the resources `task` still owns; their errors are reported. */
export function finalise(task: Task): void {
  const resources = task.resources;
  if (resources === null) return;
  task.resources = null;
  ctx.suspendable = false;
  for (const r of resources) r.owner = null;
  for (const r of resources) runFinaliser(r);
}

/** Runs one resource's finaliser in scheduler context; an error it raises is reported, not thrown. */
export function runFinaliser(r: Resource<unknown>): void {
  try {
    r.finaliser(r.value);
  } catch (e) {
    platform.report(`miou: the finaliser of resource ${r.uid} raised an error`, e);
  }
}

/**
 * Cancels `root` and its whole subtree, children before parents, and detaches `root` from its
 * parent. Every other task of the domain is parked or queued while one runs, so the subtree
 * unwinds here and now.
 */
export function cancelTree(d: Domain, root: Task): void {
  const order: Task[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const t = pending.pop()!;
    order.push(t);
    for (let c = t.first; c !== null; c = c.nextSibling) pending.push(c);
  }
  const saved = ctx.task;
  for (let i = order.length - 1; i >= 0; i--) unwind(d, order[i]!);
  ctx.task = saved;
}

function unwind(d: Domain, task: Task): void {
  if (task.draining) {
    task.torn = true; // it failed and is draining: once done, it leaves its parent too
    return;
  }
  if (task.remote && !task.done) {
    if (!task.torn) {
      task.torn = true;
      task.draining = true;
      task.state = FAILED;
      task.result = new Cancelled();
      task.cancelRemote();
    }
    return;
  }
  if (task.done && task.first !== null) {
    // It ended with an uncatchable error and left children on other domains: it waits for them.
    task.done = false;
    task.torn = true;
    task.draining = true;
    return;
  }
  if (!task.done) {
    d.run.emit("cancel", task);
    if (task.state === RUNNING) {
      task.state = FAILED;
      task.result = new Cancelled();
    }
    const fiber = task.fiber;
    if (fiber !== null) {
      const wait = fiber.wait;
      fiber.wait = null;
      fiber.op = null;
      wait?.teardown?.(task);
      if (fiber.top !== null) {
        ctx.task = task;
        task.unwinding = true;
        d.drive(task, fiber, THROW, new Cancelled());
      }
    }
    task.code = null; // the body that never ran, or the fiber
    finalise(task);
    task.torn = true;
    if (task.first !== null) {
      task.draining = true; // children on other domains are being torn down
      return;
    }
    task.done = true;
    d.run.emit("cancelled", task);
  }
  detach(task);
}

/**
 * `child` of `parent` is gone (done and detached, or settled): a draining parent whose last
 * child it was is done now; any other parent is told, if it waits for it.
 */
export function childGone(d: Domain, parent: Task, child: Task): void {
  if (parent.draining) {
    if (parent.first === null) drained(d, parent);
  } else {
    parent.wait?.childDone?.(parent, child);
  }
}

/** A draining task's last child is gone: it settles (it failed) or leaves its parent (torn down). */
export function drained(d: Domain, task: Task): void {
  task.draining = false;
  if (!task.torn) return settle(d, task, "fail");
  task.done = true;
  if (!task.remote) d.run.emit("cancelled", task);
  const parent = task.parent;
  detach(task);
  if (parent !== null) childGone(d, parent, task);
}
