/**
 * Tasks on other domains. `call` and `parallel` make, on the caller's domain, a `Remote`: a
 * stand-in child that holds the place of the task in the caller's tree (awaited, cancelled,
 * counted by rule 1 like any child) while the task itself runs on a worker, under an `Anchor`
 * that stands for the caller there. Messages keep the two in step:
 *
 * - `spawn` creates the task on its domain; `settled` brings back its outcome once its whole
 *   subtree is gone; `cancel` tears it down there, and the answer is `settled` again;
 * - resources cross as references: a finaliser always runs on the domain that made the resource
 *   (`finalise`), and `transfer` hands one to a caller on another domain.
 */
import { bodyOf, ctx } from "../core/context.js";
import type { Domain } from "../core/domain.js";
import { cancelTree, drained, runFinaliser, settle } from "../core/lifecycle.js";
import { No_domain_available, describe } from "../core/errors.js";
import { Op, PARK } from "../core/protocol.js";
import { Resource } from "../core/resource.js";
import type { Run } from "../core/run.js";
import { AWAY, DONE, FAILED, GONE, LEAVING, PARKED, RETURNED, detach, Task, type Wait } from "../core/task.js";
import { Cancelled } from "../core/errors.js";
import { awaited } from "../ops/result.js";
import { claim } from "../ops/orphans.js";
import { surrender } from "../ops/ownership.js";
import type { CallOptions } from "../ops/call.js";
import { decode, encode, type Resources } from "./codec.js";
import type { Message } from "./messages.js";
import { refOf, type Ref } from "./portable.js";
import { connect } from "./pool.js";

/** The stand-in, on the caller's domain, for a child running on domain `target`. */
export class Remote extends Task {
  constructor(uid: number, domain: Domain, parent: Task, readonly target: number) {
    super(uid, domain, parent, noBody);
    this.code = null;
    this.phase = AWAY;
  }
  /** AWAY → LEAVING: its outcome is `Cancelled`; it is gone when the other domain says so. */
  override tearDown(): void {
    this.phase = LEAVING;
    this.state = FAILED;
    this.result = new Cancelled();
    const run = this.domain.run;
    post(run, { t: "cancel", run: run.id, to: this.target, id: this.uid });
  }
}

const noBody = (): undefined => undefined;

/** What the worker's side of a run keeps about the tasks other domains made there. */
interface Crossing {
  /** Stand-ins for children on other domains, by uid. */
  remotes: Map<number, Remote>;
  /** Tasks made here by other domains, by uid, until their outcome is sent. */
  anchored: Map<number, Task>;
  /** Resources of this domain that crossed, by uid: their finalisers run here. */
  given: Map<number, Resource<unknown>>;
  /** Other domains' resources as this domain knows them. */
  stubs: Map<string, Resource<unknown>>;
  resources: Resources;
}

const crossings = new WeakMap<Run, Crossing>();

export function crossing(run: Run): Crossing {
  let c = crossings.get(run);
  if (c !== undefined) return c;
  const given = new Map<number, Resource<unknown>>();
  const stubs = new Map<string, Resource<unknown>>();
  const home = () => run.home.uid;
  const resources: Resources = {
    out(r) {
      if (r instanceof Stub) return { uid: r.uid, origin: r.origin };
      given.set(r.uid, r);
      return { uid: r.uid, origin: home() };
    },
    in({ uid, origin }) {
      if (origin === home()) {
        const mine = given.get(uid);
        if (mine !== undefined) return mine;
      }
      const key = `${origin}/${uid}`;
      let r = stubs.get(key);
      if (r === undefined) stubs.set(key, (r = new Stub(uid, origin, run)));
      return r;
    },
  };
  c = { remotes: new Map(), anchored: new Map(), given, stubs, resources };
  crossings.set(run, c);
  return c;
}

/** Another domain's resource: its value stays there, and so does its finaliser. */
export class Stub extends Resource<unknown> {
  constructor(
    uid: number,
    readonly origin: number,
    run: Run,
  ) {
    super(uid, undefined, () => post(run, { t: "finalise", run: run.id, to: origin, uid }), null);
  }
}

function post(run: Run, m: Message): void {
  (run.link ?? connect(run)).post(m);
}

// ---- the caller's side ----------------------------------------------------------------------

/** The worker domains a task on `domain` may use: all of them but its own (never dom0). */
function eligible(domain: Domain): number[] {
  const out: number[] = [];
  for (let d = 1; d <= domain.run.domains; d++) if (d !== domain.uid) out.push(d);
  return out;
}

function noDomain(fn: string, domain: Domain): No_domain_available {
  return domain.run.domains === 0
    ? new No_domain_available(`Miou.${fn}: the run has no worker domain (domains: 0); start it with \`domains\` of at least 1`)
    : new No_domain_available(`Miou.${fn}: the only worker domain is the caller's own; start the run with \`domains\` of at least 2`);
}

/** Makes the stand-in and sends the task to `target`; a value that cannot cross fails the child. */
function spawnRemote(task: Task, domain: Domain, target: number, fn: Ref, arg: { value: unknown } | null, give: readonly Resource<unknown>[], where: string): Remote {
  const run = domain.run;
  // Connected before the uid is drawn: connecting starts sharing promise uids with the workers.
  const link = run.link ?? connect(run);
  const c = crossing(run);
  const child = new Remote(run.uid(), domain, task, target);
  c.remotes.set(child.uid, child);
  run.outside += 1;
  const refs = give.map((r) => encode(r, c.resources));
  try {
    link.post({
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
    c.remotes.delete(child.uid);
    run.outside -= 1;
    child.state = FAILED;
    child.result = new TypeError(`${where}: what the task needs cannot be sent to domain ${target}: ${describe(e)}`, { cause: e });
    child.phase = DONE;
  }
  return child;
}

export class CallOp extends Op {
  constructor(
    readonly fn: Function,
    readonly options: CallOptions<unknown> | undefined,
  ) {
    super();
  }
  get label(): string {
    return "call";
  }
  perform(task: Task, domain: Domain): unknown {
    const options = this.options ?? {};
    const candidates = eligible(domain);
    let target: number;
    if (options.pin !== undefined) {
      const pin = options.pin;
      if (!Number.isInteger(pin) || pin < 1 || pin > domain.run.domains || pin === domain.uid)
        throw new RangeError(
          `Miou.call: pin ${String(pin)}: the given domain to pin your task does not exist or is the actual domain; ` +
            `pick one of ${candidates.length === 0 ? "no domain (there is none)" : candidates.join(", ")}`,
        );
      target = pin;
    } else {
      if (candidates.length === 0) throw noDomain("call", domain);
      target = candidates[domain.random.int(candidates.length)]!;
    }
    const fn = refOf(this.fn, "Miou.call");
    const child = spawnRemote(task, domain, target, fn, null, options.give === undefined ? [] : surrender(task, options.give, "call"), "Miou.call");
    if (options.orphans !== undefined) claim(options.orphans, task, "call").add(child);
    return child;
  }
}

export class ParallelOp extends Op implements Wait {
  private children: Task[] | null = null;
  /** The children not done yet: each one's end is O(1), however many elements. */
  private pending: Set<Task> | null = null;
  constructor(
    readonly fn: Function,
    readonly xs: readonly unknown[],
  ) {
    super();
  }
  get label(): string {
    return "parallel";
  }
  perform(task: Task, domain: Domain): unknown {
    let children = this.children;
    if (children === null) {
      const workers = eligible(domain);
      if (workers.length === 0) throw noDomain("parallel", domain);
      const fn = refOf(this.fn, "Miou.parallel");
      children = this.children = this.xs.map((x, i) => spawnRemote(task, domain, workers[i % workers.length]!, fn, { value: x }, [], "Miou.parallel"));
    }
    const pending = (this.pending ??= new Set(children.filter((p) => !p.done)));
    if (pending.size > 0) {
      task.wait = this;
      return PARK;
    }
    for (const p of children) detach(p);
    return children.map(awaited);
  }
  childDone(task: Task, child: Task): void {
    const pending = this.pending!;
    if (pending.delete(child) && pending.size === 0) task.domain.retry(task, this);
  }
}

// ---- the task's side ------------------------------------------------------------------------

/** Stands for a task of another domain, the parent of one task made here on its behalf. */
class Anchor extends Task implements Wait {
  constructor(
    uid: number,
    domain: Domain,
    /** The caller's domain, and the uid of the stand-in there (the task's own uid). */
    readonly from: number,
    readonly id: number,
  ) {
    super(uid, domain, null, noBody);
    this.code = null;
    this.phase = PARKED; // on its one child, for good: `childDone` sends the outcome back
  }
  override get wait(): Wait {
    return this;
  }
  override set wait(_: Wait | null) {}
  /** The task settled, or was torn down: its outcome goes back to its caller. */
  childDone(_anchor: Task, child: Task): void {
    answer(this.domain, this, child);
  }
}

function answer(domain: Domain, anchor: Anchor, task: Task): void {
  const run = domain.run;
  const c = crossing(run);
  if (!c.anchored.delete(task.uid)) return;
  detach(task);
  const reply = { t: "settled" as const, run: run.id, to: anchor.from, id: task.uid };
  const torn = task.phase === GONE;
  const ok = task.state === RETURNED && !torn;
  try {
    post(run, { ...reply, ok, value: encode(task.result, c.resources), torn });
  } catch (e) {
    const error = new TypeError(`Miou.call: the value task ${task.uid} returned cannot be sent back to domain ${anchor.from}: ${describe(e)}`);
    post(run, { ...reply, ok: false, value: encode(error, c.resources), torn });
  }
  run.live -= 1;
}

/** The function a `spawn` message names, made on this thread. */
export type Resolve = (ref: Ref) => Function | Promise<Function>;

/** What the thread does with a message about `run` for its domain. */
export function receive(run: Run, m: Message, resolve: Resolve): void | Promise<void> {
  if (m.t === "spawn") {
    const ref = m.fn.kind === "registered" ? { ...m.fn, captures: decode(m.fn.captures, crossing(run).resources) as unknown[] } : m.fn;
    const fn = resolve(ref);
    if (fn instanceof Promise) return fn.then((f) => within(run, () => spawnHere(run, m, f)), (e: unknown) => within(run, () => spawnHere(run, m, failing(e))));
    return within(run, () => spawnHere(run, m, fn));
  }
  within(run, () => handle(run, m));
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
  c.anchored.set(task.uid, task);
  run.live += 1;
  domain.queue.push(task);
  run.emit("spawn", task);
}

function handle(run: Run, m: Message): void {
  const c = crossing(run);
  const domain = run.home;
  switch (m.t) {
    case "cancel": {
      const task = c.anchored.get(m.id);
      if (task === undefined) return; // its outcome is already on its way
      cancelTree(task);
      if (task.done) answer(domain, task.parent as Anchor, task);
      return;
    }
    case "settled": {
      const r = c.remotes.get(m.id);
      if (r !== undefined) ended(run, r, m.ok, () => decode(m.value, c.resources));
      return;
    }
    case "finalise": {
      const r = c.given.get(m.uid);
      if (r === undefined) return;
      c.given.delete(m.uid);
      return runFinaliser(r);
    }
    case "transfer": {
      const r = c.remotes.get(m.task);
      const parent = r?.parent;
      const resource = decode(m.resource, c.resources) as Resource<unknown>;
      if (parent === undefined || parent === null || parent.done) {
        return runFinaliser(resource); // its new owner is gone already: it dies with it
      }
      resource.owner = parent;
      (parent.resources ??= []).unshift(resource);
      return;
    }
    case "lost":
      return lost(run, m.domain);
    default:
      return;
  }
}

/**
 * The task behind stand-in `r` is over: `r` settles with its outcome (`result` is read only
 * then), or, torn down by its caller, leaves its parent.
 */
function ended(run: Run, r: Remote, ok: boolean, result: () => unknown): void {
  crossing(run).remotes.delete(r.uid);
  run.outside -= 1;
  if (r.phase === LEAVING) return drained(run.home, r, false);
  r.state = ok ? RETURNED : FAILED;
  r.result = result();
  settle(run.home, r, null); // its own domain reported it
}

/** Domain `uid`'s thread stopped: its tasks are gone, and so are the tasks it made here. */
function lost(run: Run, uid: number): void {
  const c = crossing(run);
  for (const r of [...c.remotes.values()])
    if (r.target === uid) ended(run, r, false, () => new Error(`miou: worker domain ${uid} stopped before task ${r.uid} ended; its cleanup did not run`));
  for (const task of [...c.anchored.values()]) {
    if ((task.parent as Anchor).from !== uid) continue;
    c.anchored.delete(task.uid);
    run.live -= 1;
    cancelTree(task);
  }
}

/** `transfer` from a task whose parent is on another domain: the resource goes there by message. */
export function transferAway(task: Task, r: Resource<unknown>): boolean {
  const parent = task.parent;
  if (!(parent instanceof Anchor)) return false;
  const run = task.domain.run;
  post(run, { t: "transfer", run: run.id, to: parent.from, task: parent.id, resource: encode(r, crossing(run).resources) });
  return true;
}
