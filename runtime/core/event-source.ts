/**
 * A domain's event source: how it asks the user's `events` (Miou's `select`) which syscalls may
 * proceed, and when it may block. The default source (no `events`) is JavaScript's own event
 * loop: callbacks call `Miou.wake`, which needs no polling.
 *
 * What must stay true:
 * - a custom `select` is called only while tasks of this domain are parked on syscalls: between
 *   steps without blocking (`select(false, ...)`), and with `block` true only when nothing is
 *   runnable (`Domain.idle`);
 * - at most one `select` promise is pending; while it is, no other `select` is made, and any
 *   wake-up (`Domain.kick`) calls `interrupt` so that the promise settles promptly;
 * - the uid of each syscall forgotten while parked reaches exactly one `select`; with the
 *   default source nothing is kept (a long-lived server with timeouts would grow without bound);
 * - whatever the user's source does (throws, returns what is not an array of signals, refuses
 *   inspection), it ends the run through `run.fatal`, never by a throw out of the scheduler;
 * - only syscalls of this domain are triggered.
 */
import { badSelect, thrownBy } from "./mistakes.js";
import type { DomainPort } from "./run.js";
import { Signal, type Events } from "./syscall.js";

export class EventSource {
  /** Tasks parked in `suspend`: while there are any, a custom `select` is polled. */
  private parked = 0;
  /** Uids of syscalls whose task was cancelled, handed to the next `select` (a custom one only). */
  private cancelled: number[] = [];
  /** A `select` promise is pending. */
  private selecting = false;

  constructor(
    private readonly domain: DomainPort,
    /** The user's source; null for the default. Set once, early, on a worker whose `events` had to be loaded. */
    private source: Events | null,
  ) {}

  /** The user's event source (Miou's `events`), or null for the default. */
  get events(): Events | null {
    return this.source;
  }

  /** Sets the user's source of a worker's domain, loaded after the domain was made. */
  use(events: Events): void {
    this.source = events;
  }

  /** A task parks on a syscall. */
  syscallParked(): void {
    this.parked += 1;
  }

  /** A task parked on a syscall is woken, or torn down. */
  syscallLeft(): void {
    this.parked -= 1;
  }

  /** Tasks are parked on syscalls: something outside the run may still wake one. */
  get waiting(): boolean {
    return this.parked > 0;
  }

  /** A custom source has syscalls to answer, and no `select` is pending: it may be asked. */
  get due(): boolean {
    return this.source !== null && this.parked > 0 && !this.selecting;
  }

  /** A custom source has syscalls to answer, and a `select` promise is pending. */
  get pending(): boolean {
    return this.selecting;
  }

  /** The domain is woken from a callback: a pending `select` must settle now. */
  interrupt(): void {
    if (this.selecting) this.source!.interrupt();
  }

  /** A syscall of this domain will never be waited on again: the next `select` is told. */
  forget(uid: number): void {
    if (this.source !== null) this.cancelled.push(uid);
  }

  /**
   * Asks the custom source which syscalls may proceed (`block`: nothing else is runnable, and it
   * may answer with a promise), and triggers them; a promise's answer kicks the domain.
   */
  poll(block: boolean): void {
    const run = this.domain.run;
    const cancelled = this.cancelled;
    this.cancelled = [];
    let result: Signal[] | PromiseLike<Signal[]>;
    let now: boolean;
    try {
      result = this.source!.select(block, cancelled);
    } catch (e) {
      run.fatal(thrownBy("events.select", e));
      return;
    }
    try {
      now = Array.isArray(result);
    } catch (e) {
      run.fatal(badSelect(result, e)); // a revoked Proxy
      return;
    }
    if (now) return this.deliver(result);
    this.selecting = true;
    Promise.resolve(result).then(
      (signals) => {
        this.selecting = false;
        this.deliver(signals);
        this.domain.kick();
      },
      (e: unknown) => {
        this.selecting = false;
        run.fatal(thrownBy("events.select", e));
        this.domain.kick();
      },
    );
  }

  /** Triggers the syscalls of this domain that `select` signalled; anything else is the source's mistake. */
  private deliver(signals: unknown): void {
    const run = this.domain.run;
    try {
      if (!Array.isArray(signals)) return run.fatal(badSelect(signals));
      for (const s of signals as unknown[]) if (!(s instanceof Signal)) return run.fatal(badSelect(signals));
    } catch (e) {
      return run.fatal(badSelect(signals, e));
    }
    for (const s of signals as Signal[]) {
      if (s.syscall.domain === this.domain) s.syscall.trigger();
    }
  }
}
