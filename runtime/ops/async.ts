/** ⏸ `async`: a concurrent child on the current domain (README, "Scheduling"; rule 1 in RULES.md). */
import { suspending } from "../core/context.js";
import { describe } from "../core/errors.js";
import type { DomainPort } from "../core/run.js";
import { Op } from "../core/protocol.js";
import type { Resource } from "./ownership.js";
import type { Task } from "../core/task.js";
import { asPromise, type Operation, type Promise, type Returned } from "../types.js";
import { asCollector, claim, type Orphans } from "./orphans.js";
import { give, handle, surrender } from "./ownership.js";

export interface SpawnOptions<T> {
  /** Resources moved from the caller to the child when it is created. */
  give?: Resource<unknown>[];
  /** A collector the child is registered in, for background tasks (one of `unknown` takes any child). */
  orphans?: Orphans<T> | Orphans<unknown>;
}

/**
 * The options of `async` and `call`, checked at the call, before anything happens: a misshapen
 * one found when the child already exists would leave it behind (`Still_has_children`).
 */
export function checkOptions(options: unknown, fn: string, keys: readonly string[]): void {
  if (options === undefined) return;
  const shape = `{ ${keys.map((k) => `${k}?`).join(", ")} }`;
  if (options === null || typeof options !== "object")
    throw new TypeError(`Miou.${fn}: options must be an object ${shape} or absent, not ${options === null ? "null" : typeof options}`);
  const { give, orphans, pin } = options as { give?: unknown; orphans?: unknown; pin?: unknown };
  if (give !== undefined) {
    if (!Array.isArray(give)) throw new TypeError(`Miou.${fn}: \`give\` must be an array of resources made by Miou.Ownership.create`);
    for (const r of give) handle(r, `${fn}: give`);
  }
  if (orphans !== undefined) asCollector(orphans, `${fn}: orphans`);
  // Which domains exist is known when the op is performed; here, only that it names one.
  if (pin !== undefined && !Number.isInteger(pin))
    throw new TypeError(`Miou.${fn}: \`pin\` must be the uid of a worker domain (an integer; see Miou.Domain.all()), not ${describe(pin)}`);
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
  perform(task: Task, domain: DomainPort): unknown {
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
  checkOptions(options, "async", ["give", "orphans"]);
  return new AsyncOp(fn, options as SpawnOptions<unknown> | undefined) as Operation<Promise<Returned<F>>>;
}
