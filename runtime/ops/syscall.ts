/** The suspension API: `syscall`, `suspend`, `signal`, `uid`, `wake` (README, "Waiting for the outside world"; rule 7 in RULES.md). */
import { ctx, suspending } from "../core/context.js";
import type { DomainPort } from "../core/run.js";
import { Op, PARK } from "../core/protocol.js";
import { Signal, Syscall } from "../core/syscall.js";
import type { Task } from "../core/task.js";
import { isInstance, type Operation } from "../types.js";

export type { Events } from "../core/syscall.js";
export type { Syscall, Signal };

class SyscallOp extends Op<Syscall> {
  constructor(readonly name: string | undefined) {
    super();
  }
  get label(): string {
    return "syscall";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const s = new Syscall(this.name ?? "", task);
    domain.run.emit("syscall", task);
    return s;
  }
}

class SuspendOp extends Op<void> {
  constructor(
    readonly s: Syscall,
    readonly fn: (() => void) | undefined,
  ) {
    super();
  }
  get label(): string {
    return "suspend";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const s = this.s;
    if (s.task !== task) throw new TypeError("Miou.suspend: this syscall does not belong to the current promise; only the task that made it may suspend on it");
    if (s.domain !== domain) throw new TypeError("Miou.suspend: this syscall does not belong to the current domain");
    if (!s.signalled && this.fn !== undefined) {
      try {
        this.fn();
      } catch (e) {
        domain.forget(s.uid);
        throw e;
      }
    }
    if (s.signalled) return undefined;
    s.park();
    task.wait = s;
    return PARK;
  }
}

/** ⏸ Makes a suspension token for the current task on the current domain. */
export function syscall(name?: string): Operation<Syscall> {
  suspending("syscall");
  if (name !== undefined && typeof name !== "string") throw new TypeError(`Miou.syscall: the name must be a string or absent, not ${name === null ? "null" : typeof name}`);
  return new SyscallOp(name) as Operation<Syscall>;
}

/**
 * ⏸ Parks the current task until `s` is signalled (by `select` returning `signal(s)`, or by
 * `wake(s)`). `fn` runs first, once the suspension is certain: register `s` with your event
 * source there. A token is one-shot: suspending on a signalled one returns at once.
 */
export function suspend(s: Syscall, fn?: () => void): Operation<void> {
  suspending("suspend");
  if (!isInstance(s, Syscall)) throw new TypeError("Miou.suspend: expected a syscall made by Miou.syscall()");
  if (fn !== undefined && typeof fn !== "function") throw new TypeError("Miou.suspend: `fn` must be a function");
  return new SuspendOp(s, fn) as Operation<void>;
}

/** "Wake this syscall": what a `select` returns for `s`. Call it on `s`'s domain. */
export function signal(s: Syscall): Signal {
  if (!isInstance(s, Syscall)) throw new TypeError("Miou.signal: expected a syscall made by Miou.syscall()");
  if (ctx.domain !== null && ctx.domain !== s.domain)
    throw new TypeError("Miou.signal: this syscall does not belong to the current domain.");
  return new Signal(s);
}

/** The syscall's unique id, as `select` receives it in `cancelled`. */
export function uid(s: Syscall): number {
  if (!isInstance(s, Syscall)) throw new TypeError("Miou.uid: expected a syscall made by Miou.syscall()");
  return s.uid;
}

/**
 * Wakes `s` through the default event source, from any JavaScript callback on `s`'s domain
 * (a timer, a socket event, a promise's `then`). Waking twice, or after the task was
 * cancelled, does nothing.
 *
 * @example
 * ```ts
 * const s = yield* Miou.syscall("timer");
 * yield* Miou.suspend(s, () => setTimeout(() => Miou.wake(s), 10));
 * ```
 */
export function wake(s: Syscall): void {
  if (!isInstance(s, Syscall)) throw new TypeError("Miou.wake: expected a syscall made by Miou.syscall()");
  s.trigger();
}
