/** ⏸ `async`: a concurrent child on the current domain (semantics §3). */
import { suspending } from "../core/context.js";
import type { Domain } from "../core/domain.js";
import { Op } from "../core/protocol.js";
import type { Resource } from "./ownership.js";
import type { Task } from "../core/task.js";
import { asPromise, type Operation, type Promise, type Returned } from "../types.js";
import { claim, type Orphans } from "./orphans.js";
import { give, surrender } from "./ownership.js";

export interface SpawnOptions<T> {
  /** Resources moved from the caller to the child when it is created. */
  give?: Resource<unknown>[];
  /** A collector the child is registered in, for background tasks (one of `unknown` takes any child). */
  orphans?: Orphans<T> | Orphans<unknown>;
}

class AsyncOp extends Op<Promise<unknown>> {
  constructor(
    readonly body: () => unknown,
    readonly options: SpawnOptions<unknown> | undefined,
  ) {
    super();
  }
  get label(): string {
    return "async";
  }
  perform(task: Task, domain: Domain): unknown {
    const options = this.options;
    // What is given is checked (and taken from the caller) before the child exists.
    const given = options?.give === undefined ? null : surrender(task, options.give, "async");
    const child = domain.spawn(task, this.body);
    if (options !== undefined) {
      if (given !== null) give(child, given);
      // The child exists before the orphans check, as in Miou: a misuse leaves it a child.
      if (options.orphans !== undefined) claim(options.orphans, task, "async").add(child);
    }
    return asPromise(child);
  }
}

/**
 * ⏸ Creates a child task that runs concurrently on the current domain. It starts at the
 * caller's next scheduling point; the caller must await or cancel it before returning.
 *
 * @example
 * ```ts
 * const p = yield* Miou.async(() => 42);
 * const v = yield* Miou.await_exn(p); // 42
 * ```
 */
export function async<F extends () => unknown>(
  fn: F,
  options?: SpawnOptions<Returned<F>>,
): Operation<Promise<Returned<F>>> {
  suspending("async");
  if (typeof fn !== "function") throw new TypeError("Miou.async: expected a function (plain or generator)");
  return new AsyncOp(fn, options as SpawnOptions<unknown> | undefined) as Operation<Promise<Returned<F>>>;
}
