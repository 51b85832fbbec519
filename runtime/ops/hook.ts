/** ⏸ Hooks: functions a domain runs before every step (README, "Scheduling"). */
import { suspending } from "../core/context.js";
import type { DomainPort, Hook } from "../core/run.js";
import { Op } from "../core/protocol.js";
import type { Task } from "../core/task.js";
import type { Operation } from "../types.js";

export type { Hook };

/** The hooks `Hook.add` made: `Hook.remove` takes nothing else. */
const made = new WeakSet<object>();

/** Generator functions: their body runs only when iterated, so as a hook it would never run. */
const GENERATOR_FUNCTIONS: readonly unknown[] = [Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {})];

class AddOp extends Op<Hook> {
  constructor(readonly fn: () => void) {
    super();
  }
  get label(): string {
    return "Hook.add";
  }
  perform(_task: Task, domain: DomainPort): unknown {
    const hook: Hook = { fn: this.fn, domain };
    made.add(hook);
    domain.addHook(hook);
    return hook;
  }
}

class RemoveOp extends Op<void> {
  constructor(readonly hook: Hook) {
    super();
  }
  get label(): string {
    return "Hook.remove";
  }
  perform(_task: Task, domain: DomainPort): unknown {
    if (this.hook.domain !== domain)
      throw new TypeError("Miou.Hook.remove: the hook does not belong to the current domain; remove it from the domain that added it");
    domain.removeHook(this.hook);
    return undefined;
  }
}
RemoveOp.prototype.cleanup = true;

/**
 * ⏸ Adds `fn` to the current domain's hooks: it runs before every step of the domain, newest
 * hook first. A hook must not suspend; one that throws is removed.
 */
export function add(fn: () => void): Operation<Hook> {
  suspending("Hook.add");
  if (typeof fn !== "function") throw new TypeError("Miou.Hook.add: expected a function");
  if (GENERATOR_FUNCTIONS.includes(Object.getPrototypeOf(fn)))
    throw new TypeError("Miou.Hook.add: a hook must be a plain function; the body of a generator function would never run (a hook must not suspend)");
  return new AddOp(fn);
}

/** ⏸ Removes a hook of the current domain (idempotent). */
export function remove(hook: Hook): Operation<void> {
  suspending("Hook.remove");
  if (hook === null || typeof hook !== "object" || !made.has(hook))
    throw new TypeError("Miou.Hook.remove: expected a hook returned by Miou.Hook.add");
  return new RemoveOp(hook);
}
