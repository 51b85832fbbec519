/** ⏸ `call` and `parallel`: children on other domains (rule 6 in RULES.md; README, "Domains: parallel tasks"). */
import { suspending } from "../core/context.js";
import { No_domain_available } from "../core/errors.js";
import { Op, PARK } from "../core/protocol.js";
import type { DomainPort, DomainUid } from "../core/run.js";
import { detach, type Task, type Wait } from "../core/task.js";
import { connect } from "../domains/pool.js";
import { refOf } from "../domains/portable.js";
import { spawnRemote } from "../domains/stand-ins.js";
import type { Operation, Promise, Result, Returned } from "../types.js";
import { checkOptions } from "./async.js";
import { claim, type Orphans } from "./orphans.js";
import { surrender, type Resource } from "./ownership.js";
import { awaited } from "./result.js";

export interface CallOptions<T> {
  /** The worker domain to run on; never dom0 nor the caller's own domain. */
  pin?: DomainUid;
  /** Resources whose obligation to release moves to the child (their finalisers stay on this domain). */
  give?: Resource<unknown>[];
  /** A collector the child is registered in. */
  orphans?: Orphans<T> | Orphans<unknown>;
}

/** What an element function of `parallel` produces: a generator's return value, or its result. */
export type Produced<F> = F extends (a: never) => Generator<unknown, infer R, any> ? R : F extends (a: never) => infer R ? R : never;

/** What `parallel` gives `fn`: its parameter's type (anything, for a function that takes none). */
export type Element<F> = F extends () => unknown ? unknown : F extends (a: infer A) => unknown ? A : never;

/** The worker domains a task on `domain` may use: all of them but its own (never dom0). */
function eligible(domain: DomainPort): number[] {
  const out: number[] = [];
  for (let d = 1; d <= domain.run.domains; d++) if (d !== domain.uid) out.push(d);
  return out;
}

function noDomain(fn: string, domain: DomainPort): No_domain_available {
  return domain.run.domains === 0
    ? new No_domain_available(`Miou.${fn}: the run has no worker domain (domains: 0); start it with \`domains\` of at least 1`)
    : new No_domain_available(`Miou.${fn}: the only worker domain is the caller's own; start the run with \`domains\` of at least 2`);
}

class CallOp extends Op {
  constructor(
    readonly fn: Function,
    readonly options: CallOptions<unknown> | undefined,
  ) {
    super();
  }
  get label(): string {
    return "call";
  }
  perform(task: Task, domain: DomainPort): unknown {
    const options = this.options ?? {};
    const candidates = eligible(domain);
    let target: number;
    if (options.pin !== undefined) {
      const pin = options.pin;
      if (!Number.isInteger(pin) || pin < 1 || pin > domain.run.domains || pin === domain.uid)
        throw new RangeError(
          `Miou.call: pin ${String(pin)}: the given domain to pin your task does not exist or is the actual domain; ` +
            `pick one of ${candidates.length === 0 ? "no domain (there is none)" : candidates.join(", ")}`,
        );
      target = pin;
    } else {
      if (candidates.length === 0) throw noDomain("call", domain);
      target = candidates[domain.random.int(candidates.length)]!;
    }
    const fn = refOf(this.fn, "Miou.call");
    const give = options.give === undefined ? [] : surrender(task, options.give, "call");
    connect(domain.run);
    const child = spawnRemote(task, domain, target, fn, null, give, "Miou.call");
    if (options.orphans !== undefined) claim(options.orphans, task, "call").add(child);
    return child;
  }
}

class ParallelOp extends Op implements Wait {
  private children: Task[] | null = null;
  /** The children not done yet: each one's end is O(1), however many elements. */
  private pending: Set<Task> | null = null;
  constructor(
    readonly fn: Function,
    readonly xs: readonly unknown[],
  ) {
    super();
  }
  get label(): string {
    return "parallel";
  }
  perform(task: Task, domain: DomainPort): unknown {
    let children = this.children;
    if (children === null) {
      const workers = eligible(domain);
      if (workers.length === 0) throw noDomain("parallel", domain);
      const fn = refOf(this.fn, "Miou.parallel");
      connect(domain.run);
      children = this.children = this.xs.map((x, i) => spawnRemote(task, domain, workers[i % workers.length]!, fn, { value: x }, [], "Miou.parallel"));
    }
    const pending = (this.pending ??= new Set(children.filter((p) => !p.done)));
    if (pending.size > 0) {
      task.wait = this;
      return PARK;
    }
    for (const p of children) detach(p);
    return children.map(awaited);
  }
  childDone(task: Task, child: Task): void {
    const pending = this.pending!;
    if (pending.delete(child) && pending.size === 0) task.domain.retry(task);
  }
}

/**
 * ⏸ Creates a child task on another domain (a worker thread), chosen at random among the
 * workers other than the caller's, or `pin`. `fn` must be portable: a self-contained function
 * in generator style, or what the transformer registers in direct style.
 *
 * @example
 * ```ts
 * const p = yield* Miou.call(function* () { return 6 * 7; });
 * const v = yield* Miou.await_exn(p); // 42, computed on a worker
 * ```
 */
export function call<F extends () => unknown>(fn: F, options?: CallOptions<Returned<F>>): Operation<Promise<Returned<F>>> {
  suspending("call");
  if (typeof fn !== "function") throw new TypeError("Miou.call: expected a function (plain or generator)");
  checkOptions(options, "call", ["pin", "give", "orphans"]);
  return new CallOp(fn, options as CallOptions<unknown> | undefined) as unknown as Operation<Promise<Returned<F>>>;
}

/**
 * ⏸ Runs `fn` on every element of `xs`, spread round-robin over the workers other than the
 * caller's domain, and returns their outcomes in input order. A failing element does not
 * cancel the others.
 */
export function parallel<F extends (a: any) => unknown>(fn: F, xs: readonly Element<F>[]): Operation<Result<Produced<F>>[]> {
  suspending("parallel");
  if (typeof fn !== "function") throw new TypeError("Miou.parallel: expected a function (plain or generator) as first argument");
  if (!Array.isArray(xs)) throw new TypeError("Miou.parallel: expected an array as second argument");
  return new ParallelOp(fn, xs) as unknown as Operation<Result<Produced<F>>[]>;
}
