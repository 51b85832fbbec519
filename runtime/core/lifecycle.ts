/**
 * The task lifecycle: how a task moves from spawned to settled or gone, and how cancellation
 * propagates. `Task.phase` holds where a task is; every transition is one row below, and the
 * code that makes it is named in the last column (this file, unless it says otherwise).
 *
 * | from                     | event                                   | to                | what happens                                                                      |
 * | ------------------------ | --------------------------------------- | ----------------- | --------------------------------------------------------------------------------- |
 * | SPAWNED                  | its turn                                | STEPPING          | its body is called (`Domain.step`)                                                |
 * | READY, WOKEN             | its turn                                | STEPPING          | its op is serviced, or its frame resumed; WOKEN drops its `wait` (`Domain.step`)  |
 * | STEPPING                 | an op returns `PARK`                    | PARKED            | in no queue; `fiber.wait` is what wakes it (`Domain.step`)                        |
 * | STEPPING                 | quanta used up, or `yield_`             | READY             | back of the queue with its op (`Domain.requeue`)                                  |
 * | PARKED                   | `wake`                                  | WOKEN             | back of the queue with a value; `wait` kept until it resumes (`Domain.wake`)      |
 * | PARKED                   | `retry`                                 | READY             | back of the queue with its op; `wait` kept until it resumes (`Domain.retry`)      |
 * | STEPPING                 | its code returns                        | DONE              | `resolve`; a parent parked on it is told (`returned`, `settle`)                   |
 * | STEPPING                 | returns with children or resources      | ABORTED           | `Still_has_children` / `Resource_leaked` end the run; `fail` (`abort`)            |
 * | STEPPING                 | its code throws                         | DONE              | finalisers, children torn down, `fail` (`failed`)                                 |
 * | STEPPING                 | throws, children on other domains left  | DRAINING          | as above, but it settles only when they are gone (`failed`)                       |
 * | SPAWNED ... PARKED       | cancelled                               | UNWINDING         | `cancel`; `wait.teardown` if it has one; its frames run with `Cancelled` (`tearDownHere`) |
 * | UNWINDING                | its frames ended                        | GONE              | finalisers; `cancelled`; detached from its parent (`tearDownHere`)                |
 * | UNWINDING                | ended, children on other domains left   | LEAVING           | it leaves its parent only when they are gone (`tearDownHere`)                     |
 * | AWAY                     | its domain reports the outcome          | DONE              | the stand-in settles (`domains/stand-ins.ts`, `settle`)                           |
 * | AWAY                     | cancelled                               | LEAVING           | outcome `Cancelled`; the other domain is asked to tear it down (`Remote.tearDown`)|
 * | DRAINING                 | its last child is gone                  | DONE              | `fail`; a parent parked on it is told (`drained`)                                 |
 * | DRAINING                 | cancelled                               | LEAVING           | it will leave its parent instead of settling (`unwind`)                           |
 * | ABORTED                  | cancelled, children on other domains    | LEAVING           | its parent's teardown waits for them too (`unwind`)                               |
 * | LEAVING                  | its last child is gone                  | GONE              | `cancelled`; detached; its parent is told (`drained`, `childGone`)                |
 * | ABORTED, DONE, GONE      | cancelled                               | (same)            | detached from its parent: nothing is left to tear down (`unwind`)                 |
 * | LEAVING                  | cancelled                               | LEAVING           | nothing: it is already on its way (`unwind`)                                      |
 *
 * What must stay true:
 * - DONE and GONE are final, and a task reaches either only once its whole subtree is torn down,
 *   so an awaiter never sees a result while a descendant still runs;
 * - cancellation is carried out at once, children before parents: every other task of the
 *   domain is parked or queued while one task runs, so a local subtree unwinds synchronously;
 *   only children on other domains make a task wait (DRAINING, LEAVING), and each reports its
 *   end by message (`drained`);
 * - a waiting operation has one teardown (`Wait.teardown`), called whether its task is PARKED
 *   or woken but not resumed (WOKEN, or READY after `retry`): the task never resumes from that
 *   wait.
 */
import { ctx } from "./context.js";
import { drive } from "./drive.js";
import { Cancelled, Resource_leaked, Still_has_children } from "./errors.js";
import { augment } from "./logical-stack.js";
import { platform } from "./platform.js";
import type { Resource } from "./resource.js";
import type { DomainPort } from "./run.js";
import { forgottenMessage, leakedMessage } from "./task-messages.js";
import { ABORTED, DONE, DRAINING, FAILED, GONE, LEAVING, PARKED, RETURNED, RUNNING, THROW, UNWINDING, childrenOf, detach, type Task } from "./task.js";

/** A trace event for a task that settles; null for a stand-in, whose own domain reported it. */
export type SettleKind = "resolve" | "fail" | null;

/** STEPPING → DONE, or ABORTED when it left children or resources behind. */
export function returned(d: DomainPort, task: Task, value: unknown): void {
  if (task.resources !== null && task.resources.length > 0) {
    const leaked = leakedMessage(d.run, task);
    finalise(task);
    return abort(d, task, new Resource_leaked(leaked));
  }
  if (task.hasChildren) return abort(d, task, new Still_has_children(forgottenMessage(d.run, task)));
  task.state = RETURNED;
  task.result = value;
  settle(d, task, "resolve");
}

/** STEPPING → DONE, or DRAINING while children on other domains are torn down. */
export function failed(d: DomainPort, task: Task, error: unknown): void {
  task.state = FAILED;
  task.result = error;
  finalise(task);
  for (const child of childrenOf(task)) cancelTree(child);
  if (task.first !== null) task.phase = DRAINING;
  else settle(d, task, "fail");
}

/** STEPPING → ABORTED: an uncatchable error; the whole run ends with it. */
function abort(d: DomainPort, task: Task, error: Error): void {
  task.state = FAILED;
  task.result = error;
  task.phase = ABORTED;
  augment(error, null, false, d.run.site); // its stack: where the run was started
  d.run.emit("fail", task);
  d.run.fatal(error);
}

/** → DONE: the outcome is final; the root ends the run, a parent parked on it is told. */
export function settle(d: DomainPort, task: Task, kind: SettleKind): void {
  task.phase = DONE;
  if (kind !== null) d.run.emit(kind, task);
  const parent = task.parent;
  if (parent === null) {
    d.run.rootDone();
    return;
  }
  if (parent.phase === PARKED) parent.wait?.childDone?.(parent, task);
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
export function cancelTree(root: Task): void {
  const order: Task[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const t = pending.pop()!;
    order.push(t);
    for (let c = t.first; c !== null; c = c.nextSibling) pending.push(c);
  }
  const saved = ctx.task;
  for (let i = order.length - 1; i >= 0; i--) unwind(order[i]!);
  ctx.task = saved;
}

/** One task of a cancelled subtree, its own children already handled: the "cancelled" rows. */
function unwind(task: Task): void {
  switch (task.phase) {
    case LEAVING:
      return;
    case DRAINING:
      task.phase = LEAVING;
      return;
    case ABORTED:
      if (task.first !== null) {
        task.phase = LEAVING;
        return;
      }
      return detach(task);
    case DONE:
    case GONE:
      return detach(task);
    default:
      return task.tearDown();
  }
}

/** A task of this domain is cancelled: → UNWINDING → GONE, or LEAVING. */
export function tearDownHere(d: DomainPort, task: Task): void {
  d.run.emit("cancel", task);
  if (task.state === RUNNING) {
    task.state = FAILED;
    task.result = new Cancelled();
  }
  task.phase = UNWINDING;
  const fiber = task.fiber;
  if (fiber !== null) {
    const wait = fiber.wait;
    fiber.wait = null;
    fiber.next = undefined;
    wait?.teardown?.(task);
    if (fiber.top !== null) {
      ctx.task = task;
      drive(d, task, fiber, THROW, new Cancelled());
    }
  }
  task.code = null; // the body that never ran, or the fiber
  finalise(task);
  if (task.first !== null) {
    task.phase = LEAVING; // children on other domains are being torn down
    return;
  }
  task.phase = GONE;
  d.run.emit("cancelled", task);
  detach(task);
}

/**
 * `child` of `parent` is gone (GONE and detached, or DONE): a DRAINING or LEAVING parent whose
 * last child it was moves on; a parent parked on it is told.
 */
export function childGone(d: DomainPort, parent: Task, child: Task): void {
  const phase = parent.phase;
  if (phase === DRAINING || phase === LEAVING) {
    if (parent.first === null) drained(d, parent, true);
  } else if (phase === PARKED) {
    parent.wait?.childDone?.(parent, child);
  }
}

/**
 * The last child of a DRAINING or LEAVING task is gone: it settles (it failed), or leaves its
 * parent (it was torn down). `emit` is false for a stand-in, whose own domain reported it.
 */
export function drained(d: DomainPort, task: Task, emit: boolean): void {
  if (task.phase === DRAINING) return settle(d, task, emit ? "fail" : null);
  task.phase = GONE;
  if (emit) d.run.emit("cancelled", task);
  const parent = task.parent;
  detach(task);
  if (parent !== null) childGone(d, parent, task);
}
