/**
 * What a domain does with each message about one of its runs: one case per message kind of
 * `messages.ts` (`hello` and `end`, which make and drop a worker's run, are the worker's own:
 * `worker.ts`). The cases about tasks and resources run as the domain's code (`within`); `trace`
 * and `fatal` (for dom0) only report.
 */
import { bodyOf, ctx } from "../core/context.js";
import { cancelTree, runFinaliser } from "../core/lifecycle.js";
import type { Resource } from "../core/resource.js";
import { MainRun } from "../core/main-run.js";
import type { Run, TraceEvent } from "../core/run.js";
import { Task } from "../core/task.js";
import { decode } from "./codec.js";
import { crossing } from "./crossing.js";
import { distribution } from "./distribution.js";
import type { Message } from "./messages.js";
import type { Ref } from "./portable.js";
import { Anchor, answer, remoteEnded, standIns } from "./stand-ins.js";

/** The function a `spawn` message names, made on this thread. */
export type Resolve = (ref: Ref) => Function | Promise<Function>;

/** Handles `m`, a message for this thread's domain of `run`; a promise while a module loads. */
export function dispatch(run: Run, m: Message, resolve: Resolve): void | Promise<void> {
  if (m.t === "trace") {
    if (run instanceof MainRun) for (const e of m.events) run.report(e as TraceEvent);
    return;
  }
  if (m.t === "fatal") {
    run.fatal(decode(m.error, crossing(run).resources));
    run.home.kick();
    return;
  }
  if (m.t === "spawn") {
    const ref = m.fn.kind === "registered" ? { ...m.fn, captures: decode(m.fn.captures, crossing(run).resources) as unknown[] } : m.fn;
    const fn = resolve(ref);
    if (fn instanceof Promise) return fn.then((f) => within(run, () => spawnHere(run, m, f)), (e: unknown) => within(run, () => spawnHere(run, m, failing(e))));
    return within(run, () => spawnHere(run, m, fn));
  }
  within(run, () => handle(run, m));
}

function handle(run: Run, m: Message): void {
  switch (m.t) {
    case "cancel":
      return cancelled(run, m.id);
    case "settled": {
      const r = standIns(run).remotes.get(m.id);
      if (r !== undefined) remoteEnded(run, r, m.ok, () => decode(m.value, crossing(run).resources));
      return;
    }
    case "finalise": {
      const given = crossing(run).given;
      const r = given.get(m.uid);
      if (r === undefined) return;
      given.delete(m.uid);
      return runFinaliser(r);
    }
    case "transfer":
      return transferred(run, m.task, decode(m.resource, crossing(run).resources) as Resource<unknown>);
    case "lost":
      return lost(run, m.domain);
    default:
      return;
  }
}

function failing(e: unknown): Function {
  return () => {
    throw e;
  };
}

/** Runs `fn` as this domain's code: ⏸ checks, `Domain.self` and finalisers see the domain. */
export function within(run: Run, fn: () => void): void {
  const saved = { domain: ctx.domain, task: ctx.task, suspendable: ctx.suspendable };
  ctx.domain = run.home;
  ctx.suspendable = false;
  try {
    fn();
  } finally {
    ctx.domain = saved.domain;
    ctx.task = saved.task;
    ctx.suspendable = saved.suspendable;
    run.home.kick();
  }
}

/** `spawn`: the task, under an anchor standing for its caller, with the resources it was given. */
function spawnHere(run: Run, m: Extract<Message, { t: "spawn" }>, fn: Function): void {
  const domain = run.home;
  const c = crossing(run);
  const anchor = new Anchor(m.parent, domain, m.from, m.id);
  const arg = m.args ? decode(m.arg, c.resources) : undefined;
  const body = bodyOf(fn as () => unknown, m.args ? [arg] : undefined);
  const task = new Task(m.id, domain, anchor, body);
  for (const r of m.give) {
    const resource = decode(r, c.resources) as Resource<unknown>;
    resource.owner = task;
    (task.resources ??= []).push(resource);
  }
  standIns(run).anchored.set(task.uid, task);
  distribution(run).live += 1;
  domain.enqueue(task);
}

/** `cancel`: the task made here is torn down; its answer goes once it is gone. */
function cancelled(run: Run, id: number): void {
  const task = standIns(run).anchored.get(id);
  if (task === undefined) return; // its outcome is already on its way
  cancelTree(task);
  if (task.done) answer(run, task.parent as Anchor, task);
}

/** `transfer`: the resource now belongs to the parent of stand-in `id`, or dies with it. */
function transferred(run: Run, id: number, resource: Resource<unknown>): void {
  const parent = standIns(run).remotes.get(id)?.parent;
  if (parent === undefined || parent === null || parent.done) return runFinaliser(resource);
  resource.owner = parent;
  (parent.resources ??= []).unshift(resource);
}

/** Domain `uid`'s thread stopped: its tasks are gone, and so are the tasks it made here. */
function lost(run: Run, uid: number): void {
  const s = standIns(run);
  for (const r of [...s.remotes.values()])
    if (r.target === uid) remoteEnded(run, r, false, () => new Error(`miou: worker domain ${uid} stopped before task ${r.uid} ended; its cleanup did not run`));
  for (const task of [...s.anchored.values()]) {
    if ((task.parent as Anchor).from !== uid) continue;
    s.anchored.delete(task.uid);
    distribution(run).live -= 1;
    cancelTree(task);
  }
}
