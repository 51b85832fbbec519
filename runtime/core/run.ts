/**
 * A run as one thread sees it (`Run`), and the domain that serves it there as the run's tasks
 * and operations see it (`DomainPort`). The two name each other, so they are declared together,
 * below everything that uses them: `domain.ts` implements `DomainPort`; `main-run.ts` (dom0) and
 * `domains/worker.ts` extend `Run`.
 */
import { platform } from "./platform.js";
import type { Random } from "./random.js";
import type { Home, Task } from "./task.js";

export type DomainUid = number;

/**
 * What a trace event reports about its task. A task's events read as: `spawn`, then turns, each
 * a `resume` closed by exactly one of `yield` (back to the queue, still runnable), `suspend`
 * (parked until something wakes it), `resolve` or `fail` (it ended); or, if it is torn down
 * between turns, `cancel` then `cancelled` (its cleanup code runs between the two). Nothing
 * about a task follows its `resolve`, `fail` or `cancelled`. `syscall` (it made a syscall) and
 * `signal` (one of its syscalls was signalled) are instants.
 */
export type TraceKind =
  | "spawn"
  | "resume"
  | "suspend"
  | "yield"
  | "resolve"
  | "fail"
  | "cancel"
  | "cancelled"
  | "syscall"
  | "signal";

/** One scheduler action, as `run({ trace })` receives it. */
export interface TraceEvent {
  /** Milliseconds from the platform's monotonic clock. */
  time: number;
  domain: DomainUid;
  task: number;
  parent?: number;
  kind: TraceKind;
}

/**
 * What the domains layer (`runtime/domains/`) tells a run about its other domains. Null until
 * the run first reaches another domain: a run without `call` or `parallel` never has one.
 */
export interface Elsewhere {
  /** Tasks of this run on other domains whose end will be reported here: while there are any, an idle domain is waiting, not stalled, and the run does not conclude. */
  readonly outside: number;
  /** A fresh promise uid, unique across the run's domains. */
  uid(): number;
  /** The run is over on the thread that called `run`: its other domains forget it. */
  end(): void;
}

/**
 * What operations, the lifecycle and the domains layer may ask of a domain: everything but its
 * loop. `Domain` (`domain.ts`) is the one implementation.
 */
export interface DomainPort extends Home {
  readonly run: Run;
  /** The domain's random stream, from the run's seed. */
  readonly random: Random;
  /** The run has a `trace` callback: hot paths test this before building an event. */
  readonly tracing: boolean;
  /** Creates a task; it first runs at its turn, after everything queued before it. */
  spawn(parent: Task | null, body: () => unknown): Task;
  /** Queues a task made outside `spawn` (one another domain asked for): it first runs at its turn. */
  enqueue(task: Task): void;
  /** Makes sure the loop runs soon; safe to call from any callback on this domain's thread. */
  kick(): void;
  /** Cancels `root` and its whole subtree, children before parents (`lifecycle.ts`). */
  cancelTree(root: Task): void;
  /** Adds a hook: it runs before every step, before the hooks added earlier. */
  addHook(hook: Hook): void;
  /** Removes a hook; a hook that is not there is left alone. */
  removeHook(hook: Hook): void;
}

/** A function a domain runs before every step (`Hook.add`). */
export interface Hook {
  readonly fn: () => void;
  readonly domain: DomainPort;
}

/**
 * A run as one thread sees it: its settings, its domain on this thread (`home`), and what
 * crosses to its other domains. `MainRun` is the run on the thread that called `run` (dom0);
 * a worker has a `WorkerRun` per run it takes part in.
 */
export abstract class Run {
  readonly seed: string;
  readonly quanta: number;
  readonly domains: number;
  readonly tracing: boolean;
  abstract readonly home: DomainPort;
  root: Task | null = null;
  /** The run is over here: the root settled, or an uncatchable error ended it. */
  over = false;
  /** Its other domains, once it has reached one (`runtime/domains/distribution.ts`). */
  elsewhere: Elsewhere | null = null;
  /** The next promise uid while this domain issues them alone; the root task gets 1. */
  private next = 1;
  /** An Error made where `run` was called: its stack ends the stacks of the run's errors. */
  site: { stack?: unknown } | null = null;
  /** The name of the function `run` was given, for errors that name the root task. */
  main = "";

  constructor(
    /** The run's id on the thread that called `run`; workers learn it by message. */
    readonly id: number,
    settings: { seed: string; quanta: number; domains: number; tracing: boolean },
  ) {
    this.seed = settings.seed;
    this.quanta = settings.quanta;
    this.domains = settings.domains;
    this.tracing = settings.tracing;
  }

  /** A fresh promise uid: in order of creation on dom0 alone, unique across the run's domains. */
  uid(): number {
    const e = this.elsewhere;
    return e === null ? this.next++ : e.uid();
  }

  /** A uid from this domain's own count: the uids issued so far here, once sharing starts. */
  ownUid(): number {
    return this.next++;
  }

  /** How many uids this domain has issued from its own count. */
  get issued(): number {
    return this.next - 1;
  }

  /** Tasks on other domains will still report here. */
  get waitsElsewhere(): boolean {
    const e = this.elsewhere;
    return e !== null && e.outside > 0;
  }

  /** Reports one scheduler action to the run's `trace`. */
  abstract emit(kind: TraceKind, task: Task): void;
  /** Ends the run with an error no task can catch (the first one wins). */
  abstract fatal(error: unknown): void;
  /** The loop found the run over: tear down what is left and finish. */
  abstract conclude(): void;
  /** Nothing is runnable and nothing can wake a task here: true if that is a deadlock. */
  abstract stalled(): boolean;

  rootDone(): void {
    this.over = true;
  }

  protected event(kind: TraceKind, task: Task): TraceEvent {
    const event: TraceEvent = { time: platform.now(), domain: task.domain.uid, task: task.uid, kind };
    if (task.parent !== null) event.parent = task.parent.uid;
    return event;
  }
}
