/**
 * The suspension API's tokens. A syscall belongs to the task and the domain that made it;
 * it is signalled at most once, by `select` returning its `Signal`, or by `wake`.
 */
import type { Home, Task, Wait } from "./task.js";

let nextSyscall = 1;

// `Syscall.state`: a token is parked on at most once and signalled at most once.
const FRESH = 0;
const PARKED = 1;
const SIGNALLED = 2;

export class Syscall implements Wait {
  readonly uid = nextSyscall++;
  /** FRESH, PARKED while its task waits on it, SIGNALLED once signalled (for good). */
  private state = FRESH;

  constructor(
    readonly name: string,
    readonly task: Task,
  ) {}

  /** The domain it belongs to: its task's. */
  get domain(): Home {
    return this.task.domain;
  }

  get signalled(): boolean {
    return this.state === SIGNALLED;
  }

  /** Its task is parked in `suspend` on it. */
  get parked(): boolean {
    return this.state === PARKED;
  }

  /** Parks the task on it; only when it is not signalled yet. */
  park(): void {
    this.state = PARKED;
    this.domain.syscallParked();
  }

  /**
   * The task was cancelled while it waited on it. Still parked: the next `select` is told to
   * forget the uid. Already signalled (woken, not resumed): `trigger` did the accounting.
   */
  teardown(): void {
    if (this.state !== PARKED) return;
    this.state = FRESH;
    const domain = this.domain;
    domain.syscallLeft();
    domain.forget(this.uid);
  }

  /** Marks the token signalled and resumes its task if it is parked on it; idempotent. */
  trigger(): void {
    const was = this.state;
    if (was === SIGNALLED || this.task.done) return; // a dead task's syscall signals nothing
    this.state = SIGNALLED;
    const domain = this.domain;
    domain.signalled(this.task);
    if (was !== PARKED) return;
    domain.syscallLeft();
    domain.wake(this.task, undefined);
  }
}

/** "Wake this syscall": what `select` returns. */
export class Signal {
  constructor(readonly syscall: Syscall) {}
}

/**
 * Miou's `events` record: the user's own event source. `select(block, cancelled)` returns the
 * signals of the syscalls that may proceed; only a promise returned when `block` is true may
 * wait, and `interrupt()` must settle that promise promptly.
 */
export interface Events {
  select(block: boolean, cancelled: number[]): Signal[] | PromiseLike<Signal[]>;
  interrupt(): void;
  finaliser?(): void;
}

/**
 * The events record `make` returns for domain `uid`, checked before the run uses it: a misshapen
 * one would otherwise throw from inside the scheduler (an `interrupt` missing when a wake-up
 * comes) long after `run` was called.
 */
export function eventsOf(make: (domain: number) => Events, uid: number): Events {
  const events = make(uid);
  const shape = "{ select(block, cancelled) { ... }, interrupt() { ... }, finaliser?() { ... } }";
  if (events === null || typeof events !== "object")
    throw new TypeError(`Miou.run: \`events(${uid})\` must return an events record ${shape}, not ${events === null ? "null" : typeof events}`);
  for (const name of ["select", "interrupt"] as const)
    if (typeof events[name] !== "function")
      throw new TypeError(`Miou.run: the events record of domain ${uid} has no \`${name}\` function; it must be ${shape}`);
  if (events.finaliser !== undefined && typeof events.finaliser !== "function")
    throw new TypeError(`Miou.run: the \`finaliser\` of the events record of domain ${uid} must be a function or absent`);
  return events;
}
