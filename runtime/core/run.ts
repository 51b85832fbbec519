/**
 * `run`: the one function that returns a JavaScript promise. It makes the root task on dom0
 * (the calling thread), drives the domain until the root settles, and settles with the root's
 * value, or rejects with its error or with an uncatchable error, after every live task has been
 * cancelled and every finaliser has run.
 */
import { describe } from "./errors.js";
import { Domain } from "./domain.js";
import { freshSeed } from "./random.js";
import { platform } from "./platform.js";
import type { Events } from "./syscall.js";
import { RETURNED, type Task } from "./task.js";
import type { Returned } from "../types.js";

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

export interface RunOptions {
  /** Worker domains for `call`/`parallel`; default env `MIOU_DOMAINS`, else `availableParallelism() - 1`. */
  domains?: number;
  /** All randomness of the run derives from it (compared as a string); default: a fresh random seed. */
  seed?: number | string;
  /** Operations a task may have serviced per turn; default env `MIOU_QUANTA`, else 1. */
  quanta?: number;
  /** A custom event source per domain (Miou's `events`). */
  events?: (domain: DomainUid) => Events;
  /** Receives one event per scheduler action, on dom0. */
  trace?: (event: TraceEvent) => void;
}

export class Run {
  readonly seed: string;
  readonly quanta: number;
  readonly domains: number;
  readonly trace: ((event: TraceEvent) => void) | null;
  readonly dom0: Domain;
  root: Task | null = null;
  /** Promise uids restart at 1 for each run; the root task gets 1. */
  nextUid = 1;
  /** The run is over: the root settled, or an uncatchable error ended it. */
  over = false;
  /** Things outside dom0's queue that will wake a task later (remote children, messages). */
  outside = 0;
  private fatalError: { error: unknown } | null = null;
  private concluded = false;

  constructor(
    options: RunOptions,
    private readonly settle: (ok: boolean, value: unknown) => void,
  ) {
    this.seed = options.seed === undefined ? freshSeed() : String(options.seed);
    this.quanta = options.quanta ?? envInt("MIOU_QUANTA", 1, 1);
    this.domains = options.domains ?? envInt("MIOU_DOMAINS", Math.max(0, platform.parallelism() - 1), 0);
    this.trace = options.trace ?? null;
    this.dom0 = new Domain(0, this, options.events?.(0) ?? null);
  }

  emit(kind: TraceKind, task: Task): void {
    const trace = this.trace;
    if (trace === null) return;
    const event: TraceEvent = { time: platform.now(), domain: task.domain.uid, task: task.uid, kind };
    if (task.parent !== null) event.parent = task.parent.uid;
    // The scheduler is mid-action here and must finish it: an error from the user's callback
    // ends the run (after the usual teardown) instead of escaping into the scheduler.
    try {
      trace(event);
    } catch (e) {
      this.fatal(e);
      this.dom0.kick();
    }
  }

  /** Ends the run with an error no task can catch (the first one wins). */
  fatal(error: unknown): void {
    this.fatalError ??= { error };
    this.over = true;
  }

  rootDone(): void {
    this.over = true;
  }

  /** Tears down what is left, calls the event source's finaliser, and settles `run`'s promise. */
  conclude(): void {
    if (this.concluded) return;
    this.concluded = true;
    const root = this.root!;
    if (this.fatalError !== null) this.dom0.cancelTree(root);
    try {
      this.dom0.events?.finaliser?.();
    } catch (e) {
      this.fatal(e);
    }
    if (this.fatalError !== null) this.settle(false, withSeed(this.fatalError.error, this.seed));
    else if (root.state === RETURNED) this.settle(true, root.result);
    else this.settle(false, withSeed(root.result, this.seed));
  }
}

/**
 * Runs `main` as the root task and returns a JavaScript promise of its value.
 *
 * @example
 * ```ts
 * import * as Miou from "miou/gen";
 * const v = await Miou.run(function* () {
 *   const p = yield* Miou.async(() => 42);
 *   return yield* Miou.await_exn(p);
 * });
 * ```
 */
export function run<F extends () => unknown>(main: F, options: RunOptions = {}): Promise<Returned<F>> {
  validate(main, options);
  return new Promise<Returned<F>>((resolve, reject) => {
    const r = new Run(options, (ok, value) => (ok ? resolve(value as Returned<F>) : reject(value)));
    r.root = r.dom0.spawn(null, main);
    r.dom0.loop();
  });
}

function validate(main: unknown, options: RunOptions): void {
  if (typeof main !== "function") throw new TypeError("Miou.run: `main` must be a function (plain or generator)");
  if (typeof options !== "object" || options === null) throw new TypeError("Miou.run: `options` must be an object");
  const { quanta, domains, seed, events, trace } = options;
  if (quanta !== undefined && !(Number.isInteger(quanta) && quanta >= 1))
    throw new RangeError(`Miou.run: \`quanta\` must be an integer of at least 1, not ${String(quanta)}`);
  if (domains !== undefined && !(Number.isInteger(domains) && domains >= 0))
    throw new RangeError(`Miou.run: \`domains\` must be an integer of at least 0, not ${String(domains)}`);
  if (seed !== undefined && typeof seed !== "string" && typeof seed !== "number")
    throw new TypeError("Miou.run: `seed` must be a string or a number");
  if (events !== undefined && typeof events !== "function")
    throw new TypeError("Miou.run: `events` must be a function from a domain uid to an events record");
  if (trace !== undefined && typeof trace !== "function") throw new TypeError("Miou.run: `trace` must be a function");
}

function envInt(name: string, fallback: number, min: number): number {
  const text = platform.env(name);
  if (text === undefined || text.trim() === "") return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

/** The value `run` rejects with: the error itself, carrying the run's seed, non-enumerable. */
function withSeed(error: unknown, seed: string): unknown {
  const e =
    error !== null && (typeof error === "object" || typeof error === "function")
      ? error
      : new Error(`Miou.run: the root task failed with a value that is not an error: ${describe(error)}`, { cause: error });
  try {
    Object.defineProperty(e, "seed", { value: seed, enumerable: false, configurable: true, writable: true });
  } catch {
    // a frozen error cannot carry the seed; it is still the error the task raised
  }
  return e;
}
