/**
 * The suspension API's tokens. A syscall belongs to the task and the domain that made it;
 * it is signalled at most once, by `select` returning its `Signal`, or by `wake`.
 */
import type { Domain } from "./domain.js";
import type { Task, Wait } from "./task.js";
import { NEXT } from "./task.js";

let nextSyscall = 1;

export class Syscall implements Wait {
  readonly uid = nextSyscall++;
  signalled = false;
  /** Its task is parked in `suspend` on it. */
  parked = false;

  constructor(
    readonly name: string,
    readonly task: Task,
    readonly domain: Domain,
  ) {}

  /** The task was cancelled while parked: the next `select` is told to forget the uid. */
  teardown(): void {
    this.parked = false;
    this.domain.suspended -= 1;
    this.domain.cancelledSyscalls.push(this.uid);
  }

  /**
   * Marks the token signalled and resumes its task if it is parked on it; idempotent. A token
   * whose task has ended is dead: signalling it does nothing, so a trace never shows an event
   * of a task after its end.
   */
  trigger(): void {
    if (this.signalled || this.task.done) return;
    this.signalled = true;
    this.domain.run.emit("signal", this.task);
    if (!this.parked) return;
    this.parked = false;
    this.domain.suspended -= 1;
    this.domain.wake(this.task, NEXT, undefined);
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
