/**
 * Where the running code stands. JavaScript runs one step at a time per thread, so these are
 * plain globals, saved and restored around every stretch of scheduling (a task may start a
 * nested `run`).
 */
import type { DomainPort } from "./run.js";
import type { Task } from "./task.js";

export const ctx: {
  /** The domain of this thread whose loop is running, if any. */
  domain: DomainPort | null;
  /** The task being stepped, if any. */
  task: Task | null;
  /**
   * True only while a task's generator frame runs: the one place a ⏸ call's operation can be
   * yielded. False in plain task bodies, hooks, finalisers and `select`.
   */
  suspendable: boolean;
} = { domain: null, task: null, suspendable: false };

/**
 * The guard every ⏸ function runs first: its operation must be yielded by a task's generator,
 * which the transformer (or `yield*` in `miou/gen`) arranges.
 */
export function suspending(name: string): Task {
  const task = ctx.task;
  if (task === null || !ctx.suspendable) throw notSuspendable(name, task !== null);
  return task;
}

export function notSuspendable(name: string, inTask: boolean): TypeError {
  const where = inTask
    ? "from a plain function the runtime runs as a task body (or from a hook, finaliser or select)"
    : "outside a running task";
  return new TypeError(
    `Miou.${name} suspends, but it was called ${where}. ` +
      "In direct style (import from 'miou'), build with the transformer: add " +
      `{ "transform": "miou/transformer" } to compilerOptions.plugins and run tspc, or run with ` +
      "`npx miou run`. In generator style (import from 'miou/gen'), write `yield* Miou." +
      `${name}(...)` +
      "` inside a generator function (function*).",
  );
}

/** The current domain, for the few non-suspending functions that need it (`Domain.self`, `seed`). */
export function currentDomain(name: string): DomainPort {
  const d = ctx.domain;
  if (d === null) throw new TypeError(`Miou.${name} can only be called while a Miou.run is running, from one of its tasks`);
  return d;
}

/**
 * The ⏸ functions of miou (filled by `gen.ts`, the one list of them). One may be given where a
 * task body is expected (`async(Miou.yield_)`, `parallel(sleep, xs)`): it then behaves exactly
 * as the generator that calls it, while a plain body that calls one still gets the guard's
 * TypeError.
 */
export const PRIMITIVES = new WeakSet<object>();

/** The task body that calls `fn` with `args` (none: `fn` itself, unless a ⏸ function). */
export function bodyOf(fn: (...args: never[]) => unknown, args?: readonly unknown[]): () => unknown {
  const call = fn as (...args: unknown[]) => unknown;
  if (PRIMITIVES.has(fn))
    return function* primitive(): Generator<unknown, unknown, unknown> {
      return yield* call(...(args ?? [])) as Iterator<unknown, unknown, unknown> & Iterable<unknown>;
    } as () => unknown;
  return args === undefined ? (call as () => unknown) : () => call(...args);
}
