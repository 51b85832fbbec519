/**
 * A domain: one thread's scheduler. It owns a FIFO run queue of tasks and steps them one at a
 * time. Each ⏸ call a task makes is one scheduling point: the task goes to the back of the
 * queue with its operation, which is serviced at its next turn (README, "Scheduling").
 *
 * Invariants:
 * - a task is in the queue at most once, and only while it has something to do (a first run,
 *   an operation to service, or a wake-up to take); a parked task is in no queue;
 * - a task settles (`done`) only once its whole subtree is torn down, so an awaiter never sees
 *   a result while a descendant still runs;
 * - cancellation is carried out at once, children before parents: every other task of the
 *   domain is parked or queued while one task runs, so the subtree unwinds synchronously.
 */
import { PRIMITIVES, bodyOf, ctx } from "./context.js";
import { ENDED_NEXT, YIELDED, drive } from "./drive.js";
import { EventSource } from "./event-source.js";
import { isFrameSafe } from "./frame.js";
import { Hooks } from "./hooks.js";
import { cancelTree, failed, returned, tearDownHere } from "./lifecycle.js";
import { augment, augmented } from "./logical-stack.js";
import { Op, PARK } from "./protocol.js";
import { Queue } from "./queue.js";
import { Random } from "./random.js";
import type { DomainPort, Hook, Run } from "./run.js";
import type { Events } from "./syscall.js";
import { Fiber, NEXT, PARKED, READY, STEPPING, Task, THROW, WOKEN } from "./task.js";
import { platform } from "./platform.js";

/** How long a domain runs steps before it lets the JavaScript event loop have a turn. */
const SLICE_MS = 4;

/** One thread's scheduler: its run queue, hooks, event source and loop. */
export class Domain implements DomainPort {
  private readonly queue = new Queue<Task>();
  private readonly hooks = new Hooks();
  private readonly source: EventSource;
  readonly random: Random;
  /** The run has a `trace` callback: the hot paths test this before building an event. */
  readonly tracing: boolean;
  private looping = false;
  private scheduled = false;

  constructor(
    readonly uid: number,
    readonly run: Run,
    /** The user's event source, or null for the default (`event-source.ts`). */
    events: Events | null,
  ) {
    this.source = new EventSource(this, events);
    this.random = new Random(run.seed, uid);
    this.tracing = run.tracing;
  }

  /** The event source: a custom one (Miou's `events`), or null for the default. */
  get events(): Events | null {
    return this.source.events;
  }

  /** Sets the event source of a worker's domain, loaded after the domain was made. */
  useEvents(events: Events): void {
    this.source.use(events);
  }

  /** Adds a hook: it runs before every step, before the hooks added earlier. */
  addHook(hook: Hook): void {
    this.hooks.add(hook);
  }

  /** Removes a hook; a hook that is not there is left alone. */
  removeHook(hook: Hook): void {
    this.hooks.remove(hook);
  }

  /** A task parks on a syscall: while any do, a custom event source is polled. */
  syscallParked(): void {
    this.source.syscallParked();
  }

  /** A task parked on a syscall is woken, or torn down. */
  syscallLeft(): void {
    this.source.syscallLeft();
  }

  // ---- tasks entering and leaving the queue ---------------------------------------------------

  /** Queues a task made outside `spawn` (one another domain asked for): it first runs at its turn. */
  enqueue(task: Task): void {
    this.queue.push(task);
    this.run.emit("spawn", task);
  }

  /** Creates a task; it first runs at its turn, after everything queued before it. */
  spawn(parent: Task | null, body: () => unknown): Task {
    const task = new Task(this.run.uid(), this, parent, body);
    this.queue.push(task);
    this.run.emit("spawn", task);
    return task;
  }

  /**
   * PARKED → WOKEN: resumes the task with `input` at its next turn. It keeps its `wait` until
   * then, so that a cancellation in between tears the wait down. Anything but a parked task is
   * left alone: a task is in the queue at most once.
   */
  wake(task: Task, input: unknown): void {
    if (task.phase !== PARKED) return;
    task.phase = WOKEN;
    task.fiber!.next = input;
    this.queue.push(task);
    this.kick();
  }

  /**
   * PARKED → READY: services the operation the task is parked on (its `wait`) again at its
   * next turn (what it waited for happened). Like a woken task, it keeps its `wait` until then.
   */
  retry(task: Task): void {
    if (task.phase !== PARKED) return;
    const fiber = task.fiber!;
    const op = fiber.wait;
    // Our own bug, not the user's: a retried task is parked on the operation it retries.
    if (!(op instanceof Op)) throw new Error(`miou: internal error: task ${task.uid} was retried, but it is parked on no operation`);
    task.phase = READY;
    fiber.next = op;
    this.queue.push(task);
    this.kick();
  }

  /** A syscall of this domain will never be waited on again: the next `select` is told. */
  forget(uid: number): void {
    this.source.forget(uid);
  }

  /** A syscall of `task` was signalled: the run's trace says so. */
  signalled(task: Task): void {
    this.run.emit("signal", task);
  }

  // ---- the loop -------------------------------------------------------------------------------

  /** Makes sure the loop runs soon; safe to call from any callback on this domain's thread. */
  kick(): void {
    this.source.interrupt();
    if (this.looping || this.scheduled) return;
    this.scheduled = true;
    Promise.resolve().then(() => this.loop());
  }

  private later(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    platform.macrotask(() => this.loop());
  }

  /** Runs steps until nothing is runnable, the run is over, or the time slice is used up. */
  loop(): void {
    this.scheduled = false;
    if (this.looping) return;
    this.looping = true;
    const saved = { domain: ctx.domain, task: ctx.task, suspendable: ctx.suspendable };
    ctx.domain = this;
    const run = this.run;
    const deadline = platform.now() + SLICE_MS;
    let n = 0;
    try {
      do {
        for (;;) {
          if (this.hooks.any) this.hooks.run();
          const task = this.queue.shift();
          if (task === undefined) break;
          this.step(task);
          if (run.over) break;
          if (this.source.due) {
            this.source.poll(false);
            if (run.over) break;
          }
          if ((++n & 31) === 0 && platform.now() > deadline) return this.later();
        }
        if (run.over) return run.conclude();
      } while (this.idle());
    } finally {
      this.looping = false;
      ctx.domain = saved.domain;
      ctx.task = saved.task;
      ctx.suspendable = saved.suspendable;
    }
  }

  /**
   * Nothing is runnable: ask the event source, wait for the outside world, or report that
   * nothing can ever happen. True when tasks became runnable and the loop should go on.
   */
  private idle(): boolean {
    const source = this.source;
    if (source.events !== null && source.waiting) {
      if (source.pending) return false;
      source.poll(true);
      if (this.queue.length > 0 || this.run.over) return true;
      // A synchronous select found nothing: ask again after the event loop has had a turn.
      if (!source.pending) this.later();
      return false;
    }
    if (source.waiting || this.run.waitsElsewhere) return false; // `wake` or a message kicks us
    return this.run.stalled();
  }

  // ---- one step -------------------------------------------------------------------------------

  /** One turn of `task`: its first run, or up to `quanta` serviced operations. */
  private step(task: Task): void {
    const phase = task.phase;
    if (phase > WOKEN) return; // torn down while it was queued
    task.phase = STEPPING;
    ctx.task = task;
    if (this.tracing) this.run.emit("resume", task);
    const code = task.code;
    if (typeof code === "function") {
      if (this.start(task, code)) this.requeue(task);
      return;
    }
    // READY (an operation to service) or WOKEN (a value to resume with), past its first step:
    // it has frames, hence a fiber. Whatever it waited on, it no longer does.
    const fiber = code as Fiber;
    fiber.wait = null;
    let budget = this.run.quanta;
    let mode = NEXT;
    let op: Op | null = null;
    let value: unknown = undefined;
    if (phase === READY) op = fiber.next as Op;
    else value = fiber.next;
    fiber.next = undefined;
    for (;;) {
      let ends = false;
      if (op !== null) {
        mode = NEXT;
        try {
          value = op.perform(task, this);
        } catch (e) {
          mode = THROW;
          value = e;
        }
        if (value === PARK) {
          task.phase = PARKED;
          this.run.emit("suspend", task);
          return;
        }
        ends = op.ends;
      }
      budget -= 1;
      const how = drive(this, task, fiber, mode, value);
      if (how !== YIELDED) return this.finish(task, fiber, how);
      if (budget <= 0 || ends) return this.requeue(task); // READY, `fiber.next` its operation
      op = fiber.next as Op;
      fiber.next = undefined;
    }
  }

  /**
   * The turn ends with the task still runnable: back to the queue. Every turn a trace shows
   * (`resume`) ends with exactly one of `yield` (here), `suspend`, `resolve` or `fail`.
   */
  private requeue(task: Task): void {
    task.phase = READY;
    this.queue.push(task);
    if (this.tracing) this.run.emit("yield", task);
  }

  /** A task's first run: call its body; a generator is driven to its first operation. */
  private start(task: Task, body: () => unknown): boolean {
    task.code = null;
    let r: unknown;
    try {
      ctx.suspendable = false;
      r = (PRIMITIVES.has(body) ? bodyOf(body) : body)();
    } catch (e) {
      if (!augmented.has(e as object)) augment(e, null, false, this.run.site);
      failed(this, task, e);
      return false;
    }
    if (!isFrameSafe(r)) {
      returned(this, task, r);
      return false;
    }
    const fiber = new Fiber(r);
    task.code = fiber;
    const how = drive(this, task, fiber, NEXT, undefined);
    if (how === YIELDED) return true;
    this.finish(task, fiber, how);
    return false;
  }

  /** The outermost frame ended: the fiber goes, and the task settles with its outcome. */
  private finish(task: Task, fiber: Fiber, how: number): void {
    const value = fiber.next;
    task.code = null;
    if (how === ENDED_NEXT) returned(this, task, value);
    else failed(this, task, value);
  }

  // ---- how a task ends: see lifecycle.ts ----------------------------------------------------

  /** Cancels `root` and its whole subtree, children before parents (see lifecycle.ts). */
  cancelTree(root: Task): void {
    cancelTree(root);
  }

  /** Tears down one task of this domain (`Task.tearDown`; see lifecycle.ts). */
  tearDown(task: Task): void {
    tearDownHere(this, task);
  }
}
