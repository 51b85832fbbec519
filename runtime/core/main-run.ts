/**
 * `run`: the one function that returns a JavaScript promise. It makes the root task on dom0
 * (the calling thread), drives the domain until the root settles, and settles with the root's
 * value, or rejects with its error or with an uncatchable error, after every live task has been
 * cancelled and every finaliser has run.
 */
import type { Returned } from "./body.js";
import { Domain } from "./domain.js";
import { describe } from "./errors.js";
import { deadlock, thrownBy } from "./mistakes.js";
import { platform } from "./platform.js";
import { freshSeed } from "./random.js";
import { Run, type DomainUid, type TraceEvent, type TraceKind } from "./run.js";
import { eventsOf, type Events } from "./syscall.js";
import { RETURNED, type Task } from "./task.js";

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

let runs = 0;

/**
 * The most worker domains a run may have (OCaml's own limit on domains). Each is a thread with
 * its own heap: far more would not start, and the first `call` would kill the process.
 */
export const MAX_DOMAINS = 128;

/** The run on the thread that called `run`: dom0 is its home; it settles `run`'s promise. */
export class MainRun extends Run {
  readonly trace: ((event: TraceEvent) => void) | null;
  readonly home: Domain;
  readonly events: RunOptions["events"];
  private fatalError: { error: unknown } | null = null;
  private tornDown = false;
  private concluded = false;

  constructor(
    options: RunOptions,
    private readonly settle: (ok: boolean, value: unknown) => void,
  ) {
    super(++runs, {
      seed: options.seed === undefined ? freshSeed() : String(options.seed),
      quanta: options.quanta ?? envInt("MIOU_QUANTA", 1, 1),
      domains: options.domains ?? Math.min(envInt("MIOU_DOMAINS", Math.max(0, platform.parallelism() - 1), 0), MAX_DOMAINS),
      tracing: options.trace !== undefined,
    });
    this.trace = options.trace ?? null;
    this.events = options.events;
    this.home = new Domain(0, this, options.events === undefined ? null : eventsOf(options.events, 0));
  }

  emit(kind: TraceKind, task: Task): void {
    if (this.trace !== null) this.report(this.event(kind, task));
  }

  /** Hands an event to `trace`: dom0's own, or one a worker sent. */
  report(event: TraceEvent): void {
    // The scheduler is mid-action here and must finish it: an error from the user's callback
    // ends the run (after the usual teardown) instead of escaping into the scheduler.
    try {
      this.trace!(event);
    } catch (e) {
      this.fatal(thrownBy("trace", e));
      this.home.kick();
    }
  }

  fatal(error: unknown): void {
    this.fatalError ??= { error };
    this.over = true;
  }

  stalled(): boolean {
    this.fatal(deadlock(this.root));
    return true;
  }

  /**
   * Tears down what is left, waits for the other domains to finish tearing down their part (each
   * answer kicks dom0 again), calls the event source's finaliser, and settles `run`'s promise.
   */
  conclude(): void {
    if (this.concluded) return;
    const root = this.root!;
    if (!this.tornDown) {
      this.tornDown = true;
      if (this.fatalError !== null) this.home.cancelTree(root);
    }
    if (this.waitsElsewhere) return;
    this.concluded = true;
    this.elsewhere?.end();
    try {
      this.home.events?.finaliser?.();
    } catch (e) {
      this.fatal(thrownBy("events.finaliser", e));
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
  // In a thread miou started as a domain, `run` starts nothing (README, "Domains: parallel tasks", on modules in workers): the module was
  // loaded for its portable functions, and what follows `await Miou.run(...)` must not run.
  if (platform.domainThread) return new Promise<never>(() => undefined);
  validate(main, options);
  const site = new Error(); // its stack is formatted only if an error of the run needs it
  // Made before the promise, so that a misshapen `events` record throws at the call.
  let settle: (ok: boolean, value: unknown) => void = () => undefined;
  const r = new MainRun(options, (ok, value) => settle(ok, value));
  r.site = site;
  r.main = main.name;
  return new Promise<Returned<F>>((resolve, reject) => {
    settle = (ok, value) => (ok ? resolve(value as Returned<F>) : reject(value));
    r.root = r.home.spawn(null, main);
    r.home.loop();
  });
}

function validate(main: unknown, options: RunOptions): void {
  if (typeof main !== "function") throw new TypeError("Miou.run: `main` must be a function (plain or generator)");
  if (typeof options !== "object" || options === null) throw new TypeError("Miou.run: `options` must be an object");
  const { quanta, domains, seed, events, trace } = options;
  if (quanta !== undefined && !(Number.isInteger(quanta) && quanta >= 1))
    throw new RangeError(`Miou.run: \`quanta\` must be an integer of at least 1, not ${String(quanta)}`);
  if (domains !== undefined && !(Number.isInteger(domains) && domains >= 0 && domains <= MAX_DOMAINS))
    throw new RangeError(`Miou.run: \`domains\` must be an integer from 0 to ${MAX_DOMAINS} (each is a thread), not ${String(domains)}`);
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
