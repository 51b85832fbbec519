/**
 * How a task ends and how a subtree is cancelled (rule 4 in RULES.md; README, "Cancelling"). A task settles (`done`) only once its whole subtree is torn down.
 *
 * Within a domain that happens at once. A child on another domain (a `call`) is torn down by
 * message: until its domain answers, its ancestors whose code has ended are `draining`, and
 * each becomes done when its last child is gone (`childGone`).
 */
import { ctx } from "./context.js";
import type { Domain } from "./domain.js";
import { Cancelled, Resource_leaked, Still_has_children } from "./errors.js";
import { augment } from "./logical-stack.js";
import { platform } from "./platform.js";
import { siteText } from "./protocol.js";
import type { Resource } from "./resource.js";
import { FAILED, RETURNED, RUNNING, THROW, childrenOf, detach, type Task } from "./task.js";

export function returned(d: Domain, task: Task, value: unknown): void {
  if (task.resources !== null && task.resources.length > 0) {
    const leaked = leakedMessage(d, task);
    finalise(task);
    return fatal(d, task, new Resource_leaked(leaked));
  }
  if (task.hasChildren) return fatal(d, task, new Still_has_children(forgottenMessage(d, task)));
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

/** The task, as the user knows it: where it was spawned, or the function `run` was given. */
function taskName(d: Domain, task: Task): string {
  const at = siteText(task.site);
  if (at !== undefined) return `the task spawned at ${at}`;
  if (task.parent === null) return d.run.main !== "" ? `the task of Miou.run (${d.run.main})` : "the task of Miou.run";
  return `task ${task.uid}`;
}

/** Things where they were made: `a (at x), b (at y)`, or just `n` of them when no site is known. */
function listed(what: string, sites: readonly number[]): string {
  const known = sites.map((s) => siteText(s)).filter((s) => s !== undefined);
  const count = sites.length === 1 ? `a ${what}` : `${sites.length} ${what}s`;
  if (known.length === 0) return count;
  const more = sites.length - known.length;
  return `${count} (${known.map((s) => `spawned at ${s}`).join(", ")}${more > 0 ? `, and ${more} more` : ""})`;
}

function forgottenMessage(d: Domain, task: Task): string {
  const children = childrenOf(task).reverse(); // oldest first
  const sites = children.map((c) => c.site);
  return (
    `${taskName(d, task)} returned with ${listed("child", sites)} it neither awaited nor cancelled: ` +
    "await each child (Miou.await_exn, Miou.await_all) or cancel it (Miou.cancel) before the task returns"
  );
}

function leakedMessage(d: Domain, task: Task): string {
  const resources = task.resources!;
  const known = resources.map((r) => siteText(r.site)).filter((s) => s !== undefined);
  const which = known.length > 0 ? ` (owned at ${known.join(", ")})` : "";
  const count = resources.length === 1 ? "a resource" : `${resources.length} resources`;
  return (
    `${taskName(d, task)} returned while it still owned ${count}${which}; their finalisers ran: ` +
    "release, disown or transfer each resource before the task returns"
  );
}

/** An uncatchable error: the task is finished and the whole run ends with `error`. */
function fatal(d: Domain, task: Task, error: Error): void {
  task.state = FAILED;
  task.result = error;
  task.done = true;
  augment(error, null, false, d.run.site); // its stack: where the run was started
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
